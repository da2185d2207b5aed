// The project as data, for `diff` (issue 11, item 3): what the compiled flows, the launch graph
// and the validator do not already compare. Two parsed projects are walked side by side;
// lists whose items carry an `id` are matched by id (so an inserted step does not shift every
// later one), and every difference is classed:
// - cosmetic: names, titles, bodies, labels, question texts, the agent's answer text, the
//   `$schema` line, and the order of CTAs, personas, posts and blocks (what a user reads, not
//   where a flow goes);
// - routes: what the compiled machine already compares edge by edge (CTA and trigger lists,
//   conditions, fallback, closing cross, which steps exist): left out here, unless a flow
//   could not be compiled;
// - behaviour: everything else (audience, pages, recurrence, status, settings, tasks, posts'
//   and blocks' actions, the agent, personas' attributes, the order of experiences, tasks and
//   agent answers…). A field added to the format later counts as behaviour until it is named
//   here.
// Paths are id paths: JSON pointers whose indices into id-carrying lists are the ids.
import type { Project } from "../format/schema.ts";
import { childPointer } from "../model/diagnostic.ts";

export type DataChangeKind = "added" | "removed" | "changed" | "reordered";

export interface DataChange {
  /** JSON pointer with ids in place of the indices of id-carrying lists. */
  path: string;
  /** The experience it belongs to, when it does. */
  experience?: string;
  kind: DataChangeKind;
  cosmetic: boolean;
  before?: unknown;
  after?: unknown;
  /** In words: "step “thank-you” renamed “Thanks” → “Thank you”". */
  text: string;
}

type Segment = string;

/** Fields whose change is cosmetic (`*` is any id). */
const cosmeticFields = new Set([
  "$schema",
  "experiences/*/name",
  "experiences/*/steps/*/name",
  "experiences/*/steps/*/title",
  "experiences/*/steps/*/body",
  "experiences/*/steps/*/question/text",
  "experiences/*/steps/*/question/minLabel",
  "experiences/*/steps/*/question/maxLabel",
  "experiences/*/steps/*/question/placeholder",
  "experiences/*/steps/*/ctas/*/label",
  "experiences/*/tasks/*/label",
  "personas/*/name",
  "posts/*/title",
  "posts/*/body",
  "posts/*/cta/label",
  "resourceCenter/blocks/*/label",
  "agent/customAnswers/*/answer",
]);

/** What a difference in an id-carrying list's members or order means. */
interface Collection {
  /** "top": reported by diff.ts itself (experiences added or removed). */
  members: "behaviour" | "routes" | "top";
  order: "behaviour" | "cosmetic" | "routes";
}

const collections = new Map<string, Collection>([
  ["experiences", { members: "top", order: "behaviour" }],
  ["experiences/*/steps", { members: "routes", order: "routes" }],
  ["experiences/*/steps/*/ctas", { members: "routes", order: "cosmetic" }],
  ["experiences/*/steps/*/triggers", { members: "routes", order: "routes" }],
  ["experiences/*/steps/*/conditions", { members: "routes", order: "routes" }],
  ["experiences/*/tasks", { members: "behaviour", order: "behaviour" }],
  ["personas", { members: "behaviour", order: "cosmetic" }],
  ["posts", { members: "behaviour", order: "cosmetic" }],
  ["resourceCenter/blocks", { members: "behaviour", order: "cosmetic" }],
  ["agent/customAnswers", { members: "behaviour", order: "behaviour" }],
  ["agent/automatedActions", { members: "behaviour", order: "behaviour" }],
]);

/** Compared through the compiled flow's routes (flow-graph edges carry the lists, defaults
 *  included, and the answer classes the conditions make). */
const routeFields = new Set([
  "experiences/*/steps/*/ctas/*/actions",
  "experiences/*/steps/*/triggers",
  "experiences/*/steps/*/conditions",
  "experiences/*/steps/*/fallback",
  "experiences/*/steps/*/closingCross",
]);

export interface DataDiffOptions {
  /** Whether both versions of an experience compiled, so its routes were compared. */
  routesCompared(experience: string): boolean;
}

/** Every difference of the two projects as data, classed as above. */
export function dataChanges(
  before: Project,
  after: Project,
  options: DataDiffOptions,
): DataChange[] {
  const changes: DataChange[] = [];
  new DataWalk(changes, options).walk(before, after, [], []);
  return changes;
}

class DataWalk {
  constructor(
    private readonly changes: DataChange[],
    private readonly options: DataDiffOptions,
  ) {}

  walk(a: unknown, b: unknown, path: Segment[], shape: Segment[]): void {
    const where = shape.join("/");
    const experience = path[0] === "experiences" ? path[1] : undefined;
    const routed = experience !== undefined && this.options.routesCompared(experience);
    if (routed && routeFields.has(where)) return;
    const collection = collections.get(where);
    if (collection && Array.isArray(a) && Array.isArray(b) && keyed(a) && keyed(b)) {
      this.collection(a, b, path, shape, collection, routed);
      return;
    }
    if (isPlainObject(a) || isPlainObject(b)) {
      if ((isPlainObject(a) || a === undefined) && (isPlainObject(b) || b === undefined)) {
        const left = (a ?? {}) as Record<string, unknown>;
        const right = (b ?? {}) as Record<string, unknown>;
        const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
        for (const key of keys) {
          this.walk(left[key], right[key], [...path, key], [...shape, key]);
        }
        return;
      }
    }
    if (canonicalJson(a) === canonicalJson(b)) return;
    const kind: DataChangeKind =
      a === undefined ? "added" : b === undefined ? "removed" : "changed";
    this.push(path, kind, cosmeticFields.has(where), a, b);
  }

  private collection(
    a: readonly Record<string, unknown>[],
    b: readonly Record<string, unknown>[],
    path: Segment[],
    shape: Segment[],
    collection: Collection,
    routed: boolean,
  ): void {
    const left = byId(a);
    const right = byId(b);
    const members = collection.members === "routes" && !routed ? "behaviour" : collection.members;
    if (members === "behaviour") {
      for (const [id, item] of left) {
        if (!right.has(id)) this.push([...path, id], "removed", false, item, undefined);
      }
      for (const [id, item] of right) {
        if (!left.has(id)) this.push([...path, id], "added", false, undefined, item);
      }
    }
    const order = collection.order === "routes" && !routed ? "behaviour" : collection.order;
    const common = (ids: Iterable<string>, other: Map<string, unknown>) =>
      [...ids].filter((id) => other.has(id));
    const was = common(left.keys(), right);
    const now = common(right.keys(), left);
    if (was.join("\u0000") !== now.join("\u0000")) {
      // Step order is compared through what it decides (the first step, every `next`), so a
      // reorder that changes no route is cosmetic (diff.ts drops it when a route changed).
      const cosmetic = order === "cosmetic" || order === "routes";
      this.push(path, "reordered", cosmetic, was, now);
    }
    for (const [id, item] of left) {
      const other = right.get(id);
      if (other !== undefined) this.walk(item, other, [...path, id], [...shape, "*"]);
    }
  }

  private push(
    path: Segment[],
    kind: DataChangeKind,
    cosmetic: boolean,
    before: unknown,
    after: unknown,
  ): void {
    // Keys in the order the JSON report shows them.
    const change: Partial<DataChange> = { path: pointerOf(path) };
    if (path[0] === "experiences" && path[1] !== undefined) change.experience = path[1];
    change.kind = kind;
    change.cosmetic = cosmetic;
    if (before !== undefined) change.before = before;
    if (after !== undefined) change.after = after;
    change.text = describeChange(path, kind, before, after);
    this.changes.push(change as DataChange);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function keyed(list: readonly unknown[]): list is Record<string, unknown>[] {
  return list.every((item) => isPlainObject(item) && typeof item.id === "string");
}

/** Items by id; a repeated id (a validation error) gets `#2`, `#3`… so nothing is lost. */
function byId(list: readonly Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  const map = new Map<string, Record<string, unknown>>();
  for (const item of list) {
    const id = item.id as string;
    let key = id;
    for (let n = 2; map.has(key); n++) key = `${id}#${n}`;
    map.set(key, item);
  }
  return map;
}

export function pointerOf(path: readonly Segment[]): string {
  return path.reduce<string>((pointer, key) => childPointer(pointer, key), "");
}

/** JSON with object keys sorted: equal values give equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? "undefined";
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

/**
 * The id path of a JSON pointer into `document`: each index into a list whose items carry
 * an `id` becomes that id, so the same place keeps its name when items are inserted before it.
 */
export function idPathOf(document: unknown, pointer: string): string {
  if (pointer === "") return "";
  const tokens = pointer
    .slice(1)
    .split("/")
    .map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~"));
  const out: string[] = [];
  let at: unknown = document;
  for (const token of tokens) {
    if (Array.isArray(at) && /^\d+$/.test(token)) {
      const item = at[Number(token)];
      out.push(isPlainObject(item) && typeof item.id === "string" ? item.id : token);
      at = item;
    } else {
      out.push(token);
      at = isPlainObject(at) ? at[token] : undefined;
    }
  }
  return pointerOf(out);
}

// ------------------------------------------------------------------------------- words

const owners: { collection: string; words: string }[] = [
  { collection: "steps", words: "step" },
  { collection: "ctas", words: "CTA" },
  { collection: "triggers", words: "trigger" },
  { collection: "conditions", words: "condition" },
  { collection: "tasks", words: "task" },
  { collection: "personas", words: "persona" },
  { collection: "posts", words: "post" },
  { collection: "blocks", words: "block" },
  { collection: "customAnswers", words: "custom answer" },
  { collection: "automatedActions", words: "automated action" },
];

const collectionWords: Record<string, string> = {
  experiences: "experiences",
  steps: "steps",
  ctas: "CTAs",
  triggers: "triggers",
  conditions: "conditions",
  tasks: "tasks",
  personas: "personas",
  posts: "posts",
  blocks: "resource-center blocks",
  customAnswers: "custom answers",
  automatedActions: "automated actions",
};

/** "CTA “done” of step “thank-you”" and the field path left ("label"). */
function subjectOf(path: readonly Segment[]): { subject: string; field: string[] } {
  const parts: string[] = [];
  let field: string[] = [];
  // The experience itself is the group the change is listed under: not repeated.
  const rest = path[0] === "experiences" && path.length >= 2 ? path.slice(2) : path;
  for (let i = 0; i < rest.length; i++) {
    const owner = owners.find((o) => o.collection === rest[i]);
    if (owner && i + 1 < rest.length) {
      parts.unshift(`${owner.words} “${rest[i + 1]}”`);
      i++;
      field = [];
      continue;
    }
    field.push(rest[i]);
  }
  const subject = parts.length > 0 ? parts.join(" of ") : "";
  return { subject, field };
}

const valueLimit = 70;

/** A value in a sentence: strings in quotes, short lists inline, the rest as compact JSON. */
export function valueWords(value: unknown): string {
  if (typeof value === "string") return `“${cut(value, valueLimit)}”`;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) {
    return cut(
      `[${value.map((v) => (typeof v === "string" ? v : String(v))).join(", ")}]`,
      valueLimit,
    );
  }
  if (typeof value !== "object" || value === null) return String(value);
  return cut(canonicalJson(value), valueLimit);
}

function cut(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function describeChange(
  path: readonly Segment[],
  kind: DataChangeKind,
  before: unknown,
  after: unknown,
): string {
  if (path[0] === "experiences" && path.length === 1 && kind === "reordered") {
    return `order of experiences (the order automatic shows are checked in): ${listWords(before)} → ${listWords(after)}`;
  }
  const { subject, field } = subjectOf(path);
  const last = path[path.length - 1];
  if (kind === "reordered") {
    const owner = subject ? ` of ${subject}` : "";
    return `order of ${collectionWords[last] ?? last}${owner}: ${listWords(before)} → ${listWords(after)}`;
  }
  if (field.length === 0) {
    // A whole member added or removed.
    return `${subject} ${kind}`;
  }
  const name = field.join(".");
  const head = subject ? `${subject}: ` : "";
  const owner = subject || (path[0] === "experiences" ? "experience" : "");
  if (kind === "changed" && name === "name" && owner) {
    return `${owner} renamed ${valueWords(before)} → ${valueWords(after)}`;
  }
  if (kind === "changed" && name === "label" && owner) {
    return `${owner} relabelled ${valueWords(before)} → ${valueWords(after)}`;
  }
  if (kind === "added") return `${head}${name} added: ${valueWords(after)}`;
  if (kind === "removed") return `${head}${name} removed (was ${valueWords(before)})`;
  return `${head}${name} changed: ${valueWords(before)} → ${valueWords(after)}`;
}

function listWords(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : String(value);
}

// Completion in the project's JSON text, as a pure function: text and caret offset in, the
// range to replace and the options out (schema-support.ts hands them to CodeMirror). It offers
// the keys an object may still take (every alternative's: a recurrence's "hours", a
// question's "options" or "min"/"max"), the values a field allows (step kinds, experience
// types, action types, audience "op"...), each with its description, and the project's own
// ids where a reference is expected: step ids (and next, previous, complete) for Go to step,
// experience ids for Launch experience and audience conditions, post ids for Open post, a
// step's options for anyOf / noneOf / allOf. The text is read as it is now, broken or not.
import { getLocation, type Node } from "jsonc-parser";
import { experienceIds, type FoundId, postIds, questionOptions, stepIds } from "./document-ids.ts";
import { DocumentView } from "./document-view.ts";
import { projectSchemaForEditor } from "./editor-schema.ts";
import {
  alternatives,
  descriptionOf,
  narrow,
  type PathSegment,
  propertiesOf,
  type SchemaNode,
  schemasAt,
  valueKind,
} from "./schema-walk.ts";

export interface CompletionOption {
  label: string;
  /** The text that replaces the answer's from..to. */
  apply: string;
  /** Where the caret goes, from the start of `apply`; its end when absent. */
  caret?: number;
  kind: "property" | "value" | "reference";
  detail?: string;
  /** The field's or value's description (plain text). */
  info?: string;
  /** The value just started has choices of its own: open completion again after applying. */
  reopen?: boolean;
  /** References are listed in groups (e.g. "Steps of this experience"), in this order. */
  group?: string;
}

/** An option being built: a key's value skeleton is added once its place is known. */
interface Draft extends CompletionOption {
  skeleton?: string;
}

export interface CompletionAnswer {
  from: number;
  to: number;
  /** Inside a string: what is typed there may be any text but a quote. */
  quoted: boolean;
  options: CompletionOption[];
}

/** What Go to step accepts besides a step id (SPEC §1), in the seed's words. */
const specialSteps: readonly FoundId[] = [
  { id: "next", detail: "Next step: the next step; past the last one, completes" },
  { id: "previous", detail: "Previous step: back to the step the user came from (CTAs only)" },
  { id: "complete", detail: "Complete: marks the experience completed and closes it" },
];

const listOperators = new Set(["anyOf", "noneOf", "allOf"]);

export function completeAt(
  text: string,
  offset: number,
  schema: SchemaNode = projectSchemaForEditor(),
): CompletionAnswer | null {
  const location = getLocation(text, offset);
  const document = new DocumentView(text);
  const literal = location.previousNode;
  if (literal && offset > literal.offset + literal.length) return null; // after a whole value
  const inString = literal?.type === "string" || literal?.type === "property";
  if (literal && inString && !insideString(text, literal, offset)) return null;
  if (location.isAtPropertyKey) {
    const parent = location.path.slice(0, -1);
    const typed = literal?.type === "property" ? String(literal.value) : "";
    const options = keyOptions(schema, parent, typed, document);
    return place(text, offset, literal, options, "key");
  }
  const path = location.path;
  if (path.length === 0) return null;
  const options = [...referenceOptions(path, document), ...valueOptions(schema, path, document)];
  return place(text, offset, literal, unique(options), "value");
}

// ------------------------------------------------------------------------------- keys

function keyOptions(
  schema: SchemaNode,
  parent: readonly PathSegment[],
  typed: string,
  document: DocumentView,
): Draft[] {
  const value = document.shallowValueAt(parent);
  const present = new Set(value ? Object.keys(value) : []);
  present.delete(typed);
  const objects = schemasAt(schema, parent, (path) => document.shallowValueAt(path));
  const options = narrow(
    objects.flatMap((placed) => alternatives(placed.schema)),
    value,
    typed,
  );
  const names = keysToOffer(options, value ?? {});
  const out: Draft[] = [];
  for (const [name, property] of names) {
    if (present.has(name)) continue;
    const start = skeleton(property);
    out.push({
      label: name,
      apply: inner(JSON.stringify(name)),
      kind: "property",
      detail: valueKind(property),
      info: descriptionOf([{ schema: property }]),
      // The value's skeleton is added by place(), which knows whether a colon follows.
      skeleton: start.text,
      caret: start.caret,
      reopen: start.reopen,
    });
  }
  return out;
}

/**
 * The keys the object may take, each with its schema. While a tagged object (an action, a
 * recurrence) has no tag yet, only the keys every alternative shares are offered: the tag
 * first, then the rest follow from its value.
 */
function keysToOffer(
  options: readonly SchemaNode[],
  value: Readonly<Record<string, unknown>>,
): Map<string, SchemaNode> {
  const out = new Map<string, SchemaNode>();
  const shared = sharedKeys(options);
  const tag = [...shared].find((key) =>
    options.every((o) => propertiesOf(o)[key].const !== undefined),
  );
  const untagged = options.length > 1 && tag !== undefined && !Object.hasOwn(value, tag);
  for (const option of options) {
    for (const [name, property] of Object.entries(propertiesOf(option))) {
      if (untagged && !shared.has(name)) continue;
      if (!out.has(name)) out.set(name, property);
    }
    // A record whose keys are named (settings.latencyMs): those names.
    const names = isNode(option.propertyNames) ? option.propertyNames.enum : undefined;
    if (Array.isArray(names) && isNode(option.additionalProperties)) {
      for (const name of names) {
        if (typeof name === "string" && !out.has(name)) {
          out.set(name, { ...option.additionalProperties, description: option.description });
        }
      }
    }
  }
  return out;
}

function sharedKeys(options: readonly SchemaNode[]): Set<string> {
  const [first, ...rest] = options;
  if (!first) return new Set();
  const shared = new Set(Object.keys(propertiesOf(first)));
  for (const option of rest) {
    const own = propertiesOf(option);
    for (const key of shared) if (!Object.hasOwn(own, key)) shared.delete(key);
  }
  return shared;
}

/** What to write after a new key: its fixed value, or quotes / brackets with the caret inside. */
function skeleton(property: SchemaNode): { text: string; caret?: number; reopen?: boolean } {
  const options = alternatives(property);
  const constants = options.map((option) => option.const);
  if (constants.length > 0 && constants.every((c) => c !== undefined && c === constants[0])) {
    return { text: JSON.stringify(constants[0]) };
  }
  const types = new Set(options.map((option) => option.type));
  if (types.has("string")) return { text: '""', caret: 1, reopen: true };
  if (types.has("array")) return { text: "[]", caret: 1 };
  if (types.has("object")) return { text: "{}", caret: 1 };
  if (types.has("boolean")) return { text: "", reopen: true };
  return { text: "" };
}

// ----------------------------------------------------------------------------- values

function valueOptions(
  schema: SchemaNode,
  path: readonly PathSegment[],
  document: DocumentView,
): CompletionOption[] {
  const placed = schemasAt(schema, path, (at) => document.shallowValueAt(at));
  const out: CompletionOption[] = [];
  for (const { schema: field } of placed) {
    for (const option of alternatives(field)) {
      if (option.const !== undefined) {
        out.push(valueOption(option.const, text(option.description) ?? descriptionOf(placed)));
      }
      if (Array.isArray(option.enum)) {
        const info = text(option.description) ?? text(field.description);
        for (const value of option.enum) out.push(valueOption(value, info));
      }
      if (option.type === "boolean") {
        const info = text(option.description) ?? text(field.description);
        out.push(valueOption(true, info), valueOption(false, info));
      }
    }
  }
  return out;
}

function valueOption(value: unknown, info: string | undefined): CompletionOption {
  return { label: String(value), apply: JSON.stringify(value), kind: "value", info };
}

// ------------------------------------------------------------------------- references

function referenceOptions(
  path: readonly PathSegment[],
  document: DocumentView,
): CompletionOption[] {
  const key = path[path.length - 1];
  const holder = document.shallowValueAt(path.slice(0, -1));
  const type = holder?.type;
  const experience = path[0] === "experiences" && typeof path[1] === "number" ? path[1] : -1;
  if (key === "step" && type === "goToStep") {
    const steps = experience >= 0 ? stepIds(document.tree(), experience) : [];
    return [
      ...specialSteps.map((found) => reference(found, found.detail, "Next, previous, complete")),
      ...steps.map((found) =>
        reference(found, "A step of this experience", "Steps of this experience"),
      ),
    ];
  }
  if (
    key === "experience" &&
    (type === "launchExperience" || path[path.length - 3] === "audience")
  ) {
    return experienceIds(document.tree()).map((found) =>
      reference(found, "An experience of the project", "Experiences"),
    );
  }
  if (key === "post" && type === "openPost") {
    return postIds(document.tree()).map((found) =>
      reference(found, "A changelog post of the project", "Posts"),
    );
  }
  // experiences/e/steps/s/conditions/c/if/anyOf/n: the step's own options.
  const operator = path[path.length - 2];
  if (
    typeof key === "number" &&
    typeof operator === "string" &&
    listOperators.has(operator) &&
    path[path.length - 3] === "if" &&
    path[2] === "steps" &&
    experience >= 0 &&
    typeof path[3] === "number"
  ) {
    return questionOptions(document.tree(), experience, path[3]).map((found) =>
      reference(found, "An option of this step's question", "Options of this question"),
    );
  }
  return [];
}

function reference(found: FoundId, info: string, group: string): CompletionOption {
  return {
    label: found.id,
    apply: JSON.stringify(found.id),
    kind: "reference",
    detail: found.detail === info ? undefined : found.detail || undefined,
    info,
    group,
  };
}

// ---------------------------------------------------------------------------- placing

/**
 * Where the options go and what exactly each writes: inside quotes, only the string's
 * content; elsewhere, the whole JSON value (or quoted key) in place of the word typed.
 */
function place(
  text: string,
  offset: number,
  literal: Node | undefined,
  options: Draft[],
  mode: "key" | "value",
): CompletionAnswer | null {
  if (options.length === 0) return null;
  if (literal && (literal.type === "string" || literal.type === "property")) {
    const from = literal.offset + 1;
    const end = literal.offset + literal.length;
    const closed = isClosed(text, literal);
    if (mode === "value") {
      const strings = options.filter((option) => option.apply.startsWith('"'));
      const to = closed ? end - 1 : offset;
      return answer(
        from,
        to,
        true,
        strings.map((option) => ({ ...option, apply: inner(option.apply) })),
      );
    }
    const colon = colonAfter(text, end);
    // A colon follows: the key alone, its value is there already.
    if (closed && colon) {
      return answer(
        from,
        end - 1,
        true,
        options.map(({ caret: _, reopen: __, ...o }) => o),
      );
    }
    const to = closed ? end : offset;
    return answer(
      from,
      to,
      true,
      options.map((option) => withValue(option, `${option.apply}": `)),
    );
  }
  if (literal) {
    // A number, true, false or null being typed over: replaced whole.
    const values = options.filter((option) => option.kind !== "property");
    return answer(literal.offset, literal.offset + literal.length, false, values);
  }
  const word = /[\w$.-]*$/.exec(text.slice(Math.max(0, offset - 200), offset))?.[0] ?? "";
  const from = offset - word.length;
  if (mode === "value") return answer(from, offset, false, options);
  return answer(
    from,
    offset,
    false,
    options.map((option) => withValue(option, `"${option.apply}": `)),
  );
}

/** A key's text followed by its value's skeleton, the caret placed in the skeleton. */
function withValue(option: Draft, keyText: string): Draft {
  const caret = option.caret === undefined ? undefined : keyText.length + option.caret;
  return { ...option, apply: `${keyText}${option.skeleton ?? ""}`, caret };
}

function answer(
  from: number,
  to: number,
  quoted: boolean,
  options: readonly Draft[],
): CompletionAnswer | null {
  const clean = options.map(({ skeleton: _, ...option }) => option);
  return clean.length === 0 ? null : { from, to, quoted, options: clean };
}

function unique(options: readonly Draft[]): Draft[] {
  const seen = new Map<string, CompletionOption>();
  for (const option of options) if (!seen.has(option.label)) seen.set(option.label, option);
  return [...seen.values()];
}

/** A JSON string literal's content: `"a\"b"` → `a\"b` (still escaped, as the text holds it). */
function inner(literal: string): string {
  return literal.slice(1, -1);
}

function isClosed(text: string, node: Node): boolean {
  const end = node.offset + node.length;
  if (node.length < 2 || text[end - 1] !== '"') return false;
  // An escaped quote does not close: count the backslashes before it.
  let slashes = 0;
  for (let i = end - 2; i > node.offset && text[i] === "\\"; i--) slashes++;
  return slashes % 2 === 0;
}

function insideString(text: string, node: Node, offset: number): boolean {
  const end = node.offset + node.length;
  if (offset <= node.offset) return false;
  return isClosed(text, node) ? offset < end : offset <= end;
}

function colonAfter(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === ":") return true;
    if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return false;
  }
  return false;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

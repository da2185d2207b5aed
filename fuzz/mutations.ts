// Mutations of a JSON document, on its value (wrong types, missing fields, huge numbers, deep
// nesting, enormous arrays, prototype keys, odd ids, unknown keys) and on its bytes (invalid
// UTF-8, byte-order marks, truncation, syntax errors). Each returns a short note of what it
// did, kept with a failing input.
import { clone, type NestingShape, nested, Raw, serialize, setOwn } from "./json-build.ts";
import type { Random } from "./random.ts";

/** What a file is read as. */
export type Role = "project" | "script" | "recording";

/** How big the generated values may get (the test slice keeps them small). */
export interface Limits {
  /** Levels of nesting. */
  depth: number;
  /** Elements of an array, keys of an object, steps of a generated project or script. */
  elements: number;
  /** Characters of a string. */
  stringLength: number;
}

export const fullLimits: Limits = { depth: 200_000, elements: 200_000, stringLength: 8_000_000 };

/** The document being mutated: `root` may itself be replaced. */
export interface Doc {
  root: unknown;
  role: Role;
}

type Container = Record<string, unknown> | unknown[];

interface Place {
  parent: Container;
  key: string | number;
  value: unknown;
  path: readonly (string | number)[];
}

const rootKey = "root";

/** Every node of the document (the root first), walked without recursion. */
export function placesOf(doc: Doc, limit = 50_000): Place[] {
  const holder = doc as unknown as Record<string, unknown>;
  const found: Place[] = [];
  const stack: Place[] = [{ parent: holder, key: rootKey, value: doc.root, path: [] }];
  while (stack.length > 0 && found.length < limit) {
    const place = stack.pop() as Place;
    found.push(place);
    const value = place.value;
    if (value === null || typeof value !== "object" || value instanceof Raw) continue;
    const container = value as Container;
    const keys = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const child = (container as Record<string | number, unknown>)[key];
      stack.push({ parent: container, key, value: child, path: [...place.path, key] });
    }
  }
  return found;
}

function put(place: Place, value: unknown): void {
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else setOwn(place.parent, String(place.key), value);
}

export function pointer(path: readonly (string | number)[]): string {
  return path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Raw)
  );
}

function objects(doc: Doc): Place[] {
  return placesOf(doc).filter((place) => isObject(place.value));
}

function arrays(doc: Doc): Place[] {
  return placesOf(doc).filter((place) => Array.isArray(place.value));
}

// ------------------------------------------------------------------------- value mutations

const otherValues: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  "",
  "x",
  "next",
  [],
  [null],
  [1, "a"],
  {},
  { type: "dismiss" },
  { id: 1 },
];

export function wrongType(random: Random, doc: Doc): string {
  const place = random.pick(placesOf(doc));
  let value = random.pick(otherValues);
  for (let i = 0; i < 4 && typeof value === typeof place.value; i++)
    value = random.pick(otherValues);
  put(place, clone(value));
  return `wrongType ${pointer(place.path) || "/"} = ${JSON.stringify(value)}`;
}

export function missingField(random: Random, doc: Doc): string {
  const candidates = objects(doc).filter((place) => Object.keys(place.value as object).length > 0);
  if (candidates.length === 0) return wrongType(random, doc);
  const place = random.pick(candidates);
  const target = place.value as Record<string, unknown>;
  const key = random.pick(Object.keys(target));
  delete target[key];
  return `missingField ${pointer([...place.path, key])}`;
}

const hugeNumbers = [
  "1e308",
  "-1e308",
  "1e400",
  "-1e400",
  "1e-400",
  "-0",
  "5e-324",
  "9007199254740993",
  "-9007199254740993",
  "123456789012345678901234567890",
  "4294967296",
  "2147483648",
  "-2147483649",
  "1.7976931348623157e308",
  "0.000000000000000000001",
  "1e21",
  "99999999999999999999",
] as const;

const extremeDates = [
  "+275760-09-13T00:00:00.000Z",
  "-271821-04-20T00:00:00.000Z",
  "9999-12-31T23:59:59.999Z",
  "0000-01-01T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "2026-01-05T09:00:00+23:59",
  "2026-02-30T09:00:00Z",
  "2026-01-05T09:00:00.123456789Z",
] as const;

/** Numbers where numbers go (hours, bounds, latencies, answers), or anywhere. */
export function hugeNumber(random: Random, doc: Doc): string {
  const all = placesOf(doc);
  const dates = all.filter((p) => typeof p.value === "string" && /^\d{4}-\d\d-\d\dT/.test(p.value));
  if (dates.length > 0 && random.chance(0.15)) {
    const place = random.pick(dates);
    const date = random.pick(extremeDates);
    put(place, date);
    return `extremeDate ${pointer(place.path)} = ${date}`;
  }
  const numbers = all.filter((p) => typeof p.value === "number");
  const place = numbers.length > 0 && random.chance(0.8) ? random.pick(numbers) : random.pick(all);
  const text = random.pick(hugeNumbers);
  put(place, new Raw(text));
  return `hugeNumber ${pointer(place.path) || "/"} = ${text}`;
}

const depths = [64, 1_000, 3_000, 4_500, 6_000, 10_000, 50_000, 200_000] as const;

function deepValue(random: Random, limits: Limits): { raw: Raw; note: string } {
  const allowed = depths.filter((depth) => depth <= limits.depth);
  const depth = allowed.length > 0 ? random.pick(allowed) : limits.depth;
  const shape = random.pick<NestingShape>(["array", "object", "mixed"]);
  const inner = random.pick(["1", '"x"', "null", "{}", "[]"]);
  return { raw: new Raw(nested(depth, shape, inner)), note: `${depth}-deep ${shape}` };
}

/** Where any JSON value is allowed, so a deep one must be handled, not refused. */
function freeSlot(random: Random, doc: Doc): Place | undefined {
  const root = doc.root;
  if (!isObject(root)) return undefined;
  const slot = (parent: Container, key: string | number, path: (string | number)[]): Place => ({
    parent,
    key,
    value: (parent as Record<string | number, unknown>)[key],
    path,
  });
  if (doc.role === "project") {
    const experiences = Array.isArray(root.experiences) ? root.experiences : [];
    const choice = random.int(0, 2);
    if (choice === 0 && experiences.length > 0) {
      const i = random.int(0, experiences.length - 1);
      const experience = experiences[i];
      if (isObject(experience)) {
        const audience = Array.isArray(experience.audience) ? experience.audience : [];
        setOwn(experience, "audience", audience);
        const condition = {
          attribute: "plan",
          op: random.pick(["eq", "neq", "contains"]),
          value: null,
        };
        audience.push(condition);
        return slot(condition, "value", [
          "experiences",
          i,
          "audience",
          audience.length - 1,
          "value",
        ]);
      }
    }
    if (choice === 1 && experiences.length > 0) {
      const i = random.int(0, experiences.length - 1);
      const experience = experiences[i];
      const steps = isObject(experience) && Array.isArray(experience.steps) ? experience.steps : [];
      const step = steps[0];
      if (isObject(step)) {
        const settings = isObject(root.settings) ? root.settings : {};
        setOwn(root, "settings", settings);
        settings.runJsEnabled = true;
        const ctas = Array.isArray(step.ctas) ? step.ctas : [];
        setOwn(step, "ctas", ctas);
        const setAttributes: Record<string, unknown> = { deep: null };
        ctas.unshift({
          id: "fuzz-run",
          label: "Run",
          actions: [{ type: "runJs", code: "x", simulate: { setAttributes } }],
        });
        return slot(setAttributes, "deep", [
          "experiences",
          i,
          "steps",
          0,
          "ctas",
          0,
          "actions",
          0,
          "simulate",
          "setAttributes",
          "deep",
        ]);
      }
    }
    const personas = Array.isArray(root.personas) ? root.personas : [];
    setOwn(root, "personas", personas);
    const attributes: Record<string, unknown> = { deep: null };
    personas.push({ id: `fuzz-persona-${personas.length}`, attributes });
    return slot(attributes, "deep", ["personas", personas.length - 1, "attributes", "deep"]);
  }
  const script = doc.role === "recording" ? root.script : root;
  if (doc.role === "recording" && random.chance(0.5)) {
    const expectation = isObject(root.expect) ? root.expect : {};
    setOwn(root, "expect", expectation);
    const key = random.pick(["page", "effects", "trace", "experiences", "tabs", "warnings"]);
    return slot(expectation, key, ["expect", key]);
  }
  if (!isObject(script)) return undefined;
  const user = isObject(script.user) ? script.user : {};
  setOwn(script, "user", user);
  const attributes = isObject(user.attributes) ? user.attributes : {};
  setOwn(user, "attributes", attributes);
  const prefix = doc.role === "recording" ? ["script"] : [];
  return slot(attributes, "plan", [...prefix, "user", "attributes", "plan"]);
}

export function deepNesting(random: Random, doc: Doc, limits: Limits): string {
  const { raw, note } = deepValue(random, limits);
  const place =
    (random.chance(0.6) ? freeSlot(random, doc) : undefined) ?? random.pick(placesOf(doc));
  put(place, raw);
  return `deepNesting ${pointer(place.path) || "/"} = ${note}`;
}

/** About this many bytes at most per enormous value. */
const enormousBudget = 8_000_000;

export function enormousArray(random: Random, doc: Doc, limits: Limits): string {
  const roll = random.int(0, 9);
  if (roll === 0) {
    // An enormous string.
    const strings = placesOf(doc).filter((p) => typeof p.value === "string");
    if (strings.length > 0) {
      const place = random.pick(strings);
      const unit = random.pick(["x", "é", "😀", "{email}", "*"]);
      const most = Math.min(
        limits.stringLength,
        Math.floor(enormousBudget / Buffer.byteLength(unit)),
      );
      const length = random.logInt(Math.min(10_000, most), most);
      put(place, unit.repeat(length));
      return `enormousString ${pointer(place.path)} × ${length}`;
    }
  }
  if (roll === 1) {
    // An object with very many keys.
    const place = random.pick(objects(doc).length > 0 ? objects(doc) : placesOf(doc));
    const count = random.logInt(Math.min(1_000, limits.elements), limits.elements);
    const target: Record<string, unknown> = isObject(place.value) ? place.value : {};
    for (let i = 0; i < count; i++) setOwn(target, `k${i}`, i);
    put(place, target);
    return `enormousObject ${pointer(place.path) || "/"} with ${count} keys`;
  }
  const candidates = arrays(doc);
  if (candidates.length === 0) return wrongType(random, doc);
  const place = random.pick(candidates);
  const list = place.value as unknown[];
  const model = list.length > 0 ? random.pick(list) : random.pick([1, "x", {}, { id: "a" }]);
  // The elements are copied in turn: their mean size (in the compact form) sets the count.
  const size =
    list.length > 0
      ? Math.max(2, Math.ceil(serialize(list, false).length / list.length))
      : serialize(model, false).length + 1;
  const wanted = random.logInt(Math.min(1_000, limits.elements), limits.elements);
  const count = Math.max(1, Math.min(wanted, Math.floor(enormousBudget / size)));
  const renumber = random.chance(0.5);
  const grown: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const element = list.length > 0 ? list[i % list.length] : model;
    const copy = clone(element);
    if (renumber && isObject(copy) && typeof copy.id === "string") copy.id = `${copy.id}-${i}`;
    grown.push(copy);
  }
  put(place, grown);
  return `enormousArray ${pointer(place.path) || "/"} × ${count}${renumber ? " (ids renumbered)" : ""}`;
}

const prototypeKeys = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
  "isPrototypeOf",
] as const;

export function protoKeys(random: Random, doc: Doc): string {
  const key = random.pick(prototypeKeys);
  if (random.chance(0.35)) {
    // An id (and every reference to it) named after Object.prototype.
    const renamed = renameId(random, doc, key);
    if (renamed) return `protoId ${renamed}`;
  }
  const candidates = objects(doc);
  if (candidates.length === 0) return wrongType(random, doc);
  const place = random.pick(candidates);
  const value = clone(
    random.pick<unknown>([
      { polluted: "yes" },
      { prototype: { polluted: "yes" } },
      "polluted",
      1,
      null,
      [],
      { type: "dismiss" },
      { runJsEnabled: true },
    ]),
  );
  setOwn(place.value as Record<string, unknown>, key, value);
  return `protoKey ${pointer([...place.path, key])} = ${JSON.stringify(value)}`;
}

const idKeys = new Set([
  "id",
  "experience",
  "step",
  "cta",
  "post",
  "block",
  "task",
  "attribute",
  "selector",
  "click",
]);

const oddIdValues = [
  "a.b",
  "#x",
  "xstate.init",
  "xstate.done.actor.x",
  "done.invoke.x",
  " ",
  "a b",
  "",
  "日本語",
  "😀",
  "e\u0301",
  "\u200d",
  "\u202eevil",
  "\u0000",
  "\n",
  "a/b",
  "~0",
  "~1",
  "../x",
  "$",
  "*",
  "null",
  "1e3",
  "0",
  "-1",
  "next",
  "previous",
  "complete",
  "<script>alert(1)</script>",
  "{email}",
  "%s%n",
  "\ud800",
  "\\",
  '"',
  "#",
  ".",
  "a".repeat(10_000),
] as const;

/** Renames one id and every string equal to it; undefined when the document has no ids. */
function renameId(random: Random, doc: Doc, to: string): string | undefined {
  const all = placesOf(doc);
  const ids = all.filter(
    (p) => typeof p.value === "string" && typeof p.key === "string" && idKeys.has(p.key),
  );
  if (ids.length === 0) return undefined;
  const from = random.pick(ids).value as string;
  let count = 0;
  for (const place of all) {
    if (place.value === from && typeof place.key === "string" && idKeys.has(place.key)) {
      put(place, to);
      count++;
    }
  }
  return `${JSON.stringify(from)} → ${JSON.stringify(to.length > 40 ? `${to.slice(0, 10)}…(${to.length})` : to)} (${count}×)`;
}

export function oddIds(random: Random, doc: Doc): string {
  const odd = random.pick(oddIdValues);
  if (random.chance(0.6)) {
    const renamed = renameId(random, doc, odd);
    if (renamed) return `oddId everywhere ${renamed}`;
  }
  const ids = placesOf(doc).filter(
    (p) => typeof p.value === "string" && typeof p.key === "string" && idKeys.has(p.key),
  );
  if (ids.length === 0) return wrongType(random, doc);
  const place = random.pick(ids);
  put(place, odd);
  return `oddId ${pointer(place.path)} = ${JSON.stringify(odd.length > 40 ? `${odd.slice(0, 10)}…` : odd)}`;
}

const unknownNames = [
  "stpes",
  "expcet",
  "extra",
  "Steps",
  "sttle",
  "colour",
  "",
  " ",
  "a/b",
  "~1",
  "~0x",
  "$schema",
  "$ref",
  "ünïcödé",
  "😀",
  "\u0000",
  "x".repeat(5_000),
] as const;

function misspell(random: Random, key: string): string {
  if (key.length < 2) return `${key}${key}`;
  const i = random.int(0, key.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return key.slice(0, i) + key[i + 1] + key[i] + key.slice(i + 2);
    case 1:
      return key.toUpperCase() === key ? key.toLowerCase() : key.toUpperCase();
    case 2:
      return key.slice(0, i) + key.slice(i + 1);
    default:
      return `${key}s`;
  }
}

export function unknownKeys(random: Random, doc: Doc): string {
  const candidates = objects(doc);
  if (candidates.length === 0) return wrongType(random, doc);
  const place = random.pick(candidates);
  const target = place.value as Record<string, unknown>;
  const keys = Object.keys(target);
  if (keys.length > 0 && random.chance(0.5)) {
    const key = random.pick(keys);
    const wrong = misspell(random, key);
    const value = target[key];
    delete target[key];
    setOwn(target, wrong, value);
    return `misspelt ${pointer([...place.path, key])} as ${JSON.stringify(wrong)}`;
  }
  const name = random.pick(unknownNames);
  setOwn(target, name, clone(random.pick(otherValues)));
  return `unknownKey ${pointer([...place.path, name.length > 40 ? name.slice(0, 10) : name])}`;
}

// ------------------------------------------------------------------------- byte mutations

/** Offsets (in bytes) just after the opening quote of every string token. Iterative. */
function stringStarts(bytes: Uint8Array): number[] {
  const starts: number[] = [];
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) {
      inString = true;
      starts.push(i + 1);
    }
  }
  return starts;
}

function splice(bytes: Uint8Array, at: number, insert: readonly number[], remove = 0): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(at + remove), at + insert.length);
  return out;
}

const invalidSequences: readonly (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xc3],
  [0x80],
  [0xbf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe0, 0x80, 0xaf],
];

export function invalidUtf8(
  random: Random,
  bytes: Uint8Array,
): { bytes: Uint8Array; note: string } {
  const starts = stringStarts(bytes);
  const sequence = random.pick(invalidSequences);
  const hex = sequence.map((b) => b.toString(16).padStart(2, "0")).join(" ");
  if (starts.length >= 2 && random.chance(0.3)) {
    // Two strings that differ only by their invalid bytes: replaced, they would collide.
    const [a, b] = [random.pick(starts), random.pick(starts)];
    const other = random.pick(invalidSequences);
    const first = Math.max(a, b);
    const second = Math.min(a, b);
    let out = splice(bytes, first, sequence);
    out = splice(out, second, other);
    return { bytes: out, note: `invalidUtf8 ${hex} at byte ${first} and another at ${second}` };
  }
  const at =
    starts.length > 0 && random.chance(0.9) ? random.pick(starts) : random.int(0, bytes.length);
  return { bytes: splice(bytes, at, sequence), note: `invalidUtf8 ${hex} at byte ${at}` };
}

const bom = [0xef, 0xbb, 0xbf] as const;

export function byteOrderMark(
  random: Random,
  bytes: Uint8Array,
  text: string,
): { bytes: Uint8Array; note: string } {
  switch (random.int(0, 6)) {
    case 0:
      return { bytes: splice(bytes, 0, bom), note: "one BOM (allowed)" };
    case 1:
      return { bytes: splice(bytes, 0, [...bom, ...bom]), note: "two BOMs" };
    case 2:
      return { bytes: splice(bytes, 0, [0x20, ...bom]), note: "a space, then a BOM" };
    case 3: {
      const utf16 = Buffer.from(`\ufeff${text}`, "utf16le");
      return { bytes: new Uint8Array(utf16), note: "UTF-16LE with its BOM" };
    }
    case 4: {
      const starts = stringStarts(bytes);
      const at = starts.length > 0 ? random.pick(starts) : 0;
      return {
        bytes: splice(bytes, at, bom),
        note: `a BOM inside a string at byte ${at} (allowed)`,
      };
    }
    case 5: {
      const at = bytes.length > 0 ? bytes.length - 1 : 0;
      return { bytes: splice(bytes, at, bom), note: "a BOM before the last byte" };
    }
    default:
      return { bytes: splice(bytes, 0, [0xfe, 0xff]), note: "a UTF-16BE BOM on UTF-8 text" };
  }
}

export function truncate(random: Random, bytes: Uint8Array): { bytes: Uint8Array; note: string } {
  const at = random.chance(0.2)
    ? random.int(0, Math.min(4, bytes.length))
    : random.int(0, Math.max(0, bytes.length - 1));
  return { bytes: bytes.slice(0, at), note: `truncated at byte ${at} of ${bytes.length}` };
}

const junk = [
  ",",
  "]",
  "}",
  "[",
  "{",
  ":",
  '"',
  "\\",
  "//c\n",
  "/* c */",
  "NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "'x'",
  "\u0000",
  "\u0007",
  "01",
  "+1",
  ".5",
  "1.",
  "-",
  '"\t"',
  '"\\x41"',
  '"\\u12"',
  "\u00a0",
  "\u2028",
  "true false",
] as const;

export function syntax(random: Random, bytes: Uint8Array): { bytes: Uint8Array; note: string } {
  const piece = random.pick(junk);
  const at = random.chance(0.2) ? bytes.length : random.int(0, bytes.length);
  const insert = [...Buffer.from(piece, "utf8")];
  return {
    bytes: splice(bytes, at, insert),
    note: `syntax ${JSON.stringify(piece)} at byte ${at}`,
  };
}

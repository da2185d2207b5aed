// Stage a, second half: keys the schema does not know. zod strips them silently, so a typo
// such as "closingcross" would otherwise pass unnoticed and its default would apply.
// Decided here: a warning (`unknownField`), since SPEC §1 says more optional fields may be
// added; the message suggests the known key it most resembles.
import type { z } from "zod";
import { project } from "../format/schema.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { pointerOf } from "./json-access.ts";

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  discriminator?: string;
  valueType?: Schema;
  items?: Schema[];
  in?: Schema;
  values?: unknown[];
}

function defOf(schema: Schema): Def {
  return schema._zod.def as unknown as Def;
}

/** Strips optional/default/nullable wrappers. */
function unwrap(schema: Schema): Schema {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.in) current = def.in;
    else return current;
  }
}

/** The schema compiled to what the walk needs, once: which keys each object knows. */
type Shape =
  | { kind: "leaf" }
  | { kind: "array"; element: Shape }
  | { kind: "tuple"; items: Shape[] }
  | { kind: "record"; value: Shape }
  | { kind: "object"; fields: Map<string, Shape> }
  | { kind: "tagged"; key: string; options: Map<unknown, Shape> };

const compiled = new Map<Schema, Shape>();

function shapeOf(schema: Schema): Shape {
  const inner = unwrap(schema);
  let shape = compiled.get(inner);
  if (shape) return shape;
  shape = { kind: "leaf" };
  compiled.set(inner, shape); // placeholder first: a recursive schema would end here
  Object.assign(shape, compile(defOf(inner)));
  return shape;
}

function compile(def: Def): Shape {
  if (def.type === "array" && def.element) return { kind: "array", element: shapeOf(def.element) };
  if (def.type === "tuple" && def.items) return { kind: "tuple", items: def.items.map(shapeOf) };
  if (def.type === "record" && def.valueType)
    return { kind: "record", value: shapeOf(def.valueType) };
  if (def.type === "object") return objectShape([def]);
  if (def.type !== "union" || !def.options) return { kind: "leaf" };
  const options = def.options.map((option) => defOf(unwrap(option)));
  if (def.discriminator === undefined) return objectShape(options);
  const key = def.discriminator;
  const tagged = new Map<unknown, Shape>();
  for (const option of options) {
    const tag = option.shape?.[key];
    for (const value of tag ? (defOf(unwrap(tag)).values ?? []) : [])
      tagged.set(value, objectShape([option]));
  }
  return { kind: "tagged", key, options: tagged };
}

/** The keys of one object, or of all the object options of a plain union. */
function objectShape(defs: Def[]): Shape {
  const objects = defs.filter((def) => def.type === "object" && def.shape);
  // A strict object (catchall never) reports its own unknown keys, as errors, through zod.
  if (
    objects.length === 0 ||
    objects.some((def) => def.catchall && defOf(def.catchall).type === "never")
  ) {
    return { kind: "leaf" };
  }
  const fields = new Map<string, Shape>();
  for (const def of objects) {
    for (const [key, schema] of Object.entries(def.shape ?? {})) {
      if (!fields.has(key)) fields.set(key, shapeOf(schema));
    }
  }
  return { kind: "object", fields };
}

export function unknownFieldDiagnostics(document: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(shapeOf(project), document, [], out);
  return out;
}

/** Recursion follows the schema, whose depth is fixed, never the document's own depth. */
function walk(shape: Shape, value: unknown, path: (string | number)[], out: Diagnostic[]): void {
  if (typeof value !== "object" || value === null || shape.kind === "leaf") return;
  if (Array.isArray(value)) {
    if (shape.kind !== "array" && shape.kind !== "tuple") return;
    const count =
      shape.kind === "array" ? value.length : Math.min(value.length, shape.items.length);
    for (let i = 0; i < count; i++) {
      path.push(i);
      walk(shape.kind === "array" ? shape.element : shape.items[i], value[i], path, out);
      path.pop();
    }
    return;
  }
  const record = value as Record<string, unknown>;
  if (shape.kind === "record") {
    for (const key of Object.keys(record)) walkChild(shape.value, record, key, path, out);
    return;
  }
  const object = shape.kind === "tagged" ? shape.options.get(record[shape.key]) : shape;
  if (object?.kind !== "object") return;
  for (const key of Object.keys(record)) {
    const field = object.fields.get(key);
    if (field) walkChild(field, record, key, path, out);
    else
      out.push(
        diagnose(
          "unknownField",
          unknownFieldMessage(key, [...object.fields.keys()]),
          pointerOf([...path, key]),
        ),
      );
  }
}

function walkChild(
  shape: Shape,
  record: Record<string, unknown>,
  key: string,
  path: (string | number)[],
  out: Diagnostic[],
): void {
  if (shape.kind === "leaf") return;
  path.push(key);
  walk(shape, record[key], path, out);
  path.pop();
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  const close = closest(key, known);
  const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}…` : key);
  const fix = close
    ? `did you mean "${close}"?`
    : `known fields here: ${[...new Set(known)].join(", ")}.`;
  return `Unknown field ${shown} is ignored; ${fix}`;
}

/** The known key that differs from `key` only by case, or by at most two edits. */
export function closest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once it is certainly ≥ limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit || a.length > 64 || b.length > 64) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length], limit);
}

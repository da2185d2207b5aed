// Stage a, second half: keys the schema does not know. zod strips them silently, so a typo
// such as "closingcross" would otherwise pass unnoticed and its default would apply.
// Decided here: a warning (`unknownField`), since SPEC §1 says more optional fields may be
// added; the message suggests the known key it most resembles.
import type { z } from "zod";
import { project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { closestNames } from "../model/suggest.ts";
import { diagnose } from "./codes.ts";
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

/** What a node of the schema is, for the walk. */
type Kind = "leaf" | "array" | "tuple" | "record" | "object" | "tagged";

/**
 * The schema compiled to what the walk needs, once: which keys each object knows. One class
 * with every field (unset where it does not apply), so the walk's property reads stay
 * monomorphic: the walk visits every object of a large document.
 */
class Shape {
  kind: Kind = "leaf";
  /** An array's element, a record's value. */
  element: Shape | undefined = undefined;
  items: Shape[] = [];
  /** An object's known keys (a plain union's: all its options' keys). */
  fields: Map<string, Shape> = new Map();
  /** A discriminated union: its tag's key, and the object shape for each tag value. */
  tag = "";
  options: Map<unknown, Shape> = new Map();
  /** A strict object: zod itself reports its unknown keys (as errors); the walk leaves it. */
  strict = false;
}

const leaf = new Shape();
const compiled = new Map<Schema, Shape>();

function shapeOf(schema: Schema): Shape {
  const inner = unwrap(schema);
  let shape = compiled.get(inner);
  if (shape) return shape;
  shape = new Shape();
  compiled.set(inner, shape); // registered before it is filled: a recursive schema ends here
  compile(defOf(inner), shape);
  return shape;
}

function compile(def: Def, shape: Shape): void {
  if (def.type === "array" && def.element) {
    shape.kind = "array";
    shape.element = shapeOf(def.element);
  } else if (def.type === "tuple" && def.items) {
    shape.kind = "tuple";
    shape.items = def.items.map(shapeOf);
  } else if (def.type === "record" && def.valueType) {
    shape.kind = "record";
    shape.element = shapeOf(def.valueType);
  } else if (def.type === "object") {
    objectShape([def], shape);
  } else if (def.type === "union" && def.options) {
    const options = def.options.map((option) => defOf(unwrap(option)));
    if (def.discriminator === undefined) objectShape(options, shape);
    else taggedShape(def.discriminator, options, shape);
  }
}

function taggedShape(key: string, options: Def[], shape: Shape): void {
  shape.kind = "tagged";
  shape.tag = key;
  for (const option of options) {
    const tag = option.shape?.[key];
    for (const value of tag ? (defOf(unwrap(tag)).values ?? []) : []) {
      const object = new Shape();
      objectShape([option], object);
      shape.options.set(value, object);
    }
  }
}

/** The keys of one object, or of all the object options of a plain union. */
function objectShape(defs: Def[], shape: Shape): void {
  const objects = defs.filter((def) => def.type === "object" && def.shape);
  if (objects.length === 0) return; // a leaf
  // A strict object (catchall never) reports its own unknown keys, as errors, through zod;
  // its keys are still compiled, for knownFieldsAt.
  shape.strict = objects.some((def) => def.catchall && defOf(def.catchall).type === "never");
  shape.kind = "object";
  for (const def of objects) {
    for (const [key, schema] of Object.entries(def.shape ?? {})) {
      if (!shape.fields.has(key)) shape.fields.set(key, shapeOf(schema));
    }
  }
}

/**
 * Whether Object.prototype has no enumerable key, so that `for…in` over a plain object sees
 * exactly its own keys. Checked at the start of every walk (a polluted prototype is not
 * something the walk may report or follow).
 */
let plainPrototypeClean = true;

export function unknownFieldDiagnostics(document: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  plainPrototypeClean = Object.keys(Object.prototype).length === 0;
  walk(shapeOf(project), document, [], out);
  return out;
}

/**
 * Recursion follows the schema, whose depth is fixed, never the document's own depth. `path`
 * is one shared stack: a pointer is only built for a key that is reported.
 */
function walk(shape: Shape, value: unknown, path: (string | number)[], out: Diagnostic[]): void {
  if (typeof value !== "object" || value === null || shape.kind === "leaf") return;
  if (Array.isArray(value)) {
    if (shape.kind === "array") walkElements(shape.element ?? leaf, value, path, out);
    else if (shape.kind === "tuple") walkItems(shape.items, value, path, out);
    return;
  }
  const record = value as Record<string, unknown>;
  if (shape.kind === "record") {
    const element = shape.element ?? leaf;
    if (element.kind === "leaf") return;
    const keys = Object.keys(record);
    for (let i = 0; i < keys.length; i++) walkChild(element, record, keys[i], path, out);
    return;
  }
  const object = shape.kind === "tagged" ? shape.options.get(record[shape.tag]) : shape;
  if (object === undefined || object.kind !== "object" || object.strict) return;
  if (plainPrototypeClean && Object.getPrototypeOf(record) === Object.prototype) {
    // The same keys in the same order as Object.keys, without an array per object (a
    // document has tens of thousands of objects).
    for (const key in record) walkField(object, record, key, path, out);
    return;
  }
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) walkField(object, record, keys[i], path, out);
}

/** One key of an object: reported when unknown, followed when its value has structure. */
function walkField(
  object: Shape,
  record: Record<string, unknown>,
  key: string,
  path: (string | number)[],
  out: Diagnostic[],
): void {
  const field = object.fields.get(key);
  if (field === undefined) out.push(unknownField(key, object.fields, path));
  else if (field.kind !== "leaf") walkChild(field, record, key, path, out);
}

function walkElements(
  element: Shape,
  array: readonly unknown[],
  path: (string | number)[],
  out: Diagnostic[],
): void {
  if (element.kind === "leaf") return;
  for (let i = 0; i < array.length; i++) {
    path.push(i);
    walk(element, array[i], path, out);
    path.pop();
  }
}

function walkItems(
  items: readonly Shape[],
  array: readonly unknown[],
  path: (string | number)[],
  out: Diagnostic[],
): void {
  const count = Math.min(array.length, items.length);
  for (let i = 0; i < count; i++) {
    path.push(i);
    walk(items[i], array[i], path, out);
    path.pop();
  }
}

function walkChild(
  shape: Shape,
  record: Record<string, unknown>,
  key: string,
  path: (string | number)[],
  out: Diagnostic[],
): void {
  path.push(key);
  walk(shape, record[key], path, out);
  path.pop();
}

function unknownField(
  key: string,
  fields: ReadonlyMap<string, Shape>,
  path: readonly (string | number)[],
): Diagnostic {
  return diagnose(
    "unknownField",
    unknownFieldMessage(key, [...fields.keys()]),
    pointerOf([...path, key]),
  );
}

function unknownFieldMessage(key: string, known: readonly string[]): string {
  return `Unknown field ${shownKey(key)} is ignored; ${unknownFieldFix(key, known)}`;
}

/** A key for a message: quoted, long ones cut. */
export function shownKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}…` : key);
}

/**
 * What to write instead of an unknown key: the known key it most resembles, else every known
 * key there (the schema's keys: a short list that does not grow with the document).
 */
export function unknownFieldFix(key: string, known: readonly string[]): string {
  const [close] = closestNames(key, known, 1);
  if (close) return `did you mean "${close}"?`;
  return `known fields here: ${[...new Set(known)].join(", ")}.`;
}

/**
 * The keys the object at `path` of `document` may have under `schema` (a discriminated
 * union's option is picked by the document's tag); [] where the path leads to no object.
 */
export function knownFieldsAt(
  schema: Schema,
  document: unknown,
  path: readonly PropertyKey[],
): string[] {
  let shape = shapeOf(schema);
  let value = document;
  for (let i = 0; i <= path.length; i++) {
    if (shape.kind === "tagged") {
      const tag = isRecord(value) ? value[shape.tag] : undefined;
      shape = shape.options.get(tag) ?? leaf;
    }
    if (i === path.length) break;
    const key = path[i];
    if (shape.kind === "object") shape = shape.fields.get(String(key)) ?? leaf;
    else if (shape.kind === "array" || shape.kind === "record") shape = shape.element ?? leaf;
    else if (shape.kind === "tuple") shape = shape.items[Number(key)] ?? leaf;
    else return [];
    value =
      isRecord(value) || Array.isArray(value)
        ? (value as Record<PropertyKey, unknown>)[key]
        : undefined;
  }
  return shape.kind === "object" ? [...shape.fields.keys()] : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Small helpers over the raw JSON document (before zod): lookups by path, pointers, words.
import { childPointer } from "../model/diagnostic.ts";

export type JsonObject = Record<string, unknown>;
export type PathKey = string | number;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** JSON pointer of a path of keys and indices. */
export function pointerOf(path: readonly PropertyKey[]): string {
  let pointer = "";
  for (const key of path) pointer = childPointer(pointer, String(key));
  return pointer;
}

/** The node at `path` in the raw document; own properties only (no prototype lookups). */
export function nodeAt(
  document: unknown,
  path: readonly PropertyKey[],
): { found: boolean; value: unknown } {
  let node = document;
  for (const key of path) {
    if (Array.isArray(node)) {
      const index = typeof key === "number" ? key : Number(key);
      if (!Number.isInteger(index) || index < 0 || index >= node.length) {
        return { found: false, value: undefined };
      }
      node = node[index];
    } else if (isJsonObject(node) && Object.hasOwn(node, String(key))) {
      node = node[String(key)];
    } else {
      return { found: false, value: undefined };
    }
  }
  return { found: true, value: node };
}

/** "an object", "the string \"abc\"", "the number 5", "null"… for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "object":
      return "an object";
    case "string":
      return `the string ${quote(value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return String(value);
    default:
      return "nothing";
  }
}

/** A JSON-quoted, shortened string for messages. */
export function quote(text: string, max = 40): string {
  const short = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(short);
}

/** The field a path ends in, for messages: "type", "actions[3]", or "the document". */
export function fieldName(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the document";
  if (typeof last === "number") {
    const parent = path[path.length - 2];
    return parent === undefined ? `element ${last}` : `${String(parent)}[${last}]`;
  }
  return `"${String(last)}"`;
}

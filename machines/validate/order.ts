// Diagnostics in document order, with line and column when there was text.
import type { TextPosition } from "../format/json-text.ts";
import { pointerTokens } from "../format/json-text.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnose } from "./codes.ts";

export type Locate = (pointer: string) => TextPosition;

/**
 * Sorted by where their pointer lies in the document (array index, then the key's place in
 * its object); a pointer to a node the document lacks (a default) comes after its deepest
 * existing ancestor's other children. Stable: ties keep the stages' order.
 */
export function sortByDocumentOrder(diagnostics: Diagnostic[], document: unknown): Diagnostic[] {
  const keyIndexes = new WeakMap<object, Map<string, number>>();
  const keyed = diagnostics.map((diagnostic, index) => ({
    diagnostic,
    index,
    key: orderKey(diagnostic.pointer, document, keyIndexes),
  }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.index - b.index);
  return keyed.map((entry) => entry.diagnostic);
}

function orderKey(
  pointer: string,
  document: unknown,
  keyIndexes: WeakMap<object, Map<string, number>>,
): number[] {
  const key: number[] = [];
  let node = document;
  for (const token of pointerTokens(pointer)) {
    if (typeof node !== "object" || node === null) {
      key.push(Number.MAX_SAFE_INTEGER);
      break;
    }
    const position = Array.isArray(node)
      ? Number(token)
      : indexOfKey(node as Record<string, unknown>, token, keyIndexes);
    if (!Number.isInteger(position) || position < 0) {
      key.push(Number.MAX_SAFE_INTEGER);
      break;
    }
    key.push(position);
    node = Object.hasOwn(node, token) ? (node as Record<string, unknown>)[token] : undefined;
  }
  return key;
}

function indexOfKey(
  node: Record<string, unknown>,
  token: string,
  keyIndexes: WeakMap<object, Map<string, number>>,
): number {
  let indexes = keyIndexes.get(node);
  if (!indexes) {
    indexes = new Map(Object.keys(node).map((key, i) => [key, i]));
    keyIndexes.set(node, indexes);
  }
  return indexes.get(token) ?? -1;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function withPositions(diagnostics: Diagnostic[], locate: Locate | undefined): Diagnostic[] {
  if (!locate) return diagnostics;
  return diagnostics.map((diagnostic) => ({ ...diagnostic, ...locate(diagnostic.pointer) }));
}

/** At most `limit` diagnostics, then one (with `code`) that says how many more there were. */
export function capped(
  diagnostics: Diagnostic[],
  limit: number,
  code: "tooManyIssues" | "tooManyUnknownFields",
): Diagnostic[] {
  if (diagnostics.length <= limit) return diagnostics;
  const rest = diagnostics.length - limit;
  return [
    ...diagnostics.slice(0, limit),
    diagnose(
      code,
      `… ${rest} more problem${rest === 1 ? "" : "s"} not shown: fix the ones above and validate again.`,
      "",
    ),
  ];
}

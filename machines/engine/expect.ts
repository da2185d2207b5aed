// The recording matcher (SPEC §4 "Recording"): does a Result satisfy a recording's `expect`?
//
// Rules, exactly as SPEC states them:
// - an object matches when every key it names matches (extra keys in the result are fine);
// - an array under one of the keys `effects`, `trace`, `tabs`, `warnings`, `reasons` matches
//   when its elements appear in the result's array in the same order (a subsequence), each
//   element matching as a subset (recursively, by these same rules);
// - any other array and every plain value must be equal (deep JSON equality).
//
// Subsequence search is greedy (each expected element takes the earliest actual element after
// the previous match). That is complete even with subset matching, because whether a pair
// matches does not depend on the other pairs: if some embedding j1 < j2 < … exists, the greedy
// pick g_i satisfies g_i <= j_i by induction (j_i is itself a candidate after g_{i-1} <= j_{i-1}),
// so greedy never runs out before an embedding would.
//
// Values may nest as deep as their source allows (files are held to jsonNestingLimit when
// parsed, but the app hands values over too): equality and counting are loops, and an
// expectation deeper than the limit is one mismatch rather than a recursion that overflows.
import { childPointer } from "../model/diagnostic.ts";
import { jsonNestingLimit } from "../semantics.ts";

/** Keys whose arrays match as an ordered subsequence of subset-matching elements. */
export const subsequenceKeys: ReadonlySet<string> = new Set([
  "effects",
  "trace",
  "tabs",
  "warnings",
  "reasons",
]);

/** An actual element offered as the closest thing to an expected one that found no match. */
export interface Candidate {
  /** JSON pointer of the element in the actual result. */
  pointer: string;
  value: unknown;
}

export interface Mismatch {
  /** JSON pointer into `expected` (for a subsequence element: its index in `expected`). */
  path: string;
  expected: unknown;
  /** The actual value there (undefined when missing); for an unmatched subsequence element, the candidates' values. */
  actual: unknown;
  /** For an unmatched subsequence element: the nearest actual elements, closest first. */
  candidates?: Candidate[];
  message: string;
}

/** How many nearest candidates an unmatched subsequence element reports. */
const candidateLimit = 3;

/** Every way `actual` fails `expected` (empty when it matches). */
export function matchExpectation(expected: unknown, actual: unknown): Mismatch[] {
  if (nestsDeeperThan(expected, jsonNestingLimit)) {
    return [
      {
        path: "",
        expected,
        actual: undefined,
        message: `the expectation nests objects and arrays deeper than ${jsonNestingLimit} levels, which cannot be checked`,
      },
    ];
  }
  return matchValue(expected, actual, "", "");
}

/** True when `actual` satisfies `expected`. */
export function matches(expected: unknown, actual: unknown): boolean {
  return matchExpectation(expected, actual).length === 0;
}

/** Inside a match whose depth was checked once at the top. */
function holds(expected: unknown, actual: unknown): boolean {
  return matchValue(expected, actual, "", "").length === 0;
}

/** Whether `value` has more than `limit` levels of objects and arrays (measured by a loop). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length > 0) {
    const node = values.pop();
    const depth = depths.pop() as number;
    if (typeof node !== "object" || node === null) continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === "object" && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * How many checks `expected` makes, for "✔ N expectations hold": one per plain value or
 * ordinary array, and at least one per subsequence element.
 */
export function countExpectations(expected: unknown, key = ""): number {
  // A loop with markers: an element's own total is kept apart between its start and end.
  const totals = [0];
  const work: (CountItem | "start" | "end")[] = [{ value: expected, key }];
  while (work.length > 0) {
    const item = work.pop() as CountItem | "start" | "end";
    if (item === "start") {
      totals.push(0);
    } else if (item === "end") {
      const own = totals.pop() as number;
      totals[totals.length - 1] += Math.max(1, own);
    } else if (Array.isArray(item.value) && subsequenceKeys.has(item.key)) {
      for (const element of item.value) work.push("end", { value: element, key: "" }, "start");
    } else if (isPlainObject(item.value)) {
      for (const [k, v] of Object.entries(item.value)) work.push({ value: v, key: k });
    } else {
      totals[totals.length - 1] += 1;
    }
  }
  return totals[0];
}

interface CountItem {
  value: unknown;
  key: string;
}

function matchValue(
  expected: unknown,
  actual: unknown,
  path: string,
  actualPath: string,
): Mismatch[] {
  if (isPlainObject(expected)) return matchObject(expected, actual, path, actualPath);
  if (deepEqual(expected, actual)) return [];
  return [{ path, expected, actual, message: describeInequality(expected, actual) }];
}

function matchObject(
  expected: Record<string, unknown>,
  actual: unknown,
  path: string,
  actualPath: string,
): Mismatch[] {
  if (!isPlainObject(actual)) {
    return [{ path, expected, actual, message: `expected an object, got ${kindOf(actual)}` }];
  }
  const mismatches: Mismatch[] = [];
  for (const [key, expectedValue] of Object.entries(expected)) {
    const keyPath = childPointer(path, key);
    const keyActualPath = childPointer(actualPath, key);
    if (!Object.hasOwn(actual, key)) {
      mismatches.push({
        path: keyPath,
        expected: expectedValue,
        actual: undefined,
        message: "missing",
      });
    } else {
      const found =
        subsequenceKeys.has(key) && Array.isArray(expectedValue)
          ? matchSubsequence(expectedValue, actual[key], keyPath, keyActualPath, key)
          : matchValue(expectedValue, actual[key], keyPath, keyActualPath);
      // A loop, not push(...found): an expectation of 100,000 elements overflows a spread.
      for (const mismatch of found) mismatches.push(mismatch);
    }
  }
  return mismatches;
}

function matchSubsequence(
  expected: readonly unknown[],
  actual: unknown,
  path: string,
  actualPath: string,
  key: string,
): Mismatch[] {
  if (!Array.isArray(actual)) {
    return [{ path, expected, actual, message: `expected an array, got ${kindOf(actual)}` }];
  }
  const mismatches: Mismatch[] = [];
  let from = 0;
  expected.forEach((element, index) => {
    const found = findFrom(element, actual, from);
    if (found >= 0) {
      from = found + 1;
      return;
    }
    // Not found: report it and go on from the same place, so later elements are checked too.
    const elementPath = childPointer(path, index);
    mismatches.push(unmatchedElement(element, actual, from, elementPath, actualPath, key));
  });
  return mismatches;
}

/** Index of the first element at or after `from` that matches `expected`, or -1. */
function findFrom(expected: unknown, actual: readonly unknown[], from: number): number {
  for (let index = from; index < actual.length; index++) {
    if (holds(expected, actual[index])) return index;
  }
  return -1;
}

function unmatchedElement(
  element: unknown,
  actual: readonly unknown[],
  from: number,
  path: string,
  actualPath: string,
  key: string,
): Mismatch {
  const candidates = nearestCandidates(element, actual, from, actualPath);
  const earlier = findFrom(element, actual.slice(0, from), 0);
  const where = from === 0 ? "" : ` after ${childPointer(actualPath, from - 1)}`;
  const message =
    earlier >= 0
      ? `no ${key} element matches${where}; one matches earlier, at ${childPointer(actualPath, earlier)} (out of order)`
      : `no ${key} element matches${where}`;
  return {
    path,
    expected: element,
    actual: candidates.map((candidate) => candidate.value),
    candidates,
    message,
  };
}

/** The actual elements from `from` on with the fewest mismatches against `expected`. */
function nearestCandidates(
  expected: unknown,
  actual: readonly unknown[],
  from: number,
  actualPath: string,
): Candidate[] {
  const scored = actual
    .map((value, index) => ({ value, index, distance: distance(expected, value) }))
    .filter((entry) => entry.index >= from && Number.isFinite(entry.distance));
  scored.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return scored.slice(0, candidateLimit).map(({ value, index }) => ({
    pointer: childPointer(actualPath, index),
    value,
  }));
}

/**
 * How far an actual element is from an expected one: the number of mismatching leaves;
 * an element of another kind, or of another `type` (trace entries, effects), is not a candidate.
 */
function distance(expected: unknown, actual: unknown): number {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return Number.POSITIVE_INFINITY;
    if ("type" in expected && !deepEqual(expected.type, actual.type)) {
      return Number.POSITIVE_INFINITY;
    }
    return matchValue(expected, actual, "", "").length;
  }
  return kindOf(expected) === kindOf(actual) ? 1 : Number.POSITIVE_INFINITY;
}

// ------------------------------------------------------------------------------ equality

/** Deep JSON equality: same kind, same keys (in any order), equal members. A loop over pairs. */
export function deepEqual(a: unknown, b: unknown): boolean {
  const pending: unknown[] = [a, b];
  while (pending.length > 0) {
    const right = pending.pop();
    const left = pending.pop();
    if (left === right) continue;
    if (Array.isArray(left)) {
      if (!Array.isArray(right) || left.length !== right.length) return false;
      for (let i = 0; i < left.length; i++) pending.push(left[i], right[i]);
    } else if (isPlainObject(left)) {
      if (!isPlainObject(right)) return false;
      const keys = Object.keys(left);
      if (keys.length !== Object.keys(right).length) return false;
      for (const key of keys) {
        if (!Object.hasOwn(right, key)) return false;
        pending.push(left[key], right[key]);
      }
    } else {
      return false;
    }
  }
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

function describeInequality(expected: unknown, actual: unknown): string {
  if (actual === undefined) return "missing";
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length === actual.length
      ? "arrays differ (this array must be equal, element by element)"
      : `arrays differ: expected ${expected.length} elements, got ${actual.length} (this array must be equal)`;
  }
  if (kindOf(expected) !== kindOf(actual)) {
    return `expected ${kindOf(expected)}, got ${kindOf(actual)}`;
  }
  return "not equal";
}

// ---------------------------------------------------------------------------- formatting

/**
 * A readable diff: per mismatch, the path and message, then `- expected` and `+ actual`
 * lines (for an unmatched subsequence element, one `+` line per nearest candidate).
 */
export function formatMismatches(mismatches: readonly Mismatch[]): string {
  return mismatches.map(formatMismatch).join("\n\n");
}

function formatMismatch(mismatch: Mismatch): string {
  const head = `${mismatch.path || "/"}: ${mismatch.message}`;
  const expectedLine = `  - ${render(mismatch.expected)}`;
  if (mismatch.candidates === undefined) {
    return [head, expectedLine, `  + ${renderActual(mismatch.actual)}`].join("\n");
  }
  if (mismatch.candidates.length === 0) {
    return [head, expectedLine, "  + (no element of the same kind after that point)"].join("\n");
  }
  const candidateLines = mismatch.candidates.map(
    (candidate) => `  + ${render(candidate.value)}   (nearest: ${candidate.pointer})`,
  );
  return [head, expectedLine, ...candidateLines].join("\n");
}

function renderActual(value: unknown): string {
  return value === undefined ? "(missing)" : render(value);
}

/** One line of JSON; long values are cut so the diff stays readable. */
function render(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    return "(a value nested too deeply to show)"; // JSON.stringify recurses
  }
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

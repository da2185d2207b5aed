// `replay --update` (issue 11 item 2): a recording's `expect` rewritten from the actual Result,
// keeping its subset shape (README "Semantics" → Command line):
// - an object keeps the keys it names, each refreshed from the result's value there; a key the
//   result no longer has is dropped (an expectation cannot say "missing");
// - an array under `effects`, `trace`, `tabs`, `warnings` or `reasons` (a subsequence, SPEC §4)
//   keeps its number of elements (fewer only when the result has fewer) and each element the
//   keys it names, taken from the actual element it is aligned with. The alignment keeps the
//   order and maximises, in this order: elements kept, elements that already match, elements
//   of the same `type`, then leaves that already match; so what still holds stays as it was;
// - any other array, and every plain value, becomes the result's value.
// A refreshed expectation always matches the result it came from, and a matching one refreshes
// to itself: passing recordings are never rewritten.
//
// The file is edited in place, value by value (jsonc-parser finds each value's place), so the
// rest of the text keeps its formatting; a new value is written on one line when it fits in
// 100 columns, else broken like biome formats JSON, with the file's indentation and line ends.
import {
  applyEdits,
  findNodeAtLocation,
  type JSONPath,
  type Node as JsonNode,
  modify,
  parseTree,
} from "jsonc-parser";
import { deepEqual, type Mismatch, subsequenceKeys } from "../../machines/engine/index.ts";

/** Marks a value the result does not have: its key is dropped. */
const missing = Symbol("missing");
type Refreshed = unknown | typeof missing;

/** `expected` with every value it names taken from `actual`, in the same shape. */
export function refreshExpectation(
  expected: Record<string, unknown>,
  actual: unknown,
): Record<string, unknown> {
  const refreshed = refresh(expected, actual, "");
  return isPlainObject(refreshed) ? refreshed : {};
}

function refresh(expected: unknown, actual: unknown, key: string): Refreshed {
  if (actual === undefined) return missing;
  if (Array.isArray(expected) && subsequenceKeys.has(key) && Array.isArray(actual)) {
    return refreshSubsequence(expected, actual);
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(expected)) {
      if (!Object.hasOwn(actual, name)) continue;
      const next = refresh(value, actual[name], name);
      // Defined, not assigned: ids are data, and "__proto__" is a possible experience id.
      if (next !== missing) {
        Object.defineProperty(out, name, {
          value: next,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return out;
  }
  return structuredClone(actual);
}

// ------------------------------------------------------------------------ subsequences

/** Past this many expected × actual pairs the alignment is greedy instead of optimal. */
const alignmentCellLimit = 4_000_000;

function refreshSubsequence(expected: readonly unknown[], actual: readonly unknown[]): unknown[] {
  const pairs =
    expected.length * actual.length <= alignmentCellLimit
      ? alignOptimal(expected, actual)
      : alignGreedy(expected, actual);
  return pairs.map(([e, a]) => {
    const next = refresh(expected[e], actual[a], "");
    return next === missing ? null : next;
  });
}

/** How well an actual element fits an expected one; compared lexicographically. */
interface Fit {
  matches: number;
  sameType: number;
  leaves: number;
}

function fitOf(expected: unknown, actual: unknown): Fit {
  if (matchesAll(expected, actual)) return { matches: 1, sameType: 1, leaves: leafCount(expected) };
  const sameType =
    isPlainObject(expected) && isPlainObject(actual)
      ? !("type" in expected) || deepEqual(expected.type, actual.type)
      : kindOf(expected) === kindOf(actual);
  return { matches: 0, sameType: sameType ? 1 : 0, leaves: matchingLeaves(expected, actual) };
}

/**
 * The order-keeping pairing of expected and actual elements that keeps the most elements,
 * then has the most full matches, then the most same-type pairs, then the most matching
 * leaves, then the earliest actual elements (dynamic programming over the two arrays; each
 * score is a tuple compared in that order).
 */
function alignOptimal(
  expected: readonly unknown[],
  actual: readonly unknown[],
): [number, number][] {
  const m = expected.length;
  const n = actual.length;
  const width = n + 1;
  const size = (m + 1) * width;
  // Scores per cell: kept, matches, sameType, leaves, then earliness (ties go to the earliest
  // actual elements, as the matcher's greedy search would pick them).
  const kept = new Float64Array(size);
  const full = new Float64Array(size);
  const typed = new Float64Array(size);
  const leaves = new Float64Array(size);
  const early = new Float64Array(size);
  /** 0: pair i-1 with j-1; 1: skip expected i-1; 2: skip actual j-1. */
  const move = new Uint8Array(size);
  const better = (a: number, b: number) =>
    kept[a] !== kept[b]
      ? kept[a] > kept[b]
      : full[a] !== full[b]
        ? full[a] > full[b]
        : typed[a] !== typed[b]
          ? typed[a] > typed[b]
          : leaves[a] !== leaves[b]
            ? leaves[a] > leaves[b]
            : early[a] > early[b];
  const copy = (to: number, from: number) => {
    kept[to] = kept[from];
    full[to] = full[from];
    typed[to] = typed[from];
    leaves[to] = leaves[from];
    early[to] = early[from];
  };
  for (let i = 1; i <= m; i++) move[i * width] = 1;
  for (let j = 1; j <= n; j++) move[j] = 2;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cell = i * width + j;
      const diagonal = (i - 1) * width + (j - 1);
      const fit = fitOf(expected[i - 1], actual[j - 1]);
      kept[cell] = kept[diagonal] + 1;
      full[cell] = full[diagonal] + fit.matches;
      typed[cell] = typed[diagonal] + fit.sameType;
      leaves[cell] = leaves[diagonal] + fit.leaves;
      early[cell] = early[diagonal] + (n - j);
      move[cell] = 0;
      const up = (i - 1) * width + j;
      const left = i * width + (j - 1);
      if (better(up, cell)) {
        copy(cell, up);
        move[cell] = 1;
      }
      if (better(left, cell)) {
        copy(cell, left);
        move[cell] = 2;
      }
    }
  }
  const pairs: [number, number][] = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const step = move[i * width + j];
    if (step === 0) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (step === 1) i--;
    else j--;
  }
  return pairs.reverse();
}

/** For very long arrays: each expected element takes the best-fitting actual one after the last. */
function alignGreedy(expected: readonly unknown[], actual: readonly unknown[]): [number, number][] {
  const pairs: [number, number][] = [];
  let from = 0;
  for (let e = 0; e < expected.length && from < actual.length; e++) {
    // Leave room for the elements still to place, so that as many as possible are kept.
    const last = Math.max(from, actual.length - (expected.length - e));
    let best = from;
    let bestFit = fitOf(expected[e], actual[from]);
    for (let a = from + 1; a <= last && bestFit.matches === 0; a++) {
      const fit = fitOf(expected[e], actual[a]);
      if (compareFits(fit, bestFit) > 0) {
        best = a;
        bestFit = fit;
      }
    }
    pairs.push([e, best]);
    from = best + 1;
  }
  return pairs;
}

function compareFits(a: Fit, b: Fit): number {
  return a.matches - b.matches || a.sameType - b.sameType || a.leaves - b.leaves;
}

// --------------------------------------------------------------------------- matching
// The SPEC §4 rules again, counting instead of listing (the engine's matcher lists mismatches).

function matchesAll(expected: unknown, actual: unknown, key = ""): boolean {
  if (Array.isArray(expected) && subsequenceKeys.has(key)) {
    if (!Array.isArray(actual)) return false;
    let from = 0;
    for (const element of expected) {
      while (from < actual.length && !matchesAll(element, actual[from])) from++;
      if (from === actual.length) return false;
      from++;
    }
    return true;
  }
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return false;
    return Object.entries(expected).every(
      ([name, value]) => Object.hasOwn(actual, name) && matchesAll(value, actual[name], name),
    );
  }
  return deepEqual(expected, actual);
}

function leafCount(expected: unknown): number {
  if (!isPlainObject(expected)) return 1;
  let count = 0;
  for (const value of Object.values(expected)) count += leafCount(value);
  return count;
}

function matchingLeaves(expected: unknown, actual: unknown, key = ""): number {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return 0;
    let count = 0;
    for (const [name, value] of Object.entries(expected)) {
      if (Object.hasOwn(actual, name)) count += matchingLeaves(value, actual[name], name);
    }
    return count;
  }
  return matchesAll(expected, actual, key) ? 1 : 0;
}

// ---------------------------------------------------------------------------- changes

/** One edit of the recording: the value at `path` (inside the recording) replaced or removed. */
export interface Change {
  path: JSONPath;
  before: unknown;
  /** Undefined: the key is removed. */
  after: unknown;
}

/** The smallest set of value edits that turns `before` into `after` (same shape assumed). */
export function changesBetween(before: unknown, after: unknown, path: JSONPath = []): Change[] {
  if (deepEqual(before, after)) return [];
  if (isPlainObject(before) && isPlainObject(after)) {
    const changes: Change[] = [];
    for (const [name, value] of Object.entries(before)) {
      if (!Object.hasOwn(after, name)) {
        changes.push({ path: [...path, name], before: value, after: undefined });
      } else
        for (const change of changesBetween(value, after[name], [...path, name]))
          changes.push(change);
    }
    for (const [name, value] of Object.entries(after)) {
      if (!Object.hasOwn(before, name))
        changes.push({ path: [...path, name], before: undefined, after: value });
    }
    return changes;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((value, index) => changesBetween(value, after[index], [...path, index]));
  }
  return [{ path, before, after }];
}

/** The changes as the `- before / + after` diff `replay` prints (formatMismatches). */
export function changesAsMismatches(changes: readonly Change[]): Mismatch[] {
  return changes.map((change) => ({
    path: pointerOf(change.path),
    expected: change.before,
    actual: change.after,
    message:
      change.after === undefined
        ? "removed (the result has no such value)"
        : change.before === undefined
          ? "added"
          : "updated",
  }));
}

function pointerOf(path: JSONPath): string {
  return path
    .map((part) => `/${String(part).replaceAll("~", "~0").replaceAll("/", "~1")}`)
    .join("");
}

// ------------------------------------------------------------------------------- text

/** How the file is written: its indentation unit and line ends. */
interface TextStyle {
  indent: string;
  eol: string;
}

export function styleOf(text: string): TextStyle {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indented = /\n([ \t]+)\S/.exec(text)?.[1];
  const indent = indented === undefined ? "  " : indented.startsWith("\t") ? "\t" : indented;
  return { indent, eol };
}

const lineWidth = 100;

/** `text` with every change applied in place; the rest of the text is left as it was. */
export function applyChanges(text: string, changes: readonly Change[]): string {
  const style = styleOf(text);
  let out = text;
  for (const change of changes) {
    const tree = parseTree(out) ?? fail("not JSON");
    const node = findNodeAtLocation(tree, change.path);
    if (change.after === undefined) {
      if (node !== undefined) out = removeMember(out, node);
      continue;
    }
    if (node === undefined) {
      // A key the recording did not have (refreshExpectation never adds one): insert it.
      const options = { insertSpaces: style.indent !== "\t", tabSize: 2, eol: style.eol };
      out = applyEdits(out, modify(out, change.path, change.after, { formattingOptions: options }));
      continue;
    }
    const lineStart = out.lastIndexOf("\n", node.offset - 1) + 1;
    const lineIndent = /^[ \t]*/.exec(out.slice(lineStart))?.[0] ?? "";
    const column = node.offset - lineStart;
    const written = writeValue(change.after, column, lineIndent, style);
    out = out.slice(0, node.offset) + written + out.slice(node.offset + node.length);
  }
  return out;
}

/**
 * `text` without the object member or array element whose value is `node`, with the comma
 * that separated it: from the end of the previous member, else up to the next one.
 */
function removeMember(text: string, node: JsonNode): string {
  const member = node.parent?.type === "property" ? node.parent : node;
  const container = member.parent;
  if (container === undefined) return text;
  const siblings = container.children ?? [];
  const index = siblings.indexOf(member);
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  if (previous !== undefined) {
    return (
      text.slice(0, previous.offset + previous.length) + text.slice(member.offset + member.length)
    );
  }
  if (next !== undefined) return text.slice(0, member.offset) + text.slice(next.offset);
  return text.slice(0, container.offset + 1) + text.slice(container.offset + container.length - 1);
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * A JSON value as biome writes it: on one line (`{ "a": 1 }`, `[1, 2]`) when it fits in the
 * line from `column`, else one member per line, indented one unit more than `lineIndent`.
 */
export function writeValue(
  value: unknown,
  column: number,
  lineIndent: string,
  style: TextStyle,
): string {
  const flat = writeFlat(value);
  // The +1 leaves room for a comma after the value.
  if (column + flat.length + 1 <= lineWidth || !isContainer(value)) return flat;
  const inner = lineIndent + style.indent;
  const innerColumn = inner.replaceAll("\t", "  ").length;
  if (Array.isArray(value)) {
    const items = value.map((item) => inner + writeValue(item, innerColumn, inner, style));
    return `[${style.eol}${items.join(`,${style.eol}`)}${style.eol}${lineIndent}]`;
  }
  const members = Object.entries(value as Record<string, unknown>).map(([name, member]) => {
    const head = `${JSON.stringify(name)}: `;
    return inner + head + writeValue(member, innerColumn + head.length, inner, style);
  });
  return `{${style.eol}${members.join(`,${style.eol}`)}${style.eol}${lineIndent}}`;
}

function writeFlat(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(writeFlat).join(", ")}]`;
  if (isPlainObject(value)) {
    const members = Object.entries(value).map(
      ([name, member]) => `${JSON.stringify(name)}: ${writeFlat(member)}`,
    );
    return members.length === 0 ? "{}" : `{ ${members.join(", ")} }`;
  }
  return JSON.stringify(value) ?? "null";
}

function isContainer(value: unknown): boolean {
  return (
    (Array.isArray(value) && value.length > 0) ||
    (isPlainObject(value) && Object.keys(value).length > 0)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

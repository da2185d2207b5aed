// Project text → value, keeping places. JSON.parse builds the value (fast, iterative for deep
// nesting, and "__proto__" becomes an own property, so nothing is polluted); two hand-written
// ITERATIVE scanners add what it cannot give: where a syntax error is, in plain words, and
// where a JSON pointer's node starts. Positions are 1-based; a column counts UTF-16 code
// units (what JavaScript strings and most editors' "column" count); lines end at "\n".
// A document nested deeper than jsonNestingLimit is refused here, once for every input
// (projects, scripts, recordings): everything downstream may then recurse over values.

export interface TextPosition {
  line: number;
  column: number;
}

export interface JsonSyntaxError extends TextPosition {
  message: string;
  /** 0-based UTF-16 offset into the text. */
  offset: number;
  /** Where the problem is as a JSON pointer, when the text parsed (too deep a value). */
  pointer?: string;
}

export type JsonTextResult =
  | {
      ok: true;
      value: unknown;
      /**
       * Where the node at `pointer` (RFC 6901) starts: an object member's value, an array's
       * element. A pointer that names nothing in the text (e.g. a default that zod filled in)
       * gets the place of its deepest existing ancestor.
       */
      locate(pointer: string): TextPosition;
    }
  | { ok: false; error: JsonSyntaxError };

const BOM = 0xfeff;

/**
 * Decided here (semantics.ts names it): objects and arrays nest at most this deep. Real
 * documents nest about 10 levels; a limit keeps every recursion over values safe.
 */
export const jsonNestingLimit = 256;

export function parseJsonText(text: string): JsonTextResult {
  // Editors on some systems write a byte-order mark; it is not part of the document.
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  const lines = new LineIndex(text, start);
  let value: unknown;
  try {
    value = JSON.parse(start === 0 ? text : text.slice(start));
  } catch (thrown) {
    const found = findSyntaxError(text, start) ?? fallbackSyntaxError(thrown, start);
    return { ok: false, error: describeSyntaxError(found, lines) };
  }
  const tooDeep = firstTooDeep(text, start, jsonNestingLimit);
  if (tooDeep !== -1) return { ok: false, error: describeTooDeep(text, start, tooDeep, lines) };
  const locator = new Locator(text, start);
  return {
    ok: true,
    value,
    locate: (pointer) => lines.position(locator.offsetOf(pointer)),
  };
}

function describeSyntaxError(found: FoundError, lines: LineIndex): JsonSyntaxError {
  let message = found.message;
  if (found.openedAt !== undefined) {
    const opened = lines.position(found.openedAt);
    message += ` (it opens at ${opened.line}:${opened.column})`;
  }
  return { message, offset: found.offset, ...lines.position(found.offset) };
}

function describeTooDeep(
  text: string,
  start: number,
  offset: number,
  lines: LineIndex,
): JsonSyntaxError {
  const tokens = pathTo(text, start, offset);
  const pointer = tokens.map((token) => `/${escapeToken(token)}`).join("");
  const shown =
    tokens.length > shownTokens ? `${pointer.slice(0, prefixLength(tokens))}/…` : pointer;
  return {
    message: `nested too deeply: at most ${jsonNestingLimit} levels of objects and arrays are allowed; this '${text[offset]}' opens level ${tokens.length + 1}, at ${shown || "/"}`,
    offset,
    pointer,
    ...lines.position(offset),
  };
}

/** How many leading tokens of a long pointer a message shows (the rest is more of the same). */
const shownTokens = 12;

function prefixLength(tokens: readonly string[]): number {
  let length = 0;
  for (let i = 0; i < shownTokens; i++) length += 1 + escapeToken(tokens[i]).length;
  return length;
}

function escapeToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** RFC 6901: "" is the root; "/a~1b/0" is ["a/b", "0"]. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((token) =>
      token.includes("~") ? token.replaceAll("~1", "/").replaceAll("~0", "~") : token,
    );
}

// ------------------------------------------------------------------------------ positions

/** Line starts, built on first use only (a valid document never needs them). */
class LineIndex {
  private starts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly bomLength: number,
  ) {}

  position(offset: number): TextPosition {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    const shift = low === 0 ? this.bomLength : 0;
    return { line: low + 1, column: offset - starts[low] - shift + 1 };
  }

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    for (let at = this.text.indexOf("\n"); at !== -1; at = this.text.indexOf("\n", at + 1)) {
      starts.push(at + 1);
    }
    this.starts = starts;
    return starts;
  }
}

// ------------------------------------------------------------------------- syntax errors

/** What the scanner expects next. */
type Expect = "value" | "firstKeyOrEnd" | "key" | "colon" | "firstValueOrEnd" | "afterValue";

interface FoundError {
  message: string;
  offset: number;
  /** For a container that is never closed: where it opens (the message then says so). */
  openedAt?: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isSpace(code: number): boolean {
  return code === SPACE || code === LF || code === CR || code === TAB;
}

function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The first syntax error of `text`, as a person would describe it, or undefined when the
 * text is valid JSON. Iterative: a stack of open containers instead of recursion.
 */
export function findSyntaxError(text: string, start = 0): FoundError | undefined {
  const open: number[] = []; // offsets of the open "{" and "[" (their char says which)
  let expect: Expect = "value";
  let lastComma = -1;
  let i = skipSpace(text, start);
  if (i >= text.length) {
    return { offset: i, message: "the document is empty: expected a JSON value such as {}" };
  }
  for (;;) {
    i = skipSpace(text, i);
    const char = text[i];
    const top = open.length > 0 ? text[open[open.length - 1]] : undefined;
    if (char === "/") return { offset: i, message: "comments are not allowed in JSON" };
    switch (expect) {
      case "value":
      case "firstValueOrEnd": {
        if (expect === "firstValueOrEnd" && char === "]") {
          open.pop();
          i++;
          expect = "afterValue";
          break;
        }
        if (char === "]" && lastComma >= 0 && top === "[") {
          return { offset: lastComma, message: "trailing comma: remove the ',' before ']'" };
        }
        if (char === "{" || char === "[") {
          open.push(i);
          i++;
          expect = char === "{" ? "firstKeyOrEnd" : "firstValueOrEnd";
          break;
        }
        const scalar = scanScalar(text, i, open);
        if ("message" in scalar) return scalar;
        i = scalar.end;
        expect = "afterValue";
        break;
      }
      case "firstKeyOrEnd":
      case "key": {
        if (char === "}" && expect === "firstKeyOrEnd") {
          open.pop();
          i++;
          expect = "afterValue";
          break;
        }
        if (char === "}") {
          return { offset: lastComma, message: "trailing comma: remove the ',' before '}'" };
        }
        if (char !== '"') return keyError(text, i);
        const key = scanString(text, i);
        if ("message" in key) return key;
        i = key.end;
        expect = "colon";
        break;
      }
      case "colon": {
        if (char !== ":") {
          return {
            offset: i,
            message: `expected ':' after a property name, found ${show(text, i)}`,
          };
        }
        i++;
        expect = "value";
        break;
      }
      case "afterValue": {
        if (top === undefined) {
          if (i >= text.length) return undefined;
          return {
            offset: i,
            message: `unexpected ${show(text, i)} after the end of the document`,
          };
        }
        const close = top === "{" ? "}" : "]";
        const what = top === "{" ? "a property value" : "an array element";
        if (char === ",") {
          lastComma = i;
          i++;
          expect = top === "{" ? "key" : "value";
          break;
        }
        if (char === close) {
          open.pop();
          i++;
          break;
        }
        if (i >= text.length) return unclosed(text, open);
        return {
          offset: i,
          message: `expected ',' or '${close}' after ${what}, found ${show(text, i)}`,
        };
      }
    }
  }
}

/** A string, number or literal at `i` (where a value is expected). */
function scanScalar(text: string, i: number, open: number[]): { end: number } | FoundError {
  const char = text[i];
  if (i >= text.length) {
    return open.length > 0
      ? unclosed(text, open, "expected a value")
      : { offset: i, message: "unexpected end of the document: expected a value" };
  }
  if (char === '"') return scanString(text, i);
  if (char === "-" || (char >= "0" && char <= "9")) return scanNumber(text, i);
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, i) && !isWordChar(text[i + literal.length])) {
      return { end: i + literal.length };
    }
  }
  if (char === "'") {
    return { offset: i, message: "strings use double quotes (\"), not single quotes (')" };
  }
  if (text.charCodeAt(i) === BOM) {
    return {
      offset: i,
      message: "a byte-order mark (U+FEFF) is allowed only once, as the very first character",
    };
  }
  return { offset: i, message: `expected a value, found ${show(text, i)}` };
}

const escapes = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const hex4 = /^[0-9a-fA-F]{4}$/;

function scanString(text: string, i: number): { end: number } | FoundError {
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x22) return { end: j + 1 };
    if (code === 0x5c) {
      const next = text[j + 1];
      if (next === "u" && hex4.test(text.slice(j + 2, j + 6))) j += 5;
      else if (next !== undefined && escapes.has(next)) j += 1;
      else return { offset: j, message: `invalid escape ${show(text, j, 2)} in a string` };
    } else if (code === LF || code === CR) {
      return {
        offset: i,
        message:
          "unterminated string: close it with '\"' on the same line (write \\n for a line break)",
      };
    } else if (code < 0x20) {
      return { offset: j, message: "control character in a string: escape it (\\t, \\n, \\u0000)" };
    }
  }
  return { offset: i, message: "unterminated string: close it with '\"'" };
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function scanNumber(text: string, i: number): { end: number } | FoundError {
  let end = i;
  while (end < text.length && /[0-9A-Za-z.+-]/.test(text[end])) end++;
  numberPattern.lastIndex = i;
  const match = numberPattern.exec(text);
  if (match && i + match[0].length === end) return { end };
  const token = text.slice(i, Math.min(end, i + 30));
  return {
    offset: i,
    message: `invalid number "${token}": JSON numbers have no leading zeros, no trailing '.', no '+' and no hex`,
  };
}

function keyError(text: string, i: number): FoundError {
  if (i >= text.length)
    return { offset: i, message: "unexpected end of the document: expected a property name" };
  if (text[i] === "'")
    return { offset: i, message: "property names use double quotes (\"), not single quotes (')" };
  return {
    offset: i,
    message: `expected a property name in double quotes, found ${show(text, i)}`,
  };
}

function unclosed(text: string, open: number[], what?: string): FoundError {
  const at = open[open.length - 1];
  const kind = text[at] === "{" ? "object" : "array";
  const close = kind === "object" ? "}" : "]";
  const lead = what ? `${what}; ` : "";
  return {
    offset: text.length,
    message: `unexpected end of the document: ${lead}the ${kind} is not closed with '${close}'`,
    openedAt: at,
  };
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[0-9A-Za-z_$]/.test(char);
}

/** A short, quoted view of the text at `i` for messages ("end of the document" at the end). */
function show(text: string, i: number, length?: number): string {
  if (i >= text.length) return "the end of the document";
  if (length !== undefined) return `'${text.slice(i, i + length)}'`;
  let end = i + 1;
  if (isWordChar(text[i])) while (end < text.length && end - i < 20 && isWordChar(text[end])) end++;
  return `'${text.slice(i, end)}'`;
}

/** Only if the scanner and JSON.parse ever disagree: keep JSON.parse's words, place unknown. */
function fallbackSyntaxError(thrown: unknown, start: number): FoundError {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  const position = /position (\d+)/.exec(message);
  return { message, offset: position ? Number(position[1]) + start : start };
}

// ------------------------------------------------------------------------------- nesting
// Both scans run on text JSON.parse accepted, so they only need to skip strings and follow
// brackets; neither recurses.

/**
 * Offset of the first "{" or "[" that opens level `limit` + 1 (the root is level 1), or -1.
 * It hops from one of `{ [ } ] "` to the next with indexOf (a fast native search) instead of
 * reading every character: it runs on every document, so it must cost little beside
 * JSON.parse.
 */
function firstTooDeep(text: string, start: number, limit: number): number {
  const end = text.length;
  const next = (char: string, from: number) => {
    const at = text.indexOf(char, from);
    return at === -1 ? end : at;
  };
  let openBrace = next("{", start);
  let openBracket = next("[", start);
  let closeBrace = next("}", start);
  let closeBracket = next("]", start);
  let quote = next('"', start);
  let depth = 0;
  for (;;) {
    const open = Math.min(openBrace, openBracket);
    const close = Math.min(closeBrace, closeBracket);
    if (quote < open && quote < close) {
      // Brackets inside a string do not count: move every search past it.
      const after = skipStringAt(text, quote);
      quote = next('"', after);
      if (openBrace < after) openBrace = next("{", after);
      if (openBracket < after) openBracket = next("[", after);
      if (closeBrace < after) closeBrace = next("}", after);
      if (closeBracket < after) closeBracket = next("]", after);
    } else if (open < close) {
      depth++;
      if (depth > limit) return open;
      if (open === openBrace) openBrace = next("{", open + 1);
      else openBracket = next("[", open + 1);
    } else if (close < end) {
      depth--;
      if (close === closeBrace) closeBrace = next("}", close + 1);
      else closeBracket = next("]", close + 1);
    } else {
      return -1;
    }
  }
}

/** The keys and indices from the root down to the container that opens at `target`. */
function pathTo(text: string, start: number, target: number): string[] {
  const tokens: string[] = [];
  /** Per open container: its current element index, or -1 for an object. */
  const indices: number[] = [];
  let expectKey = false;
  for (let i = start; i < target; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      const end = skipStringAt(text, i);
      if (expectKey) tokens[tokens.length - 1] = decodeKey(text.slice(i, end));
      expectKey = false;
      i = end - 1;
    } else if (code === 0x7b) {
      indices.push(-1);
      tokens.push("");
      expectKey = true;
    } else if (code === 0x5b) {
      indices.push(0);
      tokens.push("0");
    } else if (code === 0x7d || code === 0x5d) {
      indices.pop();
      tokens.pop();
    } else if (code === 0x2c) {
      const top = indices.length - 1;
      if (indices[top] === -1) expectKey = true;
      else tokens[top] = String(++indices[top]);
    }
  }
  return tokens;
}

// ------------------------------------------------------------------------------ locating

interface ArrayIndex {
  elements: number[];
  /** Where scanning resumes for elements not seen yet; -1 once the "]" was reached. */
  resumeAt: number;
}

/**
 * Finds where a pointer's node starts, lazily: only the containers on the pointer's way are
 * indexed (an object's members all at once, since a repeated key's last value wins as in
 * JSON.parse; an array's elements only up to the one asked for). Later look-ups reuse them.
 */
class Locator {
  private readonly objects = new Map<number, Map<string, number>>();
  private readonly arrays = new Map<number, ArrayIndex>();
  private readonly root: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.root = skipSpace(text, start);
  }

  offsetOf(pointer: string): number {
    let offset = this.root;
    for (const token of pointerTokens(pointer)) {
      const child = this.childOf(offset, token);
      if (child === undefined) break;
      offset = child;
    }
    return offset;
  }

  private childOf(offset: number, token: string): number | undefined {
    const char = this.text[offset];
    if (char === "{") return this.membersOf(offset).get(token);
    if (char === "[" && /^(0|[1-9][0-9]*)$/.test(token))
      return this.elementOf(offset, Number(token));
    return undefined;
  }

  private membersOf(offset: number): Map<string, number> {
    const known = this.objects.get(offset);
    if (known) return known;
    const members = new Map<string, number>();
    const text = this.text;
    let i = skipSpace(text, offset + 1);
    while (text[i] === '"') {
      const keyEnd = skipStringAt(text, i);
      const key = decodeKey(text.slice(i, keyEnd));
      i = skipSpace(text, skipSpace(text, keyEnd) + 1); // past ':'
      members.set(key, i);
      i = skipSpace(text, skipValue(text, i));
      if (text[i] === ",") i = skipSpace(text, i + 1);
    }
    this.objects.set(offset, members);
    return members;
  }

  private elementOf(offset: number, index: number): number | undefined {
    let known = this.arrays.get(offset);
    if (!known) {
      known = { elements: [], resumeAt: skipSpace(this.text, offset + 1) };
      this.arrays.set(offset, known);
    }
    const text = this.text;
    while (known.elements.length <= index && known.resumeAt !== -1) {
      const at = known.resumeAt;
      if (at >= text.length || text[at] === "]") {
        known.resumeAt = -1;
        break;
      }
      known.elements.push(at);
      let next = skipSpace(text, skipValue(text, at));
      if (text[next] === ",") next = skipSpace(text, next + 1);
      known.resumeAt = next;
    }
    return known.elements[index];
  }
}

function decodeKey(quoted: string): string {
  return quoted.includes("\\") ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
}

/** End (exclusive) of the valid string starting at the quote `i`. */
function skipStringAt(text: string, i: number): number {
  let at = text.indexOf('"', i + 1);
  while (at !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at + 1;
    at = text.indexOf('"', at + 1);
  }
  return text.length;
}

/** End (exclusive) of the valid value starting at `i`; containers skipped by depth count. */
function skipValue(text: string, i: number): number {
  const first = text[i];
  if (first === '"') return skipStringAt(text, i);
  if (first !== "{" && first !== "[") {
    let end = i;
    while (end < text.length && !/[\s,\]}]/.test(text[end])) end++;
    return end;
  }
  let depth = 0;
  for (let at = i; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) at = skipStringAt(text, at) - 1;
    else if (code === 0x7b || code === 0x5b) depth++;
    else if (code === 0x7d || code === 0x5d) {
      depth--;
      if (depth === 0) return at + 1;
    }
  }
  return text.length;
}

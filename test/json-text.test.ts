// Project text → value with places (machines/format/json-text.ts): syntax errors in plain
// words at the right line and column, and JSON pointers located lazily.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonText, pointerTokens } from "../machines/format/json-text.ts";
import { decodeUtf8Text, firstInvalidByte } from "../machines/format/utf8-text.ts";
import { childPointer } from "../machines/model/diagnostic.ts";
import { jsonNestingLimit } from "../machines/semantics.ts";

function located(text: string) {
  const result = parseJsonText(text);
  if (!result.ok) throw new Error(`expected valid JSON: ${result.error.message}`);
  return result;
}

function failure(text: string) {
  const result = parseJsonText(text);
  if (result.ok) throw new Error("expected a syntax error");
  return result.error;
}

/** 0-based offset of a 1-based line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

/** Every node of a JSON value with its pointer. */
function nodes(value: unknown): { pointer: string; node: unknown }[] {
  const out: { pointer: string; node: unknown }[] = [];
  const stack: { pointer: string; node: unknown }[] = [{ pointer: "", node: value }];
  while (stack.length > 0) {
    const entry = stack.pop() as { pointer: string; node: unknown };
    out.push(entry);
    const { node, pointer } = entry;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++)
        stack.push({ pointer: `${pointer}/${i}`, node: node[i] });
    } else if (typeof node === "object" && node !== null) {
      for (const [key, child] of Object.entries(node))
        stack.push({ pointer: childPointer(pointer, key), node: child });
    }
  }
  return out;
}

describe("syntax errors", () => {
  const cases: [string, string, RegExp, number, number][] = [
    ["empty input", "", /document is empty/, 1, 1],
    ["only spaces", "\n  \n", /document is empty/, 3, 1],
    [
      "trailing comma in an object",
      '{\n  "a": 1,\n}',
      /trailing comma: remove the ',' before '}'/,
      2,
      9,
    ],
    ["trailing comma in an array", "[1, 2, ]", /trailing comma: remove the ',' before ']'/, 1, 6],
    ["a line comment", '{\n  // note\n  "a": 1\n}', /comments are not allowed/, 2, 3],
    ["a block comment", '{ /* x */ "a": 1 }', /comments are not allowed/, 1, 3],
    ["an unterminated string", '{\n  "a": "abc\n}', /unterminated string/, 2, 8],
    ["a string at the end", '{"a": "abc', /unterminated string/, 1, 7],
    [
      "a missing comma",
      '{\n  "a": 1\n  "b": 2\n}',
      /expected ',' or '}' after a property value, found '"'/,
      3,
      3,
    ],
    ["a missing colon", '{"a" 1}', /expected ':' after a property name/, 1, 6],
    ["single quotes", "{'a': 1}", /double quotes/, 1, 2],
    ["a bad literal", '{"a": tru}', /expected a value, found 'tru'/, 1, 7],
    ["a leading zero", "[01]", /invalid number "01"/, 1, 2],
    ["text after the end", '{"a": 1} x', /unexpected 'x' after the end/, 1, 10],
    [
      "an unclosed array",
      '{"a": [1, 2',
      /array is not closed with '\]' \(it opens at 1:7\)/,
      1,
      12,
    ],
    ["a wrong closer", "[1, 2}", /expected ',' or '\]' after an array element, found '}'/, 1, 6],
    ["a bad escape", '["\\q"]', /invalid escape '\\q'/, 1, 3],
    ["a raw tab in a string", '["a\tb"]', /control character/, 1, 4],
  ];

  it.each(cases)("%s", (_name, text, message, line, column) => {
    const error = failure(text);
    expect(error.message).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.offset).toBe(offsetOf(text, line, column));
  });

  it("counts columns in UTF-16 code units and ignores a byte-order mark", () => {
    expect(failure('["😀", x]')).toMatchObject({ line: 1, column: 8 });
    expect(failure('\uFEFF{"a": 1,}')).toMatchObject({ line: 1, column: 8 });
    expect(located('\uFEFF{"a": 1}').locate("/a")).toEqual({ line: 1, column: 7 });
  });

  it("agrees with JSON.parse on what is valid, and never throws", () => {
    const fragments = fc.constantFrom(
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      '"a"',
      "1",
      "-",
      "true",
      " ",
      "\n",
      "/",
      "'",
      "\\",
      "nul",
    );
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const result = parseJsonText(text);
        expect(result.ok).toBe(valid);
        if (!result.ok) {
          expect(result.error.offset).toBeGreaterThanOrEqual(0);
          expect(result.error.offset).toBeLessThanOrEqual(text.length);
          expect(result.error.offset).toBe(offsetOf(text, result.error.line, result.error.column));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("values", () => {
  it("are JSON.parse's, with __proto__ as an own key and nothing polluted", () => {
    const { value } = located(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}',
    );
    expect(Object.hasOwn(value as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("nest up to jsonNestingLimit levels, and locate inside them", () => {
    const depth = jsonNestingLimit;
    expect(located("[".repeat(depth) + "]".repeat(depth)).ok).toBe(true);
    const objects = located(`${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`);
    expect(objects.locate("/a".repeat(100))).toEqual({ line: 1, column: 501 });
    const unclosed = failure("[".repeat(10_000));
    expect(unclosed.message).toMatch(/not closed/);
  });

  it("refuse one level more, at the bracket that opens it, with its pointer", () => {
    const tooDeep = failure("[".repeat(10_000) + "]".repeat(10_000));
    expect(tooDeep).toMatchObject({ line: 1, column: jsonNestingLimit + 1 });
    expect(tooDeep.pointer).toBe("/0".repeat(jsonNestingLimit));
    expect(tooDeep.message).toMatch(/nested too deeply: at most 256 levels .* opens level 257/);
    // Keys are escaped as RFC 6901 says; brackets inside strings and earlier siblings count
    // for nothing; indices follow the commas.
    const levels = jsonNestingLimit - 3;
    const inner = `${'{"a/b~":'.repeat(levels)}1${"}".repeat(levels)}`;
    const text = `{"s": "[[[{{{", "x": [
  0, {}, [], ${inner.replace("1", "[[1]]")}]}`;
    const error = failure(text);
    expect(error.pointer).toBe(`/x/3${"/a~1b~0".repeat(levels)}/0`);
    expect(text.slice(error.offset, error.offset + 3)).toBe("[1]");
    expect(error).toMatchObject({ line: 2, column: error.offset - text.indexOf("\n") });
    expect(located(text.replace("[[1]]", "[1]")).ok).toBe(true);
  });
});

describe("locate", () => {
  const text = `{
  "x": [
    1,
    { "y": "é😀", "a~b": 2, "c/d": 3 }
  ],
  "x": "last wins"
}`;

  it("finds members and elements, with RFC 6901 escapes", () => {
    const { locate } = located(text);
    expect(locate("")).toEqual({ line: 1, column: 1 });
    expect(locate("/x")).toEqual({ line: 6, column: 8 }); // a repeated key: JSON.parse keeps the last
  });

  it("falls back to the deepest existing ancestor", () => {
    const { locate } = located('{\n  "a": [\n    {"b": 1}\n  ]\n}');
    expect(locate("/a/0/b")).toEqual({ line: 3, column: 11 });
    expect(locate("/a/0/missing/deeper")).toEqual({ line: 3, column: 5 });
    expect(locate("/a/7")).toEqual({ line: 2, column: 8 });
    expect(locate("/a/x")).toEqual({ line: 2, column: 8 });
    expect(locate("/a/0/b/0")).toEqual({ line: 3, column: 11 });
    expect(locate("/nope")).toEqual({ line: 1, column: 1 });
  });

  it("splits pointers as RFC 6901 says", () => {
    expect(pointerTokens("")).toEqual([]);
    expect(pointerTokens("/a~1b/~0c/0")).toEqual(["a/b", "~c", "0"]);
    const { locate } = located('{"a/b": {"~c": [7]}}');
    expect(locate("/a~1b/~0c/0")).toEqual({ line: 1, column: 17 });
  });

  it("points at each node's own text, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const compact = JSON.stringify(value);
        const { locate } = located(compact);
        for (const { pointer, node } of nodes(JSON.parse(compact))) {
          const { line, column } = locate(pointer);
          expect(line).toBe(1);
          expect(compact.startsWith(JSON.stringify(node), column - 1)).toBe(true);
        }
        const pretty = JSON.stringify(value, null, 2);
        const prettyLocate = located(pretty).locate;
        for (const { pointer, node } of nodes(JSON.parse(pretty))) {
          const { line, column } = prettyLocate(pointer);
          const first = JSON.stringify(node)[0];
          expect(pretty[offsetOf(pretty, line, column)]).toBe(first);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("UTF-8 bytes", () => {
  const fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

  function decodes(bytes: Uint8Array): boolean {
    try {
      fatal.decode(bytes);
      return true;
    } catch {
      return false;
    }
  }

  it("finds the first bad byte exactly where the standard decoder fails", () => {
    // Bytes drawn mostly from the ranges where UTF-8's rules bite.
    const byte = fc.oneof(
      fc.integer({ min: 0x00, max: 0x7f }),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.constantFrom(0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 12 }), (array) => {
        const bytes = Uint8Array.from(array);
        const bad = firstInvalidByte(bytes);
        expect(bad === -1).toBe(decodes(bytes));
        if (bad >= 0) {
          expect(decodes(bytes.subarray(0, bad))).toBe(true);
          const decoded = decodeUtf8Text(bytes);
          expect(decoded.ok).toBe(false);
          if (!decoded.ok) expect(decoded.error.byteOffset).toBe(bad);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps byte-order marks for the text layer, which accepts one only", () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x31]);
    expect(decodeUtf8Text(bytes)).toEqual({ ok: true, text: "\uFEFF\uFEFF1" });
    expect(located("\uFEFF1").value).toBe(1);
    expect(failure("\uFEFF\uFEFF1")).toMatchObject({
      line: 1,
      column: 1,
      message: "a byte-order mark (U+FEFF) is allowed only once, as the very first character",
    });
  });
});

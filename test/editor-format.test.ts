// Format: minified JSON laid out with two-space indentation, numbers as written; invalid
// JSON left alone with a message. And the single change that brings outside text into the
// editor (a form, the canvas, undo) without replacing everything.
import { describe, expect, it } from "vitest";
import { formatJson } from "../app/editor/format-json.ts";
import { minimalChange } from "../app/editor/minimal-change.ts";

describe("formatJson", () => {
  it("lays minified JSON out as JSON.stringify(value, null, 2) does, with a final newline", () => {
    const value = { version: 1, experiences: [{ id: "e", steps: [], audience: [{ a: [1, 2] }] }] };
    const result = formatJson(JSON.stringify(value));
    expect(result).toEqual({
      ok: true,
      text: `${JSON.stringify(value, null, 2)}\n`,
      changed: true,
    });
  });

  it("keeps numbers and strings as they are written", () => {
    const result = formatJson('{"a":1.50,"b":1e3,"c":"\\u00e9"}');
    expect(result.ok && result.text).toBe('{\n  "a": 1.50,\n  "b": 1e3,\n  "c": "\\u00e9"\n}\n');
  });

  it("says when the text is formatted already", () => {
    const formatted = '{\n  "version": 1\n}\n';
    expect(formatJson(formatted)).toEqual({ ok: true, text: formatted, changed: false });
  });

  it("refuses text that is not JSON and says where it breaks", () => {
    const result = formatJson('{"version": 1,,}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^Not formatted: the text is not valid JSON \(line 1, column 15/,
    );
  });
});

describe("minimalChange", () => {
  it("is the one span that differs", () => {
    expect(minimalChange('{ "a": 1, "b": 2 }', '{ "a": 1, "b": 3 }')).toEqual({
      from: 15,
      to: 16,
      insert: "3",
    });
    expect(minimalChange("abc", "abXbc")).toEqual({ from: 2, to: 2, insert: "Xb" });
    expect(minimalChange("abcabc", "abc")).toEqual({ from: 3, to: 6, insert: "" });
  });

  it("is nothing for the same text", () => {
    expect(minimalChange("same", "same")).toBeNull();
  });

  it("applied to the old text gives the new one", () => {
    const pairs = [
      ["", "x"],
      ["x", ""],
      ["aaaa", "aa"],
      ['{"a":1}', '{\n  "a": 1\n}\n'],
    ];
    for (const [before, after] of pairs) {
      const change = minimalChange(before, after);
      const applied = change
        ? before.slice(0, change.from) + change.insert + before.slice(change.to)
        : before;
      expect(applied).toBe(after);
    }
  });
});

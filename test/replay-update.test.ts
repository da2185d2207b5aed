// `replay --update`'s refresh and in-place edits (cli/replay/update.ts): the subset shape kept,
// a passing expectation refreshed to itself, and the file's own formatting kept.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { replayRecording } from "../cli/commands/replay.ts";
import {
  applyChanges,
  changesBetween,
  refreshExpectation,
  styleOf,
  writeValue,
} from "../cli/replay/update.ts";
import { matchExpectation } from "../machines/engine/expect.ts";

const folder = join(import.meta.dirname, "..", "examples", "recordings");

describe("refreshExpectation", () => {
  it.each(readdirSync(folder))("refreshes %s (passing) to exactly itself", async (name) => {
    const outcome = await replayRecording(join(folder, name));
    expect(outcome.mismatches).toEqual([]);
    expect(refreshExpectation(outcome.recording.expect, outcome.result)).toEqual(
      outcome.recording.expect,
    );
  });

  it("keeps each element's keys and the number of elements, in order", () => {
    const actual = {
      effects: [
        { type: "openPost", post: "p1" },
        { type: "navigateTo", url: "/a", openIn: "sameTab" },
        { type: "navigateTo", url: "/b", openIn: "newTab" },
      ],
      tabs: ["https://x.example"],
    };
    const refreshed = refreshExpectation(
      {
        effects: [{ type: "navigateTo", url: "/old" }, { type: "openPost" }],
        tabs: ["https://old.example", "https://gone.example"],
      },
      actual,
    );
    expect(refreshed).toEqual({
      // Both elements kept, in order: the navigateTo takes the first navigateTo (same type),
      // the openPost has only a navigateTo left after it and keeps its one key, `type`.
      effects: [{ type: "navigateTo", url: "/a" }, { type: "navigateTo" }],
      // Fewer actual elements than expected: as many as there are.
      tabs: ["https://x.example"],
    });
    expect(matchExpectation(refreshed, actual)).toEqual([]);
  });

  it("takes plain values and other arrays whole, and drops keys the result lacks", () => {
    expect(
      refreshExpectation(
        { page: { url: "/old", title: "gone" }, experiences: { a: { visited: ["x"] } } },
        { page: { url: "/new" }, experiences: { a: { visited: ["x", "y"], views: 2 } } },
      ),
    ).toEqual({ page: { url: "/new" }, experiences: { a: { visited: ["x", "y"] } } });
  });

  it("keeps odd keys as keys: __proto__ is an id like any other", () => {
    const expected = JSON.parse('{"experiences":{"__proto__":{"status":"idle"}}}');
    const actual = JSON.parse('{"experiences":{"__proto__":{"status":"completed","views":1}}}');
    const refreshed = refreshExpectation(expected, actual);
    expect(JSON.stringify(refreshed)).toBe('{"experiences":{"__proto__":{"status":"completed"}}}');
    expect(Object.getPrototypeOf(refreshed.experiences)).toBe(Object.prototype);
    const text = '{\n  "expect": {"experiences":{"__proto__":{"status":"idle"}}}\n}\n';
    const out = applyChanges(text, changesBetween(expected, refreshed, ["expect"]));
    expect(out).toBe('{\n  "expect": {"experiences":{"__proto__":{"status":"completed"}}}\n}\n');
  });

  it("lists the changes value by value", () => {
    expect(changesBetween({ a: { b: 1, c: [1] }, d: 2 }, { a: { b: 2, c: [1, 2] } })).toEqual([
      { path: ["a", "b"], before: 1, after: 2 },
      { path: ["a", "c"], before: [1], after: [1, 2] },
      { path: ["d"], before: 2, after: undefined },
    ]);
  });
});

describe("applyChanges: edits in place, in the file's own style", () => {
  it("writes a value on one line when it fits, else broken like biome", () => {
    const style = { indent: "  ", eol: "\n" };
    expect(writeValue({ a: [1, 2], b: "x" }, 10, "  ", style)).toBe('{ "a": [1, 2], "b": "x" }');
    // Flat, the array would pass column 100 from column 6; its one element fits on its own.
    const long = { url: "x".repeat(38), openIn: "newTab", type: "navigateTo" };
    const element = `{ "url": "${"x".repeat(38)}", "openIn": "newTab", "type": "navigateTo" }`;
    expect(6 + element.length + 2 + 1).toBeGreaterThan(100);
    expect(writeValue([long], 6, "    ", style)).toBe(`[\n      ${element}\n    ]`);
    // Too long even alone: one member per line.
    expect(writeValue({ a: "y".repeat(100) }, 2, "", style)).toBe(
      `{\n  "a": "${"y".repeat(100)}"\n}`,
    );
    expect(writeValue({}, 0, "", style)).toBe("{}");
  });

  it("keeps tabs, CRLF line ends and every untouched byte", () => {
    const text =
      '{\r\n\t"expect": {\r\n\t\t"page": { "url": "/a" },\r\n\t\t"gone": true,\r\n\t\t"n": 1\r\n\t}\r\n}\r\n';
    expect(styleOf(text)).toEqual({ indent: "\t", eol: "\r\n" });
    const out = applyChanges(text, [
      { path: ["expect", "page", "url"], before: "/a", after: "/b" },
      { path: ["expect", "gone"], before: true, after: undefined },
    ]);
    expect(out).toBe(
      '{\r\n\t"expect": {\r\n\t\t"page": { "url": "/b" },\r\n\t\t"n": 1\r\n\t}\r\n}\r\n',
    );
  });
});

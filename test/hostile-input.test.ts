// Input meant to hurt: huge, deep, prototype-polluting, of the wrong shape everywhere. Each
// yields diagnostics with places (or a parse error with its place), never a throw or a hang.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generateProjectText, unknownStepProject } from "../bench/generate.ts";
import { jsonEqual } from "../machines/engine/audience.ts";
import {
  countExpectations,
  deepEqual,
  formatMismatches,
  matchExpectation,
} from "../machines/engine/expect.ts";
import { jsonNestingLimit } from "../machines/semantics.ts";
import { validateDocument, validateText } from "../machines/validate/index.ts";

const depth = 10_000;
const deepArray = `${"[".repeat(depth)}${"]".repeat(depth)}`;
const deepObject = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

function project(inner: string): string {
  return `{"version": 1, ${inner}}`;
}

afterEach(() => {
  // Nothing a document says may reach Object.prototype.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).includes("polluted")).toBe(false);
});

describe("size", () => {
  it("validates a 20 MB project within a few seconds", { timeout: 60_000 }, () => {
    const text = generateProjectText({
      tours: 1050,
      stepsPerTour: 20,
      surveys: 10,
      stepsPerSurvey: 10,
    });
    expect(text.length).toBeGreaterThan(20_000_000);
    const value = validateText(text);
    expect(value.project?.experiences.length).toBe(1060);
    expect(value.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("places an error at the end of a 20 MB document", { timeout: 60_000 }, () => {
    const filler = JSON.stringify("x".repeat(20_000_000));
    const text = `{\n  "version": 1,\n  "posts": [{ "id": "p", "title": ${filler}, "body": 7 }]\n}`;
    const value = validateText(text);
    const lastLine = text.split("\n")[2];
    expect(value.diagnostics).toEqual([
      expect.objectContaining({
        code: "wrongType",
        pointer: "/posts/0/body",
        line: 3,
        column: lastLine.lastIndexOf("7") + 1,
      }),
    ]);
  });

  it("reports a syntax error at the end of a 20 MB document", { timeout: 60_000 }, () => {
    const text = `[${"1,".repeat(10_000_000)}]`;
    const value = validateText(text);
    expect(value.parseError).toMatchObject({ line: 1, column: text.lastIndexOf(",") + 1 });
    expect(value.parseError?.message).toMatch(/trailing comma/);
  });
});

describe("many errors", () => {
  it("20,000 unknown step ids: messages name at most three steps, output stays linear", {
    timeout: 60_000,
  }, () => {
    const text = JSON.stringify(unknownStepProject(20_000));
    const value = validateText(text);
    const unknown = value.diagnostics.filter((d) => d.code === "unknownStep");
    expect(unknown).toHaveLength(20_000);
    expect(unknown[0].message).toBe(
      'Step "step-2x" does not exist in this experience; use next, previous, complete or a step id (did you mean "step-2", "step-20" or "step-21"?).',
    );
    const longest = Math.max(...value.diagnostics.map((d) => d.message.length));
    expect(longest).toBeLessThan(200);
  });

  it("no message ends with an empty list", () => {
    const project = {
      version: 1,
      experiences: [
        {
          id: "survey",
          type: "survey",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [
            {
              id: "pick",
              kind: "choice",
              question: { options: [] },
              conditions: [
                { id: "c", if: { anyOf: ["x"] }, actions: [{ type: "goToStep", step: "nowhere" }] },
              ],
            },
          ],
        },
      ],
    };
    const { diagnostics } = validateDocument(project);
    expect(diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["unknownOption", "unknownStep"]),
    );
    for (const d of diagnostics) expect(d.message).not.toMatch(/(one of|:)\s*[.)]/);
    expect(diagnostics.find((d) => d.code === "unknownOption")?.message).toBe(
      '"x" is not an option of this step: it has none to pick from yet; add them to its question, e.g. "question": { "options": ["x", "Other"] }.',
    );
  });
});

describe("depth", () => {
  const limit = jsonNestingLimit;

  it("refuses a 10,000-deep array or object as the root, at the level past the limit", () => {
    const arrays = validateText(deepArray).parseError;
    expect(arrays).toMatchObject({ line: 1, column: limit + 1, pointer: "/0".repeat(limit) });
    const objects = validateText(deepObject).parseError;
    expect(objects).toMatchObject({ line: 1, column: 5 * limit + 1, pointer: "/a".repeat(limit) });
    expect(objects?.message).toMatch(/nested too deeply: at most 256 levels/);
  });

  it("refuses a 10,000-deep value wherever it is, naming its pointer", () => {
    const places = [
      ['"settings": ', "/settings"],
      ['"experiences": [', "/experiences/0"],
      ['"personas": [{"id": "p", "attributes": {"deep": ', "/personas/0/attributes/deep"],
      ['"extra": ', "/extra"],
    ] as const;
    for (const [before, pointer] of places) {
      const tail = before.includes("personas") ? "}}]" : before.endsWith("[") ? "]" : "";
      const text = project(`${before}${deepArray}${tail}`);
      const { parseError, diagnostics } = validateText(text);
      expect(diagnostics).toEqual([]);
      // The pointer has one token per enclosing level: `limit` of them.
      const tokens = pointer.split("/").length - 1;
      expect(parseError?.pointer, pointer).toBe(`${pointer}${"/0".repeat(limit - tokens)}`);
      expect(parseError?.line).toBe(1);
      expect(text[(parseError?.column ?? 0) - 1]).toBe("[");
    }
  });

  it("accepts values exactly at the limit where any JSON value goes", () => {
    // Root object (1) + personas (2) + persona (3) + attributes (4): the value has limit − 4.
    const atLimit = `${"[".repeat(limit - 4)}${"]".repeat(limit - 4)}`;
    const text = project(`"personas": [{"id": "p", "attributes": {"deep": ${atLimit}}}]`);
    const { diagnostics, project: parsed, parseError } = validateText(text);
    expect(parseError).toBeUndefined();
    expect(parsed).toBeDefined();
    expect(diagnostics).toEqual([]);
  });

  it("reports an unclosed 10,000-deep document with its place", () => {
    const { parseError } = validateText(`{"version": 1, "x": ${"[".repeat(depth)}`);
    expect(parseError?.message).toMatch(/not closed with '\]' \(it opens at 1:\d+\)/);
    expect(parseError).toMatchObject({ line: 1, column: 21 + depth });
  });
});

describe("prototype keys", () => {
  const hostile = `{
  "version": 1,
  "__proto__": { "polluted": "root" },
  "constructor": { "prototype": { "polluted": "ctor" } },
  "settings": { "__proto__": { "runJsEnabled": true }, "latencyMs": { "__proto__": { "polluted": 1 } } },
  "personas": [{ "id": "p", "attributes": { "__proto__": { "polluted": "attr" }, "prototype": 1 } }],
  "experiences": [
    { "id": "__proto__", "type": "tour", "status": "live", "prototype": {},
      "steps": [{ "id": "constructor", "kind": "modal",
        "ctas": [{ "id": "go", "label": "Go", "actions": [{ "type": "runJs", "code": "x", "__proto__": { "type": "dismiss" } }] }] }] }
  ]
}`;

  it("are plain unknown fields: warned about, placed, never followed", () => {
    const { diagnostics, project: parsed } = validateText(hostile);
    expect(parsed).toBeDefined();
    // __proto__ inside settings must not switch runJs on.
    expect(parsed?.settings.runJsEnabled).toBe(false);
    // In document order: members in the order they are written.
    expect(diagnostics.map((d) => [d.severity, d.code, d.pointer, d.line])).toEqual([
      ["warning", "unknownField", "/__proto__", 3],
      ["warning", "unknownField", "/constructor", 4],
      ["warning", "unknownField", "/settings/__proto__", 5],
      ["warning", "unknownField", "/experiences/0/prototype", 8],
      ["warning", "noWayOn", "/experiences/0/steps/0", 9],
      ["error", "runJsNeedsActivation", "/experiences/0/steps/0/ctas/0/actions/0/type", 10],
      ["warning", "unknownField", "/experiences/0/steps/0/ctas/0/actions/0/__proto__", 10],
    ]);
    expect(Object.getPrototypeOf(parsed?.personas[0].attributes)).toBe(Object.prototype);
  });

  it("do not pollute when given as a parsed value either", () => {
    const document = JSON.parse(hostile);
    expect(Object.hasOwn(document, "__proto__")).toBe(true);
    const { diagnostics } = validateDocument(document);
    expect(diagnostics.some((d) => d.pointer === "/__proto__")).toBe(true);
  });
});

describe("wrong shapes", () => {
  it.each([
    ["an array", "[]"],
    ["a string", '"project"'],
    ["a number", " 42"],
    ["null", "null"],
    ["a boolean", "true"],
  ])("refuses %s as the root, at its place", (_name, text) => {
    const { diagnostics } = validateText(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "rootNotObject",
        pointer: "",
        line: 1,
        column: text.indexOf(text.trim()) + 1,
      }),
    ]);
  });

  it("places every problem of a document whose values all have the wrong type", () => {
    const example = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "examples", "onboarding-tour.json"), "utf8"),
    );
    const broken = JSON.stringify(retypeLeaves(example), null, 2);
    const value = validateText(broken);
    const { diagnostics, project: parsed } = value;
    expect(parsed).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(20);
    for (const d of diagnostics) {
      expect(d.line, d.pointer).toBeGreaterThan(0);
      expect(d.column, d.pointer).toBeGreaterThan(0);
    }
  });
});

/** Strings become numbers, numbers strings, booleans strings; containers are kept. */
function retypeLeaves(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(retypeLeaves);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, retypeLeaves(v)]));
  }
  if (typeof value === "string") return value.length;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value;
}

describe("values handed over without a parse (the app's editors and links)", () => {
  /** `levels` nested arrays around `leaf`, built by a loop. */
  function nestedValue(levels: number, leaf: unknown = 1): unknown {
    let value = leaf;
    for (let i = 0; i < levels; i++) value = [value];
    return value;
  }

  it("audience equality compares 10,000-deep values without recursion", () => {
    expect(jsonEqual(nestedValue(depth), nestedValue(depth))).toBe(true);
    expect(jsonEqual(nestedValue(depth), nestedValue(depth, 2))).toBe(false);
    expect(jsonEqual({ a: nestedValue(depth), b: 1 }, { b: 1, a: nestedValue(depth) })).toBe(true);
    // An inherited key is not an own one: {} does not equal {"__proto__": {}}.
    expect(jsonEqual(JSON.parse('{"__proto__": {}}'), {})).toBe(false);
  });

  it("the recording matcher reports a 10,000-deep expectation as one mismatch", () => {
    const deep = { page: nestedValue(depth) };
    const mismatches = matchExpectation(deep, { page: { url: "/" } });
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0].message).toMatch(/deeper than 256 levels/);
    expect(formatMismatches(mismatches)).toContain("(a value nested too deeply to show)");
    expect(countExpectations({ trace: [nestedValue(depth)] })).toBe(1);
    expect(deepEqual(nestedValue(depth), nestedValue(depth))).toBe(true);
    expect(deepEqual(nestedValue(depth), nestedValue(depth, 2))).toBe(false);
  });

  it("the matcher still checks an expectation at the limit", () => {
    const atLimit = { page: nestedValue(jsonNestingLimit - 1) };
    expect(matchExpectation(atLimit, { page: nestedValue(jsonNestingLimit - 1) })).toEqual([]);
    expect(matchExpectation(atLimit, { page: 1 })[0].message).toBe(
      "expected an array, got a number",
    );
  });
});

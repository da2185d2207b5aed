// Generated project documents, valid ones and mutated ones, never make the validator throw,
// and every diagnostic names a place that exists in its document.
//
// The place rule, precisely: a diagnostic's pointer names a node of the document, except a
// `missingField` (the key that is missing), whose parent is a node of the document, and the
// `tooManyIssues` / `tooManyUnknownFields` tail, whose pointer is "" (the whole document).
// With text, line and column are where that node starts; a missing field gets its parent's.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJsonText, pointerTokens } from "../machines/format/json-text.ts";
import { childPointer, type Diagnostic } from "../machines/model/diagnostic.ts";
import { diagnosticCodes } from "../machines/validate/codes.ts";
import { validateDocument, validateText } from "../machines/validate/index.ts";
import { projectArb } from "./arbitraries.ts";

type Json = unknown;

function nodeAt(document: Json, pointer: string): { found: boolean; value?: Json } {
  let node = document;
  for (const token of pointerTokens(pointer)) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, token))
      return { found: false };
    node = (node as Record<string, Json>)[token];
  }
  return { found: true, value: node };
}

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/** The node a diagnostic's place is, by the rule in the header. */
function placeOf(document: Json, diagnostic: Diagnostic): string {
  const own = nodeAt(document, diagnostic.pointer);
  if (own.found) return diagnostic.pointer;
  expect(diagnostic.code, JSON.stringify(diagnostic)).toBe("missingField");
  expect(nodeAt(document, parentOf(diagnostic.pointer)).found).toBe(true);
  return parentOf(diagnostic.pointer);
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

/** Validates `document` as a value and as pretty text; checks every place. */
function checkPlaces(document: Json): Diagnostic[] {
  const byValue = validateDocument(document).diagnostics;
  const text = JSON.stringify(document, null, 2);
  const byText = validateText(text);
  expect(byText.parseError).toBeUndefined();
  expect(byText.diagnostics.map(({ line, column, ...rest }) => rest)).toEqual(byValue);
  for (const diagnostic of byText.diagnostics) {
    expect(Object.hasOwn(diagnosticCodes, diagnostic.code), diagnostic.code).toBe(true);
    expect(diagnostic.severity).toBe(
      diagnosticCodes[diagnostic.code as keyof typeof diagnosticCodes].severity,
    );
    expect(diagnostic.message.length).toBeGreaterThan(10);
    const place = placeOf(document, diagnostic);
    const node = nodeAt(document, place).value;
    const first = JSON.stringify(node)[0];
    expect(
      text[offsetOf(text, diagnostic.line as number, diagnostic.column as number)],
      diagnostic.pointer,
    ).toBe(first);
  }
  return byText.diagnostics;
}

/** Every pointer of a JSON value (iterative). */
function pointers(value: Json): string[] {
  const out: string[] = [];
  const stack: [string, Json][] = [["", value]];
  while (stack.length > 0) {
    const [pointer, node] = stack.pop() as [string, Json];
    out.push(pointer);
    if (typeof node === "object" && node !== null) {
      for (const key of Object.keys(node))
        stack.push([childPointer(pointer, key), (node as Record<string, Json>)[key]]);
    }
  }
  return out;
}

type Mutation =
  | { kind: "delete" }
  | { kind: "replace"; value: Json }
  | { kind: "retype" }
  | { kind: "hostileKey"; key: "__proto__" | "constructor" | "prototype"; value: Json };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: "delete" as const }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => ({ kind: "replace" as const, value })),
  fc.constant({ kind: "retype" as const }),
  fc.record({
    kind: fc.constant("hostileKey" as const),
    key: fc.constantFrom("__proto__" as const, "constructor" as const, "prototype" as const),
    value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant({ polluted: true })),
  }),
);

/** Another JSON type for the same place: what a careless hand or a bad tool writes. */
function retyped(value: Json): Json {
  if (Array.isArray(value)) return { ...value };
  if (typeof value === "object" && value !== null) return Object.values(value);
  if (typeof value === "string") return value.length;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? 1 : "false";
  return {};
}

/** Applies `mutation` at `pointer` of a deep copy (own properties only, never the prototype). */
function mutate(document: Json, pointer: string, mutation: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(document));
  if (mutation.kind === "hostileKey") {
    const target = nodeAt(copy, pointer).value;
    if (typeof target !== "object" || target === null || Array.isArray(target)) return copy;
    Object.defineProperty(target, mutation.key, {
      value: mutation.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return copy;
  }
  if (pointer === "")
    return mutation.kind === "replace"
      ? mutation.value
      : mutation.kind === "retype"
        ? retyped(copy)
        : {};
  const parent = nodeAt(copy, parentOf(pointer)).value as Record<string, Json> | Json[];
  const key = pointerTokens(pointer).at(-1) as string;
  if (mutation.kind === "delete") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else {
    const value =
      mutation.kind === "replace" ? mutation.value : retyped((parent as Record<string, Json>)[key]);
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

describe("validator properties", () => {
  it("accepts the shape of every generated project and places every diagnostic", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const document = JSON.parse(JSON.stringify(project));
        const result = validateDocument(document);
        expect(result.project).toBeDefined();
        checkPlaces(document);
      }),
      { numRuns: 150 },
    );
  });

  it("never throws on mutated projects, places every diagnostic, pollutes nothing", () => {
    const mutatedArb = projectArb.chain((project) => {
      const document = JSON.parse(JSON.stringify(project));
      const all = pointers(document);
      return fc.tuple(
        fc.constant(document),
        fc.array(fc.tuple(fc.nat({ max: all.length - 1 }), mutationArb), {
          minLength: 1,
          maxLength: 3,
        }),
      );
    });
    fc.assert(
      fc.property(mutatedArb, ([document, mutations]) => {
        let mutated: Json = document;
        for (const [index, mutation] of mutations) {
          const all = pointers(mutated);
          mutated = mutate(mutated, all[index % all.length], mutation);
        }
        checkPlaces(mutated);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same diagnostics however the text is indented", () => {
    fc.assert(
      fc.property(projectArb, fc.constantFrom(0, 1, 4, "\t"), (project, indent) => {
        const text = JSON.stringify(project, null, indent);
        const parsed = parseJsonText(text);
        expect(parsed.ok).toBe(true);
        const strip = (d: Diagnostic[]) => d.map(({ line, column, ...rest }) => rest);
        expect(strip(validateText(text).diagnostics)).toEqual(
          validateDocument(JSON.parse(text)).diagnostics,
        );
      }),
      { numRuns: 50 },
    );
  });
});

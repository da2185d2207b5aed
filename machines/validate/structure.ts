// Stage a: the document's shape, checked by the zod schema. Every zod issue becomes a
// diagnostic that names the field and what to write instead; a failed union is explained by
// the alternative the value was evidently meant to be, or by listing the allowed forms.
import { z } from "zod";
import { latencyKeys, type Project, project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { actionTypes } from "../rules/action-types.ts";
import { diagnose } from "./codes.ts";
import {
  describeValue,
  fieldName,
  isJsonObject,
  nodeAt,
  type PathKey,
  pointerOf,
  quote,
} from "./json-access.ts";

type Issue = z.core.$ZodIssue;

export type StructureResult =
  | { ok: true; project: Project }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * The schema compiled by zod (z.compile) on first use: a generated parser that is several
 * times faster on a valid document. zod stays the judge: on any failure (or where code
 * generation is not allowed, e.g. under a strict CSP) the compiled schema falls back to its
 * runtime parser, whose issues are the ones explained below.
 */
let compiledProject: typeof project | undefined;

function projectSchema(): typeof project {
  compiledProject ??= z.compile(project);
  return compiledProject;
}

export function checkStructure(document: unknown): StructureResult {
  if (!isJsonObject(document)) {
    return {
      ok: false,
      diagnostics: [
        diagnose(
          "rootNotObject",
          `The project must be a JSON object such as { "version": 1, "experiences": [] }, not ${describeValue(document)}.`,
          "",
        ),
      ],
    };
  }
  let parsed: ReturnType<ReturnType<typeof projectSchema>["safeParse"]>;
  try {
    parsed = projectSchema().safeParse(document);
  } catch (caught) {
    // zod spreads every item's problems into its parent's list: tens of thousands of broken
    // items in one list overflow the call stack. Such a document is wrong anyway; its
    // problems are found in the first items of each long list (found by the fuzz suite).
    if (!(caught instanceof RangeError)) throw caught;
    const sample = projectSchema().safeParse(firstItems(document, sampledItems));
    const issues = sample.success ? [] : sample.error.issues;
    return { ok: false, diagnostics: issues.flatMap((issue) => explainIssue(issue, [], document)) };
  }
  if (parsed.success) return { ok: true, project: parsed.data };
  const diagnostics = parsed.error.issues.flatMap((issue) => explainIssue(issue, [], document));
  return { ok: false, diagnostics };
}

/** One zod issue (relative to `base`) → the diagnostics that explain it. */
function explainIssue(issue: Issue, base: readonly PathKey[], document: unknown): Diagnostic[] {
  const path = [...base, ...(issue.path as PathKey[])];
  const pointer = pointerOf(path);
  const node = nodeAt(document, path);
  const field = fieldName(path);
  switch (issue.code) {
    case "invalid_union":
      return explainUnion(issue, path, document);
    case "invalid_type":
      if (!node.found) {
        return [
          diagnose(
            "missingField",
            `${field} is missing: add ${expected(issue.expected)}.`,
            pointer,
          ),
        ];
      }
      return [
        diagnose(
          "wrongType",
          `${field} must be ${expected(issue.expected)}, not ${describeValue(node.value)}.`,
          pointer,
        ),
      ];
    case "invalid_value":
      if (!node.found) {
        return [
          diagnose("missingField", `${field} is missing: add ${allowed(issue.values)}.`, pointer),
        ];
      }
      return [
        diagnose(
          "invalidValue",
          `${field} must be ${allowed(issue.values)}, not ${describeValue(node.value)}.`,
          pointer,
        ),
      ];
    case "too_small":
    case "too_big":
      return [explainBound(issue, field, pointer, node.value)];
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        diagnose(
          "unknownKey",
          `${quote(key)} is not allowed in ${field}${allowedKeysHint(path)}.`,
          pointerOf([...path, key]),
        ),
      );
    default:
      return [diagnose("invalidValue", `${field}: ${issue.message}.`, pointer)];
  }
}

function explainBound(
  issue: Extract<Issue, { code: "too_small" | "too_big" }>,
  field: string,
  pointer: string,
  value: unknown,
): Diagnostic {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") {
    return diagnose("invalidValue", `${field} must not be empty.`, pointer);
  }
  if (issue.origin === "array") {
    const count = Array.isArray(value) ? value.length : 0;
    const need = issue.exact
      ? `exactly ${limit}`
      : small
        ? `at least ${limit}`
        : `at most ${limit}`;
    return diagnose("invalidValue", `${field} must have ${need} elements, not ${count}.`, pointer);
  }
  const relation = small
    ? issue.inclusive
      ? "at least"
      : "more than"
    : issue.inclusive
      ? "at most"
      : "less than";
  return diagnose(
    "outOfRange",
    `${field} must be ${relation} ${limit}, not ${String(value)}.`,
    pointer,
  );
}

// ------------------------------------------------------------------------------- unions

function explainUnion(
  issue: Extract<Issue, { code: "invalid_union" }>,
  path: readonly PathKey[],
  document: unknown,
): Diagnostic[] {
  const pointer = pointerOf(path);
  // zod 4 adds the allowed tags to a discriminated union's issue without typing them.
  const options = (issue as { options?: readonly unknown[] }).options;
  if (issue.discriminator !== undefined && issue.errors.length === 0) {
    return [explainDiscriminator(issue.discriminator, options ?? [], path, document)];
  }
  const meant = meantAlternative(issue.errors, path, document);
  if (meant) return meant.flatMap((inner) => explainIssue(inner, path, document));
  const node = nodeAt(document, path);
  if (!node.found) {
    return [
      diagnose("missingField", `${fieldName(path)} is missing: add ${unionForms(path)}.`, pointer),
    ];
  }
  return [
    diagnose(
      "invalidValue",
      `${fieldName(path)} must be ${unionForms(path)}, not ${describeValue(node.value)}.`,
      pointer,
    ),
  ];
}

/** "type" of an action, "kind" of a recurrence: missing, or a value outside the list. */
function explainDiscriminator(
  key: string,
  options: readonly unknown[],
  path: readonly PathKey[],
  document: unknown,
): Diagnostic {
  const pointer = pointerOf(path);
  const node = nodeAt(document, path);
  // Never "one of ." with nothing listed: without the allowed values, point to where they are.
  const list =
    options.length > 0
      ? `one of ${options.map((option) => String(option)).join(", ")}`
      : "one of the values schema/project.schema.json allows";
  if (!node.found) return diagnose("missingField", `"${key}" is missing: add ${list}.`, pointer);
  const isActionType = key === "type" && options.length === actionTypes.length;
  return diagnose(
    isActionType ? "unknownActionType" : "invalidValue",
    `${isActionType ? "An action's" : ""} "${key}" must be ${list}, not ${describeValue(node.value)}.`.trim(),
    pointer,
  );
}

/**
 * The alternative the value was meant to be: the first one whose issues are all inside the
 * value (no missing field, no unexpected key, no wrong type of the value itself). E.g.
 * `{ "attribute": "plan", "op": "equals" }` is an attribute condition with a bad op.
 */
function meantAlternative(
  alternatives: readonly Issue[][],
  path: readonly PathKey[],
  document: unknown,
): Issue[] | undefined {
  const recognised = alternatives.filter((issues) =>
    issues.every((inner) => {
      if (inner.code === "unrecognized_keys") return false;
      if (inner.path.length === 0) return false;
      if (inner.code === "invalid_type") {
        return nodeAt(document, [...path, ...(inner.path as PathKey[])]).found;
      }
      return true;
    }),
  );
  recognised.sort((a, b) => a.length - b.length);
  return recognised[0];
}

/** The allowed forms of the project's unions, named by where they sit. */
function unionForms(path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === "on") return '{ "click": "<CSS selector>" } or { "url": "<page pattern>" }';
  if (last === "if") {
    return 'one operator: { "between": [a, b] }, { "equals": n }, { "lt": n }, { "gt": n }, { "anyOf": [...] }, { "noneOf": [...] }, { "allOf": [...] }, { "filled": true|false } or { "contains": "text" }';
  }
  if (last === "question") {
    return '{ "min": n, "max": n } (nps, scale), { "options": ["A", "B"] } (choice, multiChoice) or { "text": "...", "placeholder": "..." } (text)';
  }
  if (parent === "audience") {
    return '{ "attribute": "<name>", "op": "eq|neq|contains|exists|notExists", "value": ... } or { "experience": "<id>", "has": "seen|completed|dismissed|snoozed" }';
  }
  return "one of the allowed forms (see schema/project.schema.json)";
}

// ------------------------------------------------------------------------------- words

function expected(type: string): string {
  switch (type) {
    case "int":
      return "a whole number";
    case "object":
    case "array":
      return `an ${type}`;
    case "tuple":
      return "an array such as [1, 5]";
    case "record":
      return "an object";
    default:
      return `a ${type}`;
  }
}

function allowed(values: readonly unknown[]): string {
  const shown = values.map((value) => JSON.stringify(value));
  if (shown.length === 0) return "one of the values schema/project.schema.json allows";
  return shown.length === 1 ? shown[0] : `one of ${shown.join(", ")}`;
}

function allowedKeysHint(path: readonly PathKey[]): string {
  return path[path.length - 1] === "latencyMs" ? `; use one of ${latencyKeys.join(", ")}` : "";
}

/** Items of each list checked when a whole document has too many problems to check. */
const sampledItems = 1_000;

/** A copy of a JSON document with every list cut to its first `limit` items (no recursion:
 *  documents are at most jsonNestingLimit deep, but the copy walks with its own stack). */
function firstItems(document: unknown, limit: number): unknown {
  const root: { value: unknown } = { value: undefined };
  const stack: { from: unknown; into: Record<string | number, unknown>; key: string | number }[] = [
    { from: document, into: root as unknown as Record<string, unknown>, key: "value" },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { from, into, key } = next;
    if (Array.isArray(from)) {
      const copy: unknown[] = [];
      const kept = Math.min(from.length, limit);
      for (let i = 0; i < kept; i++) stack.push({ from: from[i], into: copy as never, key: i });
      copy.length = kept;
      Object.defineProperty(into, key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else if (from !== null && typeof from === "object") {
      const copy: Record<string, unknown> = {};
      for (const name of Object.keys(from)) {
        stack.push({ from: (from as Record<string, unknown>)[name], into: copy, key: name });
      }
      Object.defineProperty(into, key, {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      Object.defineProperty(into, key, {
        value: from,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root.value;
}

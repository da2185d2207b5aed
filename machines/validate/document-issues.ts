// zod's issues on a script or a recording, as problems a person can act on: one per place,
// with its JSON pointer, a code like the validator's (missingField, unknownField, wrongType,
// invalidValue) and plain words. An unknown key is its own problem, at the key, with the
// known key it most resembles. Shared by the CLI (simulate, replay, why, forecast) and the
// app's recording loader. A schema's custom issue may name its code (`params.code`).
import type { z } from "zod";
import { childPointer } from "../model/diagnostic.ts";
import { knownFieldsAt, shownKey, unknownFieldFix } from "./unknown-fields.ts";

export interface DocumentProblem {
  code: "missingField" | "unknownField" | "wrongType" | "invalidValue";
  /** JSON pointer of the place ("" for the root). */
  pointer: string;
  message: string;
}

type Issue = z.core.$ZodIssue;

export function documentProblems(
  schema: z.core.$ZodType,
  document: unknown,
  issues: readonly Issue[],
): DocumentProblem[] {
  return issues.flatMap((issue): DocumentProblem[] => {
    const pointer = pointerOf(issue.path);
    if (issue.code === "unrecognized_keys") {
      const known = knownFieldsAt(schema, document, issue.path);
      return issue.keys.map((key) => ({
        code: "unknownField",
        pointer: childPointer(pointer, key),
        message: `unknown field ${shownKey(key)}; ${unknownFieldFix(key, known)}`,
      }));
    }
    if (isMissing(issue, document)) {
      return [{ code: "missingField", pointer, message: describeMissing(issue) }];
    }
    // A schema's own check may name its problem's code (an unknown key it finds itself).
    const named = issue.code === "custom" ? namedCode(issue.params) : undefined;
    if (named) return [{ code: named, pointer, message: issue.message }];
    const code = issue.code === "invalid_type" ? "wrongType" : "invalidValue";
    return [{ code, pointer, message: describeIssue(issue) }];
  });
}

const codes = new Set<string>(["missingField", "unknownField", "wrongType", "invalidValue"]);

function namedCode(params: unknown): DocumentProblem["code"] | undefined {
  const code = (params as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && codes.has(code)
    ? (code as DocumentProblem["code"])
    : undefined;
}

function pointerOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((pointer, key) => childPointer(pointer, String(key)), "");
}

/** A required key that the document does not have (zod 4 issues carry no input by default). */
function isMissing(issue: Issue, document: unknown): boolean {
  if (issue.code !== "invalid_type" || issue.path.length === 0) return false;
  let parent = document;
  for (const key of issue.path.slice(0, -1)) {
    if (typeof parent !== "object" || parent === null) return false;
    parent = (parent as Record<PropertyKey, unknown>)[key];
  }
  if (typeof parent !== "object" || parent === null || Array.isArray(parent)) return false;
  return !Object.hasOwn(parent, issue.path[issue.path.length - 1]);
}

/** A schema's own words when it has them ("missing: …"), else what was expected. */
function describeMissing(issue: Issue): string {
  if (issue.message.startsWith("missing")) return issue.message;
  return `missing; expected ${issue.code === "invalid_type" ? issue.expected : "a value"}`;
}

/** zod's message, made plainer where it says little (unions of value types). */
function describeIssue(issue: Issue): string {
  if (issue.code === "invalid_union" && issue.errors.length > 0 && !("discriminator" in issue)) {
    const expected = issue.errors.flatMap((branch) =>
      branch.flatMap((inner) => (inner.code === "invalid_type" ? [inner.expected] : [])),
    );
    if (expected.length === issue.errors.length) return `expected ${expected.join(" or ")}`;
  }
  return issue.message;
}

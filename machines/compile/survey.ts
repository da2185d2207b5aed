// Survey answers (SPEC §1): which answers a step takes, and which condition they meet.
import type { Step, SurveyCondition, SurveyTest } from "../format/schema.ts";
import { answerRange } from "../semantics.ts";

export type AnswerValue = number | string | string[];

function optionsOf(step: Step): string[] {
  const q = step.question;
  return q && "options" in q ? q.options : [];
}

/** Why `value` cannot answer `step`, or undefined when it can. */
export function validateAnswer(step: Step, value: unknown): string | undefined {
  switch (step.kind) {
    case "nps":
    case "scale": {
      const { min, max } = answerRange(step);
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
        return `a ${step.kind} step takes an integer from ${min} to ${max}, not ${JSON.stringify(value)}`;
      }
      return undefined;
    }
    case "choice": {
      const options = optionsOf(step);
      if (typeof value !== "string" || !options.includes(value)) {
        return `a choice step takes one of ${JSON.stringify(options)}, not ${JSON.stringify(value)}`;
      }
      return undefined;
    }
    case "multiChoice": {
      const options = optionsOf(step);
      const ok =
        Array.isArray(value) && value.every((v) => typeof v === "string" && options.includes(v));
      return ok
        ? undefined
        : `a multiChoice step takes an array of ${JSON.stringify(options)}, not ${JSON.stringify(value)}`;
    }
    case "text":
      return typeof value === "string"
        ? undefined
        : `a text step takes a string, not ${JSON.stringify(value)}`;
    default:
      return `step "${step.id}" (${step.kind}) takes no answer`;
  }
}

function selected(value: AnswerValue): string[] {
  if (Array.isArray(value)) return value;
  return typeof value === "string" ? [value] : [];
}

/** Does an answer meet a condition test? An operator that does not fit the answer fails. */
export function surveyTestHolds(test: SurveyTest, value: AnswerValue): boolean {
  const n = typeof value === "number" ? value : Number.NaN;
  if ("between" in test) return n >= test.between[0] && n <= test.between[1];
  if ("equals" in test) return n === test.equals;
  if ("lt" in test) return n < test.lt;
  if ("gt" in test) return n > test.gt;
  if ("anyOf" in test) return selected(value).some((v) => test.anyOf.includes(v));
  if ("noneOf" in test) return !selected(value).some((v) => test.noneOf.includes(v));
  if ("allOf" in test) return test.allOf.every((v) => selected(value).includes(v));
  const text = typeof value === "string" ? value : "";
  if ("filled" in test) return (text.trim() !== "") === test.filled;
  // Decided here (semantics.ts): text `contains` ignores case, like agent matching.
  return text.toLowerCase().includes(test.contains.toLowerCase());
}

/** The first condition the answer meets (SPEC §1: tried in order), if any. */
export function matchingCondition(
  conditions: readonly SurveyCondition[],
  value: AnswerValue,
): SurveyCondition | undefined {
  return conditions.find((condition) => surveyTestHolds(condition.if, value));
}

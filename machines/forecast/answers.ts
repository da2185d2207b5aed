// Survey answers in a forecast model (SPEC §5): the answer keys a model writes, read as the
// values the step takes, and the uniform mix of a step the model does not name, grouped by
// the condition each answer meets first (SPEC §1: the fallback when none holds).
import { agreeingIntervals } from "../compile/answer-classes.ts";
import { type AnswerValue, matchingCondition, validateAnswer } from "../compile/survey.ts";
import type { Step, SurveyCondition, SurveyTest } from "../format/schema.ts";
import {
  answerRange,
  multiChoiceAnswerSeparator,
  uniformMultiChoiceOptionLimit,
} from "../semantics.ts";
import { ForecastError } from "./errors.ts";

/** The answer value a model's key stands for on `step`, or why the step does not take it. */
export function answerOfKey(
  step: Step,
  key: string,
): { ok: true; value: AnswerValue } | { ok: false; why: string } {
  let value: AnswerValue;
  switch (step.kind) {
    case "nps":
    case "scale": {
      const n = Number(key);
      if (key.trim() === "" || String(n) !== key) {
        const { min, max } = answerRange(step);
        return { ok: false, why: `a ${step.kind} answer is an integer from ${min} to ${max}` };
      }
      value = n;
      break;
    }
    case "multiChoice": {
      // Decided here (semantics.ts): "" is the answer with no option ticked.
      value = key === "" ? [] : key.split(multiChoiceAnswerSeparator);
      if (new Set(value).size !== value.length) {
        return { ok: false, why: "an option is named twice" };
      }
      break;
    }
    default:
      value = key;
  }
  const why = validateAnswer(step, value);
  return why === undefined ? { ok: true, value } : { ok: false, why };
}

/** A share of a step's answers that meet the same condition first (none: the fallback). */
export interface AnswerShare {
  condition: SurveyCondition | undefined;
  /** The fraction of the step's answers (the shares of a step sum to 1). */
  share: number;
}

/**
 * The answers a step takes, uniformly (decided here, semantics.ts): nps and scale every
 * integer of their range, choice every option, multiChoice every non-empty set of options,
 * text the single value "". Grouped by the condition they meet first.
 */
export function uniformAnswerShares(step: Step): AnswerShare[] {
  const counts = new Map<SurveyCondition | undefined, number>();
  const add = (value: AnswerValue, count: number) => {
    if (count <= 0) return;
    const condition = matchingCondition(step.conditions, value);
    counts.set(condition, (counts.get(condition) ?? 0) + count);
  };
  switch (step.kind) {
    case "nps":
    case "scale":
      for (const [from, to] of agreeingIntervals(step)) add(from, to - from + 1);
      break;
    case "choice":
      for (const option of optionsOf(step)) add(option, 1);
      break;
    case "multiChoice":
      multiChoiceCounts(step, add);
      break;
    case "text":
      add("", 1);
      break;
    default:
      return [];
  }
  let total = 0;
  for (const count of counts.values()) total += count;
  return [...counts].map(([condition, count]) => ({ condition, share: count / total }));
}

function optionsOf(step: Step): string[] {
  const q = step.question;
  return q && "options" in q ? [...new Set(q.options)] : [];
}

/**
 * Non-empty sets of options, counted without listing them all: only the options a condition
 * names change which condition holds, so each set R of named options stands for R with any
 * set of the other options (2^others answers; the empty answer left out).
 */
function multiChoiceCounts(step: Step, add: (value: AnswerValue, count: number) => void): void {
  const options = optionsOf(step);
  const named = new Set<string>();
  for (const condition of step.conditions) for (const v of testOptions(condition.if)) named.add(v);
  const relevant = options.filter((o) => named.has(o));
  if (relevant.length > uniformMultiChoiceOptionLimit) {
    throw new ForecastError(
      `step ${JSON.stringify(step.id)}: its conditions name ${relevant.length} options; a uniform mix over more than ${uniformMultiChoiceOptionLimit} is not computed: name the step's answers in the model`,
    );
  }
  const others = 2 ** (options.length - relevant.length);
  for (let mask = 0; mask < 2 ** relevant.length; mask++) {
    const chosen = relevant.filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
    add(chosen, chosen.length === 0 ? others - 1 : others);
  }
}

function testOptions(test: SurveyTest): string[] {
  if ("anyOf" in test) return test.anyOf;
  if ("noneOf" in test) return test.noneOf;
  if ("allOf" in test) return test.allOf;
  return [];
}

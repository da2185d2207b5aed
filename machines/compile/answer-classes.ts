// Survey answers grouped into the classes a step's conditions tell apart (SPEC §4 `paths`):
// one class per condition that some allowed answer reaches first, plus "no condition holds"
// (the fallback) when an allowed answer reaches it. Each class keeps a representative answer
// so a path through it can be replayed as a script step.

import type { Step, SurveyCondition, SurveyTest } from "../format/schema.ts";
import { answerRange, multiChoiceClassOptionCap } from "../semantics.ts";
import type { AnswerValue } from "./survey.ts";
import { matchingCondition } from "./survey.ts";

export interface AnswerClass {
  /** The condition the answers meet first; undefined for "no condition holds". */
  condition?: SurveyCondition;
  /** A representative allowed answer of the class. */
  answer: AnswerValue;
  /** Short human text of the answers in the class ("9–10", "Yes, Maybe", "any other"). */
  label: string;
}

/** The answer classes of an answerable step, conditions first (in order), fallback last. */
export function answerClasses(step: Step): AnswerClass[] {
  switch (step.kind) {
    case "nps":
    case "scale":
      return numericClasses(step);
    case "choice":
      return choiceClasses(step);
    case "multiChoice":
      return multiChoiceClasses(step);
    case "text":
      return textClasses(step);
    default:
      return [];
  }
}

// ------------------------------------------------------------------------------ grouping

interface Bucket {
  condition?: SurveyCondition;
  answers: AnswerValue[];
}

/** Groups candidate answers by the first condition they meet, in the step's condition order. */
function group(step: Step, candidates: Iterable<AnswerValue>): Bucket[] {
  const byKey = new Map<string, Bucket>();
  for (const answer of candidates) {
    const condition = matchingCondition(step.conditions, answer);
    const key = condition?.id ?? "";
    const bucket = byKey.get(key) ?? { condition, answers: [] };
    bucket.answers.push(answer);
    byKey.set(key, bucket);
  }
  const ordered = step.conditions
    .map((c) => byKey.get(c.id))
    .filter((b): b is Bucket => b !== undefined);
  const fallback = byKey.get("");
  return fallback ? [...ordered, fallback] : ordered;
}

// ------------------------------------------------------------------------- nps and scale

/** Integers where some numeric test can change its verdict (interval starts). */
function breakpoints(test: SurveyTest): number[] {
  if ("between" in test) return [Math.ceil(test.between[0]), Math.floor(test.between[1]) + 1];
  if ("equals" in test) return Number.isInteger(test.equals) ? [test.equals, test.equals + 1] : [];
  if ("lt" in test) return [Math.ceil(test.lt)];
  if ("gt" in test) return [Math.floor(test.gt) + 1];
  return [];
}

/**
 * Intervals [from, to] of min..max on which every test agrees (the range may be huge): the
 * forecast weighs each by its length (machines/forecast/answers.ts).
 */
export function agreeingIntervals(step: Step): [number, number][] {
  const { min, max } = answerRange(step);
  if (min > max) return [];
  const cuts = new Set<number>([min]);
  for (const c of step.conditions) {
    for (const at of breakpoints(c.if)) if (at > min && at <= max) cuts.add(at);
  }
  const starts = [...cuts].sort((a, b) => a - b);
  return starts.map((from, i) => [from, i + 1 < starts.length ? starts[i + 1] - 1 : max]);
}

function numericClasses(step: Step): AnswerClass[] {
  const intervals = agreeingIntervals(step);
  const firstOf = new Map(intervals.map(([from, to]) => [from, to]));
  return group(
    step,
    intervals.map(([from]) => from),
  ).map((bucket) => {
    const runs = mergeRuns(
      bucket.answers.map((from) => [from as number, firstOf.get(from as number) as number]),
    );
    return {
      condition: bucket.condition,
      answer: bucket.answers[0],
      label: runs.map(runText).join(", "),
    };
  });
}

function mergeRuns(intervals: [number, number][]): [number, number][] {
  const runs: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = runs[runs.length - 1];
    if (last && last[1] + 1 === from) last[1] = to;
    else runs.push([from, to]);
  }
  return runs;
}

function runText([from, to]: [number, number]): string {
  return from === to ? String(from) : `${from}–${to}`;
}

// -------------------------------------------------------------------------------- choice

function optionsOf(step: Step): string[] {
  const q = step.question;
  return q && "options" in q ? q.options : [];
}

function choiceClasses(step: Step): AnswerClass[] {
  return group(step, optionsOf(step)).map((bucket) => ({
    condition: bucket.condition,
    answer: bucket.answers[0],
    label: bucket.answers.join(", "),
  }));
}

/**
 * multiChoice: only options some condition names can change a verdict, so the candidates are
 * the subsets of those (an unnamed option stands in for "none of them" when there is one).
 * Above the cap (semantics.ts) the named options are cut to the first ones.
 */
function multiChoiceClasses(step: Step): AnswerClass[] {
  const options = optionsOf(step);
  const named = new Set<string>();
  for (const c of step.conditions) for (const v of testOptions(c.if)) named.add(v);
  const relevant = options.filter((o) => named.has(o)).slice(0, multiChoiceClassOptionCap);
  const spare = options.find((o) => !named.has(o));
  const candidates = subsetsBySize(relevant).map((s) => (s.length === 0 && spare ? [spare] : s));
  return group(step, candidates).map((bucket) => ({
    condition: bucket.condition,
    answer: bucket.answers[0],
    label: bucket.condition ? testText(bucket.condition.if) : "any other",
  }));
}

function testOptions(test: SurveyTest): string[] {
  if ("anyOf" in test) return test.anyOf;
  if ("noneOf" in test) return test.noneOf;
  if ("allOf" in test) return test.allOf;
  return [];
}

/** Every subset of `items`, smallest first (so a class's representative is a small answer). */
function subsetsBySize(items: readonly string[]): string[][] {
  const all: string[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) {
    all.push(items.filter((_, i) => (mask >> i) & 1));
  }
  return all.sort((a, b) => a.length - b.length);
}

// ---------------------------------------------------------------------------------- text

/**
 * text: the candidates are the empty answer, a neutral word, and every combination of the
 * `contains` strings (capped like multiChoice); classes no candidate reaches are left out.
 */
function textClasses(step: Step): AnswerClass[] {
  const needles = step.conditions
    .flatMap((c) => ("contains" in c.if ? [c.if.contains] : []))
    .slice(0, multiChoiceClassOptionCap);
  const candidates = [neutralWord(needles), "", ...subsetsBySize(needles).map((s) => s.join(" "))];
  return group(step, candidates).map((bucket) => ({
    condition: bucket.condition,
    answer: bucket.answers[0],
    label: bucket.condition ? testText(bucket.condition.if) : "any other",
  }));
}

function neutralWord(needles: readonly string[]): string {
  for (let n = 0; ; n++) {
    const word = `answer${n === 0 ? "" : n}`;
    if (!needles.some((s) => word.toLowerCase().includes(s.toLowerCase()))) return word;
    if (n > needles.length) return "x".repeat(n);
  }
}

/** A survey test in words, for labels. */
export function testText(test: SurveyTest): string {
  if ("between" in test) return `${test.between[0]}–${test.between[1]}`;
  if ("equals" in test) return `= ${test.equals}`;
  if ("lt" in test) return `< ${test.lt}`;
  if ("gt" in test) return `> ${test.gt}`;
  if ("anyOf" in test) return `any of ${test.anyOf.join(", ")}`;
  if ("noneOf" in test) return `none of ${test.noneOf.join(", ")}`;
  if ("allOf" in test) return `all of ${test.allOf.join(", ")}`;
  if ("filled" in test) return test.filled ? "filled" : "empty";
  return `contains "${test.contains}"`;
}

// What the Forecast panel's sliders show for one step under a model (SPEC §5): the weight of
// each interaction the step offers (its CTAs, answering, the closing cross, ignoring it), and
// for a survey step its answer mix by answer class (the flow graph's condition routes plus
// the fallback). A class's share is spread evenly over the answer values of the class, so the
// model the CLI reads says the same as the sliders.
import {
  agreeingIntervals,
  answerClasses,
  matchingCondition,
} from "../../machines/compile/index.ts";
import {
  answerOfKey,
  defaultAnswerWeight,
  uniformAnswerShares,
} from "../../machines/forecast/index.ts";
import type { ForecastModel, Project, Step, StepBehaviour } from "../../machines/format/index.ts";
import { flowGraph, stepNodeId } from "../../machines/graph/index.ts";
import { isAnswerable } from "../../machines/model/index.ts";

/** Above this many values a numeric class is spread over its intervals' ends only. */
const maxSpreadValues = 201;

/** One answer class of a survey step: the answers that meet the same condition first. */
export interface AnswerClass {
  /** The condition's id; null for the fallback (no condition holds). */
  condition: string | null;
  /** The class's answers in words ("9–10", "any other"). */
  answers: string;
  /** The model's answer keys its share is spread over. */
  keys: string[];
  /** Its share when answers are uniform (a step the model does not name). */
  uniform: number;
}

/** A step as the sliders see it, whatever the model. */
export interface StepShape {
  step: Step;
  ctas: { id: string; label: string }[];
  answerable: boolean;
  /** The step has a closing cross (a route in the flow graph). */
  closable: boolean;
  triggers: string[];
  classes: AnswerClass[];
}

/** Interaction keys of a step's weights, as the model writes them. */
export type WeightKey = `cta.${string}` | "answer" | "close" | "ignore";

export interface StepMix {
  shape: StepShape;
  /** The model names the step (else the model's `default` applies). */
  named: boolean;
  weights: { key: WeightKey; label: string; weight: number }[];
  /** Shares of the step's answers by class (same order as shape.classes), summing to 1. */
  shares: number[];
  answerWeight: number;
}

export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The steps of a step flow, with what the sliders need of each (none for a checklist). */
export function experienceShapes(project: Project, experienceId: string): StepShape[] {
  const experience = project.experiences.find((e) => e.id === experienceId);
  if (!experience || experience.type === "checklist") return [];
  const graph = flowGraph(project, experienceId);
  const crossFrom = new Set(graph.edges.filter((e) => e.via.kind === "cross").map((e) => e.from));
  return experience.steps.map((step) => ({
    step,
    ctas: uniqueById(step.ctas).map((cta) => ({ id: cta.id, label: cta.label })),
    answerable: isAnswerable(step),
    closable: crossFrom.has(stepNodeId(step.id)),
    triggers: uniqueById(step.triggers).map((t) => t.id),
    classes: isAnswerable(step) ? classesOf(step) : [],
  }));
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id) !== undefined);
}

/** The class key of an answer key on `step` (the condition it meets first), or undefined. */
export function classOfKey(step: Step, key: string): string | null | undefined {
  const read = answerOfKey(step, key);
  if (!read.ok) return undefined;
  return matchingCondition(step.conditions, read.value)?.id ?? null;
}

function classesOf(step: Step): AnswerClass[] {
  const keys = new Map<string | null, string[]>();
  const add = (key: string) => {
    const condition = classOfKey(step, key);
    if (condition === undefined) return;
    const list = keys.get(condition) ?? [];
    list.push(key);
    keys.set(condition, list);
  };
  if (step.kind === "nps" || step.kind === "scale") {
    const intervals = agreeingIntervals(step);
    const count = intervals.reduce((n, [from, to]) => n + to - from + 1, 0);
    for (const [from, to] of intervals) {
      if (count <= maxSpreadValues) for (let n = from; n <= to; n++) add(String(n));
      else for (const n of from === to ? [from] : [from, to]) add(String(n));
    }
  } else if (step.kind === "choice") {
    const q = step.question;
    for (const option of new Set(q && "options" in q ? q.options : [])) add(option);
  }
  const classes = answerClasses(step);
  const idOf = (c: (typeof classes)[number]) => c.condition?.id ?? null;
  // multiChoice and text: each class's representative answer stands for it (a multiChoice
  // answer is its options joined by "|", SPEC §5).
  for (const c of classes) {
    if (!keys.has(idOf(c))) add(Array.isArray(c.answer) ? c.answer.join("|") : String(c.answer));
  }
  const uniform = uniformShares(step);
  const out = classes
    .filter((c) => keys.has(idOf(c)))
    .map((c) => ({
      condition: idOf(c),
      answers: c.label,
      keys: keys.get(idOf(c)) ?? [],
      uniform: uniform.get(idOf(c)) ?? 0,
    }));
  const total = out.reduce((sum, c) => sum + c.uniform, 0);
  return out.map((c) => ({ ...c, uniform: total > 0 ? c.uniform / total : 1 / out.length }));
}

function uniformShares(step: Step): Map<string | null, number> {
  try {
    return new Map(uniformAnswerShares(step).map((s) => [s.condition?.id ?? null, s.share]));
  } catch {
    // Too many named options to count: the sliders start even instead.
    return new Map();
  }
}

/** The sliders' values for a step under `model`. */
export function stepMix(model: ForecastModel, experienceId: string, shape: StepShape): StepMix {
  const named = model.behaviour?.get(experienceId)?.get(shape.step.id);
  const defaults = model.default;
  const weightOf = (key: WeightKey): number => {
    if (named) {
      if (key === "answer") return answerTotal(named);
      const value = (named as Record<string, unknown>)[key];
      return typeof value === "number" ? value : 0;
    }
    if (key === "answer") return defaultAnswerWeight(defaults);
    if (key === "close") return defaults.close;
    if (key === "ignore") return defaults.ignore;
    return defaults.cta / shape.ctas.length;
  };
  const weights: StepMix["weights"] = shape.ctas.map((cta) => ({
    key: `cta.${cta.id}` as const,
    label: `“${cta.label}”`,
    weight: weightOf(`cta.${cta.id}`),
  }));
  if (shape.answerable)
    weights.push({ key: "answer", label: "Answer", weight: weightOf("answer") });
  if (shape.closable) weights.push({ key: "close", label: "Close (×)", weight: weightOf("close") });
  weights.push({ key: "ignore", label: "Ignore", weight: weightOf("ignore") });
  return {
    shape,
    named: named !== undefined,
    weights,
    shares: named?.answer ? sharesOf(shape, named.answer) : shape.classes.map((c) => c.uniform),
    answerWeight: weightOf("answer"),
  };
}

function answerTotal(behaviour: StepBehaviour): number {
  let total = 0;
  for (const weight of behaviour.answer?.values() ?? []) total += weight;
  return total;
}

/** Each class's share of a named answer mix (uniform when the mix weighs nothing). */
function sharesOf(shape: StepShape, answer: ReadonlyMap<string, number>): number[] {
  const byClass = new Map<string | null, number>();
  let total = 0;
  for (const [key, weight] of answer) {
    const condition = classOfKey(shape.step, key);
    if (condition === undefined || weight <= 0) continue;
    byClass.set(condition, (byClass.get(condition) ?? 0) + weight);
    total += weight;
  }
  if (total === 0) return shape.classes.map((c) => c.uniform);
  return shape.classes.map((c) => (byClass.get(c.condition) ?? 0) / total);
}

// What moving a slider does to the model (a new model each time; the old one is left alone).
// A step the model does not name is first written out as the model's `default` gives it, so
// moving one of its sliders changes that interaction only.
import type { ForecastModel, StepBehaviour } from "../../machines/format/index.ts";
import { round6, type StepMix, type StepShape, stepMix, type WeightKey } from "./step-mix.ts";

export function withUsers(model: ForecastModel, users: number): ForecastModel {
  return { ...model, users };
}

export function withDays(model: ForecastModel, days: number): ForecastModel {
  return { ...model, days };
}

export function withSessionsPerDay(model: ForecastModel, perDay: number): ForecastModel {
  const pages = model.visits?.pages ?? new Map<string, number>();
  return { ...model, visits: { perDay, pages } };
}

export function withPersonaWeight(
  model: ForecastModel,
  personas: readonly string[],
  id: string,
  weight: number,
): ForecastModel {
  // Without `personas` every persona weighs 1 (machines/forecast/population.ts): write them out.
  const next = new Map(model.personas ?? personas.map((p) => [p, 1]));
  next.set(id, weight);
  return { ...model, personas: next };
}

/** The weight of one interaction of a step (`answer` scales the step's whole answer mix). */
export function withStepWeight(
  model: ForecastModel,
  experienceId: string,
  shape: StepShape,
  key: WeightKey,
  weight: number,
): ForecastModel {
  const mix = stepMix(model, experienceId, shape);
  const weights = mix.weights.map((w) => (w.key === key ? { ...w, weight } : w));
  const answerWeight = key === "answer" ? weight : mix.answerWeight;
  const behaviour = behaviourOf(model, experienceId, mix, weights, answerWeight, mix.shares);
  return withBehaviour(model, experienceId, shape.step.id, behaviour);
}

/**
 * One answer class's share of a step's answers: the other classes keep their proportions
 * among themselves and fill the rest (evenly when they had none), so the mix sums to 100%.
 */
export function withAnswerShare(
  model: ForecastModel,
  experienceId: string,
  shape: StepShape,
  index: number,
  share: number,
): ForecastModel {
  const mix = stepMix(model, experienceId, shape);
  const shares = rebalanced(mix.shares, index, share);
  const behaviour = behaviourOf(model, experienceId, mix, mix.weights, mix.answerWeight, shares);
  return withBehaviour(model, experienceId, shape.step.id, behaviour);
}

export function rebalanced(shares: readonly number[], index: number, share: number): number[] {
  if (shares.length <= 1) return shares.map(() => 1);
  const target = Math.min(1, Math.max(0, share));
  const others = shares.reduce((sum, s, i) => (i === index ? sum : sum + s), 0);
  const rest = 1 - target;
  return shares.map((s, i) => {
    if (i === index) return target;
    return others > 0 ? (s / others) * rest : rest / (shares.length - 1);
  });
}

/**
 * The step's behaviour with these weights and this answer mix, as the model writes it. What
 * the sliders do not show is kept: a named step's other interactions (its triggers), or for a
 * step written out for the first time, its triggers as the model's `default` shares them.
 */
function behaviourOf(
  model: ForecastModel,
  experienceId: string,
  mix: StepMix,
  weights: StepMix["weights"],
  answerWeight: number,
  shares: readonly number[],
): StepBehaviour {
  const named = model.behaviour?.get(experienceId)?.get(mix.shape.step.id);
  const kept: [string, unknown][] = named
    ? Object.entries(named).filter(([key]) => key !== "answer")
    : mix.shape.triggers.map((id) => [
        `trigger.${id}`,
        round6(model.default.trigger / mix.shape.triggers.length),
      ]);
  const behaviour = new Map<string, unknown>(kept.filter(([, w]) => w !== 0));
  for (const w of weights) if (w.key !== "answer") behaviour.set(w.key, round6(w.weight));
  if (mix.shape.answerable) {
    const answer = new Map<string, number>();
    mix.shape.classes.forEach((c, i) => {
      for (const key of c.keys) answer.set(key, round6((answerWeight * shares[i]) / c.keys.length));
    });
    behaviour.set("answer", answer);
  }
  // Keys are "close", "ignore", "answer" and "cta."/"trigger." ones: never "__proto__".
  return Object.fromEntries(behaviour) as StepBehaviour;
}

function withBehaviour(
  model: ForecastModel,
  experienceId: string,
  stepId: string,
  behaviour: StepBehaviour,
): ForecastModel {
  const steps = new Map(model.behaviour?.get(experienceId) ?? []);
  steps.set(stepId, behaviour);
  const all = new Map(model.behaviour ?? []);
  all.set(experienceId, steps);
  return { ...model, behaviour: all };
}

// Exact mode (SPEC §5): the experience is shown once at its first step and the user interacts
// until it ends; `ignore` and time play no part. An acyclic flow is solved by dynamic
// programming, any other as an absorbing Markov chain over (step, visit history) states.
import { findExperience } from "../compile/machine-config.ts";
import type { ForecastModel } from "../format/forecast-model.ts";
import type { Project } from "../format/schema.ts";
import { solveAcyclic, topologicalOrder } from "./acyclic.ts";
import { buildChain } from "./chain.ts";
import { solveChain } from "./chain-solve.ts";
import { ForecastError } from "./errors.ts";
import {
  type ExactEnd,
  exactEnds,
  type FlowAnswer,
  type FlowChoices,
  flowChoices,
  noEnds,
} from "./flow-choices.ts";

export interface StepForecast {
  /** The probability that the step is entered at least once. */
  reach: number;
  /** The expected number of times it is entered. */
  visits: number;
}

export interface ExactExperienceForecast {
  /** How it was solved, and over how many states (steps, for dynamic programming). */
  method: "dynamicProgramming" | "markovChain";
  states: number;
  /** The probability of each end (they sum to 1). */
  ends: Record<ExactEnd, number>;
  /** By step id, in the experience's step order. */
  steps: Record<string, StepForecast>;
}

/** SPEC §5 Result in exact mode: the same shape, with probabilities. */
export interface ExactForecast {
  exact: true;
  experiences: Record<string, ExactExperienceForecast>;
}

export function exactForecast(
  project: Project,
  model: ForecastModel,
  experienceId: string,
): ExactForecast {
  const forecast = exactExperienceForecast(project, model, experienceId);
  return { exact: true, experiences: Object.fromEntries([[experienceId, forecast]]) };
}

/** Rounding can leave a sum a hair outside [0, 1] (1.0000000000000002): a probability is not. */
function probability(value: number): number {
  return Math.min(1, Math.max(0, value));
}

export function exactExperienceForecast(
  project: Project,
  model: ForecastModel,
  experienceId: string,
): ExactExperienceForecast {
  const experience = findExperience(project, experienceId);
  if (experience.type === "checklist") {
    throw new ForecastError(
      `${JSON.stringify(experienceId)} is a checklist: it has tasks, not steps (exact mode forecasts tours, surveys, banners and hints)`,
    );
  }
  const flow = flowChoices(project, model, experienceId);
  if (flow.initial === undefined) {
    // Decided in semantics.ts: a flow without steps completes as soon as it is shown.
    return {
      method: "dynamicProgramming",
      states: 0,
      ends: { ...noEnds(), completed: 1 },
      steps: {},
    };
  }
  const { answer, method, states } = solve(flow, flow.initial);
  const steps = Object.fromEntries(
    flow.steps.map((step, n) => [
      step.id,
      { reach: probability(answer.reach[n]), visits: Math.max(0, answer.visits[n]) },
    ]),
  );
  const ends = Object.fromEntries(
    exactEnds.map((end) => [end, probability(answer.ends[end])]),
  ) as Record<ExactEnd, number>;
  return { method, states, ends, steps };
}

function solve(
  flow: FlowChoices,
  initial: number,
): { answer: FlowAnswer; method: ExactExperienceForecast["method"]; states: number } {
  const order = topologicalOrder(flow, initial);
  if (order) {
    return {
      answer: solveAcyclic(flow, order),
      method: "dynamicProgramming",
      states: order.length,
    };
  }
  const chain = buildChain(flow);
  return { answer: solveChain(flow, chain), method: "markovChain", states: chain.stepOf.length };
}

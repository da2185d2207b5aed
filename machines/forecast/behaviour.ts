// What a user does with a step on screen, per the model (SPEC §5), as weights on the step's
// routes in the flow graph (graph/flow-graph.ts, read off the compiled machine): `cta.<id>`,
// `trigger.<id>` and `close` are one edge each; an answer is the edge of the condition it
// meets first, else the fallback. `ignore` is left out (exact mode renormalises without it).
import type { AnswerValue } from "../compile/survey.ts";
import { matchingCondition } from "../compile/survey.ts";
import type { DefaultBehaviour, ForecastModel, StepBehaviour } from "../format/forecast-model.ts";
import { interactionRef } from "../format/forecast-model.ts";
import type { Step, SurveyCondition } from "../format/schema.ts";
import type { FlowEdge } from "../graph/flow-graph.ts";
import { isAnswerable } from "../model/experience.ts";
import { defaultAnswerWeight } from "../semantics.ts";
import { answerOfKey, uniformAnswerShares } from "./answers.ts";
import { ForecastError } from "./errors.ts";

/** One way a user leaves the step on screen, and its weight (not normalised). */
export interface WeightedEdge {
  edge: FlowEdge;
  weight: number;
}

/** The edges out of one step, by what takes them. */
export class StepEdges {
  readonly ctas = new Map<string, FlowEdge>();
  readonly triggers = new Map<string, FlowEdge>();
  readonly conditions = new Map<string, FlowEdge>();
  fallback: FlowEdge | undefined;
  cross: FlowEdge | undefined;

  constructor(edges: readonly FlowEdge[]) {
    for (const edge of edges) {
      const { kind, id } = edge.via;
      if (kind === "cta" && id !== undefined) this.ctas.set(id, edge);
      else if (kind === "trigger" && id !== undefined) this.triggers.set(id, edge);
      else if (kind === "condition" && id !== undefined) this.conditions.set(id, edge);
      else if (kind === "fallback") this.fallback = edge;
      else if (kind === "cross") this.cross = edge;
    }
  }

  /** The route an answer meeting `condition` first takes (none: the fallback). */
  ofCondition(step: Step, condition: SurveyCondition | undefined): FlowEdge {
    const edge = condition ? this.conditions.get(condition.id) : this.fallback;
    if (edge) return edge;
    // answer-classes.ts probes text and multiChoice answers; a class it missed has no route.
    const which = condition ? `condition ${JSON.stringify(condition.id)}` : "the fallback";
    throw new ForecastError(
      `step ${JSON.stringify(step.id)}: an answer of the model meets ${which}, which the flow graph has no route for (flowscope paths lists the answer classes)`,
    );
  }
}

/** The step's weighted ways out under the model; `ignore` left out, zero weights dropped. */
export function stepInteractions(
  model: ForecastModel,
  experienceId: string,
  step: Step,
  edges: StepEdges,
): WeightedEdge[] {
  const named = model.behaviour?.get(experienceId)?.get(step.id);
  const out = named
    ? namedInteractions(step, named, edges)
    : defaultInteractions(step, model.default, edges);
  return out.filter((entry) => entry.weight > 0);
}

function namedInteractions(step: Step, behaviour: StepBehaviour, edges: StepEdges): WeightedEdge[] {
  const out: WeightedEdge[] = [];
  for (const [key, value] of Object.entries(behaviour)) {
    if (typeof value !== "number") continue;
    const ref = interactionRef(key);
    const edge =
      key === "close"
        ? edges.cross
        : ref?.kind === "cta"
          ? edges.ctas.get(ref.id)
          : ref?.kind === "trigger"
            ? edges.triggers.get(ref.id)
            : undefined;
    // model-check.ts reports unknown CTAs and triggers; `ignore` has no edge.
    if (edge) out.push({ edge, weight: value });
  }
  if (behaviour.answer && isAnswerable(step)) {
    for (const [key, weight] of behaviour.answer) {
      const read = answerOfKey(step, key);
      if (!read.ok) continue;
      out.push({ edge: answerEdge(step, read.value, edges), weight });
    }
  }
  return out;
}

function answerEdge(step: Step, value: AnswerValue, edges: StepEdges): FlowEdge {
  return edges.ofCondition(step, matchingCondition(step.conditions, value));
}

function defaultInteractions(
  step: Step,
  behaviour: DefaultBehaviour,
  edges: StepEdges,
): WeightedEdge[] {
  const out: WeightedEdge[] = [];
  const shared = (list: readonly FlowEdge[], weight: number) => {
    for (const edge of list) out.push({ edge, weight: weight / list.length });
  };
  shared([...edges.ctas.values()], behaviour.cta);
  shared([...edges.triggers.values()], behaviour.trigger);
  if (isAnswerable(step)) {
    const answer = defaultAnswerWeight(behaviour);
    for (const { condition, share } of uniformAnswerShares(step)) {
      out.push({ edge: edges.ofCondition(step, condition), weight: answer * share });
    }
  }
  if (edges.cross) out.push({ edge: edges.cross, weight: behaviour.close });
  return out;
}

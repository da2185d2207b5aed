// What a Monte Carlo forecast counts, numbered once from the one model of a flow: each
// experience's steps and routes are the flow graph's nodes and edges (read off the compiled
// machine), and each step's offers are the model's weighted interactions on those routes.
// Both runners (the population kernel and the engine) and the tally index by these numbers.
import type { AnswerValue } from "../compile/survey.ts";
import { matchingCondition } from "../compile/survey.ts";
import type { ForecastModel, StepBehaviour } from "../format/forecast-model.ts";
import { interactionRef } from "../format/forecast-model.ts";
import type { Experience, Project, Step } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import { type FlowEdge, flowGraph } from "../graph/flow-graph.ts";
import { isAnswerable } from "../model/experience.ts";
import { matchesPage } from "../model/glob.ts";
import { defaultAnswerWeight } from "../semantics.ts";
import { answerOfKey } from "./answers.ts";
import { StepEdges } from "./behaviour.ts";
import { type AnswerDomain, answerDomain } from "./population.ts";

/** How a shown experience stands at the horizon (SPEC §5 `ends`). */
export const monteCarloEnds = ["completed", "dismissed", "snoozed", "launched", "open"] as const;
export type MonteCarloEnd = (typeof monteCarloEnds)[number];

/** show.skipped reason codes (SPEC §3.1), in the order the result lists them. */
export const blockedReasons = [
  "notLive",
  "audience",
  "recurrence",
  "snoozed",
  "rateLimited",
  "flowOnScreen",
  "page",
] as const;
export type BlockedReason = (typeof blockedReasons)[number];

/** One thing a user may do with the step on screen; `edge` is a global edge number. */
export type Offer =
  | { kind: "cta"; id: string; edge: number }
  | { kind: "close"; edge: number }
  | { kind: "trigger"; id: string; edge: number; does: ScriptStep }
  | { kind: "answer"; value: AnswerValue; edge: number }
  /** An answer drawn uniformly from those the step allows (a step the model does not name). */
  | { kind: "anyAnswer" }
  | { kind: "ignore" };

/** How the driver and the kernel read an offer (offerKind). */
export const OfferKind = { ignore: 0, route: 1, anyAnswer: 2, trigger: 3 } as const;

interface StepOffers {
  offers: Offer[];
  /** Running sums of the offers' weights (the last is the total; empty: nothing to do). */
  cumulative: Float64Array;
}

export interface ExperienceLayout {
  id: string;
  experience: Experience;
  /** The first global step number of this experience; its steps follow in order. */
  stepBase: number;
  stepIds: string[];
  stepNumber: Map<string, number>;
  /** The first global edge number; its flow-graph edges follow in the graph's order. */
  edgeBase: number;
  edgeIds: string[];
  edgeNumber: Map<string, number>;
  /** Its flow graph's edges, in the graph's order (the kernel reads their action lists). */
  edges: readonly FlowEdge[];
}

export interface ForecastLayout {
  experiences: ExperienceLayout[];
  experienceNumber: Map<string, number>;
  /** Per global step. */
  steps: Step[];
  stepExperience: Int32Array;
  /** Offers, flat: step s offers [offerStart[s], offerStart[s + 1]). */
  offerStart: Int32Array;
  offers: Offer[];
  /** Per offer: the running sum of its step's weights up to it. */
  offerCumulative: Float64Array;
  offerKind: Uint8Array;
  /** Per offer: the global edge it takes (route offers and triggers), else -1. */
  offerEdge: Int32Array;
  /** Per global step: what a uniform answer draws from. */
  answerDomains: AnswerDomain[];
  /** Per global step: the edge an answer meeting each condition takes (undefined: fallback). */
  answerEdges: ((value: AnswerValue) => number)[];
  /** Per global edge: it leads to a "launched" end (a launch out of the flow). */
  edgeLaunches: Uint8Array;
  edgeCount: number;
  stepCount: number;
}

export function forecastLayout(project: Project, model: ForecastModel): ForecastLayout {
  const experiences: ExperienceLayout[] = [];
  const experienceNumber = new Map<string, number>();
  const steps: Step[] = [];
  const stepExperience: number[] = [];
  const offers: StepOffers[] = [];
  const answerEdges: ((value: AnswerValue) => number)[] = [];
  const answerDomains: AnswerDomain[] = [];
  const edgeLaunches: number[] = [];
  for (const experience of project.experiences) {
    const e = experiences.length;
    experienceNumber.set(experience.id, e);
    const layout: ExperienceLayout = {
      id: experience.id,
      experience,
      stepBase: steps.length,
      stepIds: [],
      stepNumber: new Map(),
      edgeBase: edgeLaunches.length,
      edgeIds: [],
      edgeNumber: new Map(),
      edges: [],
    };
    experiences.push(layout);
    if (experience.type === "checklist") continue;
    const graph = flowGraph(project, experience.id);
    layout.edges = graph.edges;
    const launchedNodes = new Set(
      graph.nodes.filter((n) => n.kind === "launched").map((n) => n.id),
    );
    // Each step's edges, grouped once (a filter per step would be quadratic in steps).
    const edgesOf = new Map<Step, FlowEdge[]>();
    const stepOfNode = new Map<string, Step>();
    for (const node of graph.nodes) {
      if (node.kind !== "step") continue;
      stepOfNode.set(node.id, node.step);
      edgesOf.set(node.step, []);
    }
    for (const edge of graph.edges) {
      const from = stepOfNode.get(edge.from);
      if (from) edgesOf.get(from)?.push(edge);
    }
    for (const step of experience.steps) {
      layout.stepNumber.set(step.id, steps.length);
      layout.stepIds.push(step.id);
      steps.push(step);
      stepExperience.push(e);
    }
    for (const edge of graph.edges) {
      layout.edgeNumber.set(edge.id, edgeLaunches.length);
      layout.edgeIds.push(edge.id);
      edgeLaunches.push(launchedNodes.has(edge.to) && !edge.stays ? 1 : 0);
    }
    for (const step of experience.steps) {
      const edges = new StepEdges(edgesOf.get(step) ?? []);
      const number = (id: string) => layout.edgeNumber.get(id) as number;
      offers.push(stepOffers(model, experience.id, step, edges, number));
      const edgeOf = (value: AnswerValue) =>
        number(edges.ofCondition(step, matchingCondition(step.conditions, value)).id);
      // nps and scale: each integer's route looked up once (answers are drawn per user).
      const domain = answerDomain(step);
      answerDomains.push(domain);
      const numeric = domain.kind === "nps" || domain.kind === "scale";
      if (numeric && domain.max - domain.min <= 10_000) {
        const table = Int32Array.from({ length: domain.max - domain.min + 1 }, (_, i) =>
          edgeOf(domain.min + i),
        );
        answerEdges.push((value) => table[(value as number) - domain.min]);
      } else answerEdges.push(edgeOf);
    }
  }
  const offerStart = new Int32Array(steps.length + 1);
  const flat: Offer[] = [];
  const cumulative: number[] = [];
  offers.forEach((step, s) => {
    offerStart[s] = flat.length;
    flat.push(...step.offers);
    cumulative.push(...step.cumulative);
  });
  offerStart[steps.length] = flat.length;
  return {
    experiences,
    experienceNumber,
    steps,
    stepExperience: Int32Array.from(stepExperience),
    offerStart,
    offers: flat,
    offerCumulative: Float64Array.from(cumulative),
    offerKind: Uint8Array.from(flat, (offer) =>
      offer.kind === "ignore"
        ? OfferKind.ignore
        : offer.kind === "anyAnswer"
          ? OfferKind.anyAnswer
          : offer.kind === "trigger"
            ? OfferKind.trigger
            : OfferKind.route,
    ),
    offerEdge: Int32Array.from(flat, (offer) => ("edge" in offer ? offer.edge : -1)),
    answerEdges,
    answerDomains,
    edgeLaunches: Uint8Array.from(edgeLaunches),
    edgeCount: edgeLaunches.length,
    stepCount: steps.length,
  };
}

/**
 * The step's offers under the model (SPEC §5): a step the model names offers what it names;
 * any other step the `default` mix. An interaction the step does not offer, or of weight 0,
 * is left out. Unlike exact mode, an interaction that moves nothing stays in: its effects
 * (a post, a launch of something else) happen, and the user then acts again.
 */
function stepOffers(
  model: ForecastModel,
  experienceId: string,
  step: Step,
  edges: StepEdges,
  number: (edgeId: string) => number,
): StepOffers {
  const weighted: { offer: Offer; weight: number }[] = [];
  const named = model.behaviour?.get(experienceId)?.get(step.id);
  if (named) namedOffers(step, named, edges, number, weighted);
  else {
    const behaviour = model.default;
    const ctas = [...edges.ctas];
    for (const [id, edge] of ctas) {
      weighted.push({
        offer: { kind: "cta", id, edge: number(edge.id) },
        weight: behaviour.cta / ctas.length,
      });
    }
    const triggers = [...edges.triggers].flatMap(([id, edge]) => {
      const does = triggerStep(step, id);
      return does ? [{ id, edge, does }] : [];
    });
    for (const { id, edge, does } of triggers) {
      weighted.push({
        offer: { kind: "trigger", id, edge: number(edge.id), does },
        weight: behaviour.trigger / triggers.length,
      });
    }
    if (isAnswerable(step)) {
      weighted.push({ offer: { kind: "anyAnswer" }, weight: defaultAnswerWeight(behaviour) });
    }
    if (edges.cross)
      weighted.push({
        offer: { kind: "close", edge: number(edges.cross.id) },
        weight: behaviour.close,
      });
    weighted.push({ offer: { kind: "ignore" }, weight: behaviour.ignore });
  }
  const kept = weighted.filter((entry) => entry.weight > 0);
  const cumulative = new Float64Array(kept.length);
  let total = 0;
  kept.forEach((entry, i) => {
    total += entry.weight;
    cumulative[i] = total;
  });
  return { offers: kept.map((entry) => entry.offer), cumulative };
}

function namedOffers(
  step: Step,
  behaviour: StepBehaviour,
  edges: StepEdges,
  number: (edgeId: string) => number,
  out: { offer: Offer; weight: number }[],
): void {
  for (const [key, weight] of Object.entries(behaviour)) {
    if (typeof weight !== "number") continue;
    if (key === "close") {
      if (edges.cross) out.push({ offer: { kind: "close", edge: number(edges.cross.id) }, weight });
      continue;
    }
    if (key === "ignore") {
      out.push({ offer: { kind: "ignore" }, weight });
      continue;
    }
    const ref = interactionRef(key);
    if (ref?.kind === "cta") {
      const edge = edges.ctas.get(ref.id);
      if (edge) out.push({ offer: { kind: "cta", id: ref.id, edge: number(edge.id) }, weight });
    } else if (ref?.kind === "trigger") {
      const edge = edges.triggers.get(ref.id);
      const does = triggerStep(step, ref.id);
      if (edge && does) {
        out.push({ offer: { kind: "trigger", id: ref.id, edge: number(edge.id), does }, weight });
      }
    }
  }
  if (behaviour.answer && isAnswerable(step)) {
    for (const [key, weight] of behaviour.answer) {
      const read = answerOfKey(step, key);
      if (!read.ok) continue;
      const condition = matchingCondition(step.conditions, read.value);
      const edge = edges.ofCondition(step, condition);
      out.push({ offer: { kind: "answer", value: read.value, edge: number(edge.id) }, weight });
    }
  }
}

/**
 * What taking a trigger does in a script: a click trigger clicks its selector; a URL trigger
 * goes to its URL, each `*` of the pattern read as nothing (decided here: the shortest page
 * the pattern matches), or "/" for a bare "*".
 */
function triggerStep(step: Step, id: string): ScriptStep | undefined {
  const trigger = step.triggers.find((t) => t.id === id);
  if (!trigger) return undefined;
  if ("click" in trigger.on) return { do: "clickElement", selector: trigger.on.click };
  const url = trigger.on.url.replaceAll("*", "") || "/";
  return matchesPage(trigger.on.url, url) ? { do: "navigate", url } : undefined;
}

/** The script step that takes an offer on the experience on screen. */
export function offerStep(experienceId: string, offer: Offer, value?: AnswerValue): ScriptStep {
  switch (offer.kind) {
    case "cta":
      return { do: "click", cta: offer.id, experience: experienceId };
    case "close":
      return { do: "close", experience: experienceId };
    case "trigger":
      return offer.does;
    case "answer":
      return { do: "answer", value: offer.value, experience: experienceId };
    case "anyAnswer":
      return { do: "answer", value: value as AnswerValue, experience: experienceId };
    case "ignore":
      throw new Error("ignore is no script step");
  }
}

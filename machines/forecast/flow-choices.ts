// One flow under a model: for each step, where each weighted interaction leads. The routes are
// the flow graph's edges (read off the compiled machine); nothing here walks the project's
// action lists. An interaction that moves nothing (a `stays` edge) is left out: the user then
// does something else, so leaving it out renormalises the rest exactly.

import type { ForecastModel } from "../format/forecast-model.ts";
import type { Project, Step } from "../format/schema.ts";
import { type FlowEdge, type FlowGraph, flowGraph } from "../graph/flow-graph.ts";
import { StepEdges, stepInteractions } from "./behaviour.ts";

/** How a display ends in exact mode: SPEC §5's four, and `open` (the step stays on screen). */
export const exactEnds = ["completed", "dismissed", "snoozed", "launched", "open"] as const;
export type ExactEnd = (typeof exactEnds)[number];

/** Every end at probability 0. */
export function noEnds(): Record<ExactEnd, number> {
  return Object.fromEntries(exactEnds.map((end) => [end, 0])) as Record<ExactEnd, number>;
}

/** What exact mode finds for a flow, per step as FlowChoices numbers them. */
export interface FlowAnswer {
  ends: Record<ExactEnd, number>;
  reach: Float64Array;
  visits: Float64Array;
}

/** Where an interaction leads: a step (by number), an end, or back along the visit history. */
export type Move =
  | { kind: "step"; to: number }
  | { kind: "end"; end: ExactEnd }
  /** goToStep previous: to the step below on the visit stack, when it is one of `targets`. */
  | { kind: "back"; targets: readonly number[] };

export interface Choice {
  move: Move;
  weight: number;
}

export interface FlowChoices {
  experience: string;
  /** The steps, numbered as the moves number them (the compiled machine's step states). */
  steps: Step[];
  /** The step a display starts on; undefined when the flow has no step (it completes). */
  initial: number | undefined;
  /** Per step: its weighted moves (weights > 0, `stays` left out, not normalised). */
  choices: Choice[][];
}

export function flowChoices(
  project: Project,
  model: ForecastModel,
  experienceId: string,
): FlowChoices {
  const graph = flowGraph(project, experienceId);
  const numberOf = new Map<string, number>();
  const steps: Step[] = [];
  for (const node of graph.nodes) {
    if (node.kind !== "step") continue;
    numberOf.set(node.id, steps.length);
    steps.push(node.step);
  }
  const ends = new Map<string, ExactEnd>();
  for (const node of graph.nodes) {
    if (node.kind === "end") ends.set(node.id, node.id);
    else if (node.kind === "launched") ends.set(node.id, "launched");
  }
  const edgesFrom = groupEdges(graph, steps.length, numberOf);
  const choices = steps.map((step, n) =>
    stepInteractions(model, graph.experience, step, new StepEdges(edgesFrom[n])).flatMap(
      ({ edge, weight }) => {
        const move = moveOf(edge, numberOf, ends);
        return move ? [{ move, weight }] : [];
      },
    ),
  );
  return { experience: graph.experience, steps, initial: numberOf.get(graph.initial), choices };
}

function groupEdges(
  graph: FlowGraph,
  count: number,
  numberOf: ReadonlyMap<string, number>,
): FlowEdge[][] {
  const out: FlowEdge[][] = Array.from({ length: count }, () => []);
  for (const edge of graph.edges) {
    const from = numberOf.get(edge.from);
    if (from !== undefined) out[from].push(edge);
  }
  return out;
}

/** Where an edge leads, or undefined when it moves nothing. */
function moveOf(
  edge: FlowEdge,
  numberOf: ReadonlyMap<string, number>,
  ends: ReadonlyMap<string, ExactEnd>,
): Move | undefined {
  if (edge.stays) return undefined;
  if (edge.back) {
    const targets = (edge.backTargets ?? []).flatMap((key) => numberOf.get(key) ?? []);
    return { kind: "back", targets };
  }
  const step = numberOf.get(edge.to);
  if (step !== undefined) return { kind: "step", to: step };
  const end = ends.get(edge.to);
  if (end !== undefined) return { kind: "end", end };
  throw new Error(`flow graph edge ${edge.id} leads to no node (${edge.to})`);
}

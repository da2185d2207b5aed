// The graph of one experience as the canvas and the explorers see it, read off its compiled
// machine (compile/machine-config.ts), the one model of a flow: every step state is a node,
// the final states and one node per experience launched out are the ends, and every route
// transition is an edge with its edge id, its cause and its target. Nothing here walks the
// project's actions again.
import { compiledConfig } from "../compile/compile.ts";
import type { RouteMeta, TransitionConfig } from "../compile/machine-config.ts";
import { findExperience } from "../compile/machine-config.ts";
import type { EdgeVia } from "../compile/routes.ts";
import type { AnswerValue } from "../compile/survey.ts";
import { stepIndex } from "../format/lookup.ts";
import type { Action, Project, Step } from "../format/schema.ts";
import type { EndState } from "../model/experience.ts";
import { keyOf } from "../model/keys.ts";

export type { EdgeVia, ViaKind } from "../compile/routes.ts";
export type EndId = EndState;
export const endIds: readonly EndId[] = ["completed", "dismissed", "snoozed"];

/** Node ids are the machine's state keys (model/keys.ts): a step named "completed" is
 *  `~completed`, never the end. For every plain id the key is the id itself. */
export type FlowNode =
  | { id: string; kind: "step"; step: Step; index: number }
  | { id: EndId; kind: "end" }
  | { id: string; kind: "launched"; experience: string };

export interface FlowEdge {
  /** The edge id, which is the machine's event: "<step>/cta/<id>", "<step>/trigger/<id>",
   *  "<step>/condition/<id>", "<step>/fallback", "<step>/cross" (ids as keys). */
  id: string;
  from: string;
  to: string;
  via: EdgeVia;
  /** The list the interaction fires (defaults and the implied bookInterview included). */
  actions: readonly Action[];
  /** Survey classes: a representative allowed answer (so a path becomes a script). */
  answer?: AnswerValue;
  /** goToStep previous decides: `to` is a guess, `backTargets` every step it may return to. */
  back?: true;
  backTargets?: string[];
  /** Nothing in the list moves the flow: a self-loop. */
  stays?: true;
}

export interface FlowGraph {
  experience: string;
  /** The node a display starts on: the first step ("completed" for a flow without steps). */
  initial: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function launchedNodeId(experience: string): string {
  return `launched:${experience}`;
}

/** The node id of a step (its state key). */
export const stepNodeId = keyOf;

export function isEndNode(graph: FlowGraph, id: string): boolean {
  return !graph.nodes.some((n) => n.id === id && n.kind === "step");
}

/** One edge from the transitions of one event: guards choose among them at run time. */
function edgeOf(
  candidates: readonly TransitionConfig[],
  meta: RouteMeta,
  stepBefore: string | undefined,
): FlowEdge {
  const from = keyOf(meta.step);
  const edge: FlowEdge = { id: meta.edge, from, to: from, via: meta.via, actions: meta.actions };
  if (meta.answer !== undefined) edge.answer = meta.answer;
  if (meta.stays) {
    edge.stays = true;
    return edge;
  }
  if (meta.launch !== undefined) {
    edge.to = launchedNodeId(meta.launch);
    return edge;
  }
  if (meta.back) {
    const targets = candidates.map((t) => t.target as string);
    edge.back = true;
    edge.backTargets = targets;
    edge.to = stepBefore !== undefined && targets.includes(stepBefore) ? stepBefore : targets[0];
    return edge;
  }
  // A snooze's fallback once maxTimes is reached (a guard) is not a route of its own.
  edge.to = candidates[0].target as string;
  return edge;
}

export function flowGraph(project: Project, experienceId: string): FlowGraph {
  const experience = findExperience(project, experienceId);
  const config = compiledConfig(project, experienceId);
  const steps = experience.type === "checklist" ? [] : experience.steps;
  const nodes: FlowNode[] = [];
  const stepOfKey = new Map<string, string>();
  for (const [key, state] of Object.entries(config.states)) {
    const id = state.meta?.step;
    if (typeof id !== "string" || experience.type === "checklist") continue;
    stepOfKey.set(key, id);
    const index = stepIndex(experience, id);
    nodes.push({ id: key, kind: "step", step: steps[index], index });
  }
  for (const end of endIds) nodes.push({ id: end, kind: "end" });
  const edges: FlowEdge[] = [];
  const launched = new Set<string>();
  for (const [key, state] of Object.entries(config.states)) {
    if (!stepOfKey.has(key)) continue;
    const index = stepIndex(experience, stepOfKey.get(key) as string);
    const before = index > 0 ? keyOf(steps[index - 1].id) : undefined;
    for (const transitions of Object.values(state.on ?? {})) {
      const candidates = Array.isArray(transitions) ? transitions : [transitions];
      const meta = candidates[0]?.meta;
      if (!meta) continue;
      const edge = edgeOf(candidates, meta, before);
      if (meta.launch !== undefined) launched.add(meta.launch);
      edges.push(edge);
    }
  }
  for (const id of launched)
    nodes.push({ id: launchedNodeId(id), kind: "launched", experience: id });
  return {
    experience: experience.id,
    initial: steps[0] ? keyOf(steps[0].id) : "completed",
    nodes,
    edges,
  };
}

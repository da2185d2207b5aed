// The static flow graph as an XState machine (createMachine): one state per node, one
// transition per edge with its static target, so xstate/graph (getSimplePaths,
// getShortestPaths) and Stately Studio's visual view see the flow's shape directly.
// Decided here (semantics.ts): `previous` edges are left out by default, since their target
// depends on the visit history that a plain state cannot hold; `{ back: "guess" }` keeps them
// with their guessed `to`. A `stays` edge is a transition without target (nothing moves).
import { type AnyStateMachine, createMachine } from "xstate";
import type { Project } from "../format/schema.ts";
import { type FlowEdge, type FlowGraph, flowGraph } from "./flow-graph.ts";

export interface FlowMachineOptions {
  back?: "omit" | "guess";
}

export interface FlowMachineConfig {
  id: string;
  initial: string;
  states: Record<
    string,
    { type?: "final"; description?: string; on?: Record<string, FlowTransition> }
  >;
}

interface FlowTransition {
  target?: string;
  description: string;
}

/** The event an edge's transition listens to: its stable id. */
export function edgeEvent(edge: FlowEdge): string {
  return edge.id;
}

function transitionOf(edge: FlowEdge): FlowTransition {
  return edge.stays
    ? { description: edge.via.label }
    : { target: edge.to, description: edge.via.label };
}

/** The machine config (plain JSON) of a flow graph. */
export function flowMachineConfig(
  graph: FlowGraph,
  options: FlowMachineOptions = {},
): FlowMachineConfig {
  const states: FlowMachineConfig["states"] = {};
  for (const node of graph.nodes) {
    states[node.id] = node.kind === "step" ? { on: {} } : { type: "final" };
    if (node.kind === "step" && node.step.name) states[node.id].description = node.step.name;
  }
  for (const edge of graph.edges) {
    if (edge.back && options.back !== "guess") continue;
    const on = states[edge.from].on ?? {};
    on[edgeEvent(edge)] = transitionOf(edge);
    states[edge.from].on = on;
  }
  return { id: graph.experience, initial: graph.initial, states };
}

export function flowMachineOfGraph(
  graph: FlowGraph,
  options: FlowMachineOptions = {},
): AnyStateMachine {
  // State names are known only at run time: typed as any machine, as xstate/graph takes it.
  return createMachine(flowMachineConfig(graph, options) as never) as unknown as AnyStateMachine;
}

export function flowMachine(
  project: Project,
  experienceId: string,
  options: FlowMachineOptions = {},
): AnyStateMachine {
  return flowMachineOfGraph(flowGraph(project, experienceId), options);
}

// Where the run is on the canvas: the node on screen (or the end reached), the nodes and
// edges visited up to the moment shown, and the last edge taken (it pulses).
import type { ExperienceState, WorldState } from "../../machines/engine/index.ts";
import { stepNodeId, taskNodeId } from "../../machines/graph/index.ts";
import { takenUpTo } from "../session/taken-edges.ts";
import type { Moment } from "../session/types.ts";
import type { CanvasModel } from "./graph-model.ts";

export interface RunMarks {
  current: string | null;
  visitedNodes: Set<string>;
  visitedEdges: Set<string>;
  lastEdge: string | null;
}

export const noMarks: RunMarks = {
  current: null,
  visitedNodes: new Set(),
  visitedEdges: new Set(),
  lastEdge: null,
};

export function runMarks(
  model: CanvasModel,
  world: WorldState | null,
  moments: readonly Moment[],
  cursor: number,
): RunMarks {
  const experiences = world?.experiences;
  if (!experiences || !Object.hasOwn(experiences, model.experience)) return noMarks;
  const state = experiences[model.experience];
  const { visited: visitedEdges, last } = takenUpTo(moments, cursor, model.experience);
  if (model.kind === "checklist") return checklistMarks(model, state, visitedEdges, last);
  // Node ids are state keys (the canvas draws the compiled machine).
  const visitedNodes = new Set<string>(state.visited.map(stepNodeId));
  const edgeById = new Map(model.edges.map((e) => [e.id, e]));
  // A flow that ended by a launch shows the launched node rather than "dismissed".
  let current: string | null = null;
  if (state.status === "active") current = state.step === null ? null : stepNodeId(state.step);
  else if (state.status !== "idle") {
    const lastTarget = last ? edgeById.get(last)?.target : undefined;
    current = lastTarget?.startsWith("launched:") ? lastTarget : state.status;
  }
  if (current) visitedNodes.add(current);
  return { current, visitedNodes, visitedEdges, lastEdge: last };
}

/** A checklist: the checklist while it is on screen (or the end it reached), the tasks done,
 *  the task events taken and what those tasks opened. */
function checklistMarks(
  model: CanvasModel,
  state: ExperienceState,
  visitedEdges: Set<string>,
  lastEdge: string | null,
): RunMarks {
  if (state.status === "idle") return noMarks;
  const current = state.status === "active" ? model.initial : state.status;
  const done = new Set(state.tasksDone.map(taskNodeId));
  const visitedNodes = new Set([model.initial, current, ...done]);
  for (const edge of model.edges) {
    if (done.has(edge.source)) {
      visitedEdges.add(edge.id);
      visitedNodes.add(edge.target);
    }
    if (edge.source === model.initial && edge.target === current) visitedEdges.add(edge.id);
  }
  return { current, visitedNodes, visitedEdges, lastEdge };
}

// Between the canvas's nodes and edges and the app's selection (app/authoring/selection.ts):
// what a click or Enter on a node or edge selects, and which node or edge a selection
// highlights on this canvas. Pure.
import { stepNodeId, taskNodeId } from "../../machines/graph/index.ts";
import type { RouteSource, Selection } from "../authoring/selection.ts";
import type { CanvasModel, ModelEdge, NodeData } from "./graph-model.ts";

/** A step or a task selects itself; the other nodes select nothing. */
export function nodeSelection(model: CanvasModel, data: NodeData): Selection | undefined {
  if (data.kind === "step") {
    return { kind: "step", experience: model.experience, step: data.stepId };
  }
  if (data.kind === "task") {
    return { kind: "task", experience: model.experience, task: data.taskId };
  }
  return undefined;
}

function sourceOf(route: NonNullable<ModelEdge["route"]>): RouteSource | undefined {
  switch (route.kind) {
    case "cta":
    case "condition":
    case "trigger":
      return route.id === undefined ? undefined : { kind: route.kind, id: route.id };
    case "cross":
    case "fallback":
      return { kind: route.kind };
  }
}

/** A step's route selects the route (its list: the edge's cause); a checklist's edge its task. */
export function edgeSelection(model: CanvasModel, edge: ModelEdge): Selection | undefined {
  if (edge.route) {
    const source = sourceOf(edge.route);
    if (!source) return undefined;
    return {
      kind: "route",
      experience: model.experience,
      step: edge.route.step,
      source,
      edge: edge.id,
    };
  }
  if (edge.task !== undefined) {
    return { kind: "task", experience: model.experience, task: edge.task };
  }
  return undefined;
}

export interface Highlight {
  node: string | null;
  edge: string | null;
}

const none: Highlight = { node: null, edge: null };

/** What a selection highlights on this canvas (nothing when it names another experience or
 *  something the canvas does not draw). */
export function highlightOf(model: CanvasModel, selection: Selection): Highlight {
  if (!selection || selection.experience !== model.experience) return none;
  const has = (id: string) => model.nodes.some((n) => n.id === id);
  switch (selection.kind) {
    case "step": {
      const id = stepNodeId(selection.step);
      return has(id) && model.kind === "flow" ? { node: id, edge: null } : none;
    }
    case "task": {
      const id = taskNodeId(selection.task);
      return has(id) ? { node: id, edge: null } : none;
    }
    case "route":
      return model.edges.some((e) => e.id === selection.edge)
        ? { node: null, edge: selection.edge }
        : none;
  }
}

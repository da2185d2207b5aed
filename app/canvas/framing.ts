// Moving the flow canvas's view: framing the flow (the whole of it when it fits at a readable
// zoom, else the node in focus with the steps it leads to), and bringing one node into view.
// Shared by the first view, the Fit View button, the run following its current node and the
// keyboard moving focus.
import type { ReactFlowInstance } from "@xyflow/react";
import type { CanvasModel } from "./graph-model.ts";
import type { Point } from "./layout-types.ts";
import { focusNodes, readableZoom, zoomToFit } from "./view-fit.ts";

export interface Pane {
  width: number;
  height: number;
}

// Any instance will do: only the viewport methods are used.
type Flow = Pick<ReactFlowInstance, "fitView" | "getInternalNode" | "getViewport" | "setCenter">;

/** Frames the flow; `focus` (the node on screen, else the first) when it does not all fit. */
export function frameFlow(
  flow: Flow,
  model: CanvasModel,
  positions: Record<string, Point>,
  pane: Pane,
  focus: string,
  duration = 0,
): void {
  if (zoomToFit(model.nodes, positions, pane) >= readableZoom) {
    flow.fitView({ padding: 0.1, maxZoom: 1.1, duration });
    return;
  }
  const moving = new Set(
    model.nodes.filter((n) => n.data.kind === "step" || n.data.kind === "task").map((n) => n.id),
  );
  const ids = focusNodes(
    focus,
    model.edges,
    model.nodes,
    positions,
    pane,
    (id) => moving.has(id),
    readableZoom,
  );
  flow.fitView({
    nodes: ids.map((id) => ({ id })),
    padding: 0.15,
    minZoom: readableZoom,
    maxZoom: 1,
    duration,
  });
}

/** Pans (at the same zoom) so the node is wholly in view; false when it is not drawn. */
export function revealNode(flow: Flow, id: string, pane: Pane, duration = 200): boolean {
  const node = flow.getInternalNode(id);
  if (!node) return false;
  const { x, y, zoom } = flow.getViewport();
  const w = node.measured.width ?? 0;
  const h = node.measured.height ?? 0;
  const { x: nx, y: ny } = node.internals.positionAbsolute;
  const left = nx * zoom + x;
  const top = ny * zoom + y;
  if (left >= 0 && top >= 0 && left + w * zoom <= pane.width && top + h * zoom <= pane.height) {
    return true;
  }
  flow.setCenter(nx + w / 2, ny + h / 2, { zoom, duration });
  return true;
}

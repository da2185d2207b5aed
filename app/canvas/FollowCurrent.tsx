// The canvas's view: first the whole flow when it fits at a legible zoom, else the node on
// screen with its neighbours; then, as the run moves to a node outside the view (a big flow
// shows only part of itself), the view pans to it.
import { useNodesInitialized, useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { CanvasModel } from "./graph-model.ts";
import type { Point } from "./layout-types.ts";
import { focusNodes, legibleZoom, zoomToFit } from "./view-fit.ts";

interface FollowCurrentProps {
  model: CanvasModel;
  positions: Record<string, Point>;
  current: string | null;
}

export function FollowCurrent({ model, positions, current }: FollowCurrentProps) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const framed = useRef(false);

  useEffect(() => {
    // A pane not yet laid out (zero width or height) would fit at zoom 0, and stay there.
    if (!initialized || width === 0 || height === 0 || framed.current) return;
    framed.current = true;
    if (zoomToFit(model.nodes, positions, { width, height }) >= legibleZoom) {
      flow.fitView({ padding: 0.1, maxZoom: 1.1 });
      return;
    }
    const steps = new Set(model.nodes.filter((n) => n.data.kind === "step").map((n) => n.id));
    const pane = { width, height };
    const focus = current ?? model.initial;
    const ids = focusNodes(focus, model.edges, model.nodes, positions, pane, (id) => steps.has(id));
    const nodes = ids.map((id) => ({ id }));
    flow.fitView({ nodes, padding: 0.15, maxZoom: 0.85, minZoom: legibleZoom });
  }, [initialized, width, height, flow, model, positions, current]);

  useEffect(() => {
    if (!framed.current || !current || width === 0 || height === 0) return;
    const node = flow.getInternalNode(current);
    if (!node) return;
    const { x, y, zoom } = flow.getViewport();
    const w = node.measured.width ?? 0;
    const h = node.measured.height ?? 0;
    const { x: nx, y: ny } = node.internals.positionAbsolute;
    const left = nx * zoom + x;
    const top = ny * zoom + y;
    if (left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height) return;
    flow.setCenter(nx + w / 2, ny + h / 2, { zoom, duration: 200 });
  }, [current, flow, width, height]);
  return null;
}

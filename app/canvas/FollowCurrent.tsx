// The canvas's view: first the whole flow when it fits at a readable zoom, else the node on
// screen (or the first step) with its neighbours; then, as the run moves to a node outside
// the view (a big flow shows only part of itself), the view pans to it.
import { useNodesInitialized, useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { frameFlow, revealNode } from "./framing.ts";
import type { CanvasModel } from "./graph-model.ts";
import type { Point } from "./layout-types.ts";

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
    frameFlow(flow, model, positions, { width, height }, current ?? model.initial);
  }, [initialized, width, height, flow, model, positions, current]);

  useEffect(() => {
    if (!framed.current || !current || width === 0 || height === 0) return;
    revealNode(flow, current, { width, height });
  }, [current, flow, width, height]);
  return null;
}

// Frames the launch graph once its nodes are placed (frame.ts says on what), and again when a
// cycle is focused from the list, so the highlighted cycle is in view.
import { useNodesInitialized, useReactFlow, useStore } from "@xyflow/react";
import { useEffect } from "react";
import type { Point } from "../canvas/layout-types.ts";
import { framing } from "./frame.ts";
import type { LaunchModel } from "./launch-model.ts";

interface FrameViewProps {
  model: LaunchModel;
  positions: Record<string, Point>;
  focused: number | null;
}

export function FrameView({ model, positions, focused }: FrameViewProps) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);

  useEffect(() => {
    if (!initialized || width === 0 || height === 0) return;
    const frame = framing(model, positions, { width, height }, focused);
    flow.fitView({
      ...(frame.nodes ? { nodes: frame.nodes.map((id) => ({ id })) } : {}),
      padding: 0.12,
      maxZoom: 1.1,
      minZoom: frame.minZoom,
      duration: focused === null ? 0 : 250,
    });
  }, [initialized, width, height, flow, model, positions, focused]);
  return null;
}

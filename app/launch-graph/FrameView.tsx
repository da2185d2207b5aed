// Frames the launch graph once its nodes are placed (frame.ts says on what), and again when a
// cycle is focused from the list, so the highlighted cycle is in view. Only then: between
// those, the user's pan and zoom stay (edits make a new model, not a new framing).
import { useNodesInitialized, useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { Point } from "../canvas/layout-types.ts";
import { type FrameMark, framing, needsFraming } from "./frame.ts";
import type { LaunchModel } from "./launch-model.ts";

interface FrameViewProps {
  model: LaunchModel;
  positions: Record<string, Point>;
  /** The layout's key: a new layout is framed afresh. */
  layout: string;
  focused: number | null;
}

export function FrameView({ model, positions, layout, focused }: FrameViewProps) {
  const flow = useReactFlow();
  const initialized = useNodesInitialized();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const framed = useRef<FrameMark | null>(null);

  useEffect(() => {
    // A pane not yet laid out (zero width or height) would fit at zoom 0, and stay there.
    if (!initialized || width === 0 || height === 0) return;
    const mark = { layout, focused };
    if (!needsFraming(framed.current, mark)) return;
    framed.current = mark;
    const frame = framing(model, positions, { width, height }, focused);
    flow.fitView({
      ...(frame.nodes ? { nodes: frame.nodes.map((id) => ({ id })) } : {}),
      padding: 0.12,
      maxZoom: 1.1,
      minZoom: frame.minZoom,
      duration: focused === null ? 0 : 250,
    });
  }, [initialized, width, height, flow, model, positions, layout, focused]);
  return null;
}

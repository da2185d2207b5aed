// Where the launch graph's view looks: the whole graph when it fits at a legible zoom; else
// every node on a cycle (what the view is for) or, when those do not fit either, the first
// group's shortest cycle. A cycle clicked in the list is framed.
import type { Point } from "../canvas/layout-types.ts";
import { legibleZoom, zoomToFit } from "../canvas/view-fit.ts";
import type { LaunchModel } from "./launch-model.ts";

export interface Framing {
  /** The node ids to fit into the view; null for every node. */
  nodes: string[] | null;
  minZoom: number;
}

export function framing(
  model: LaunchModel,
  positions: Record<string, Point>,
  pane: { width: number; height: number },
  focused: number | null,
): Framing {
  const focusedCycle = focused === null ? undefined : model.cycles[focused];
  if (focusedCycle) return { nodes: [...new Set(focusedCycle.nodes)], minZoom: legibleZoom };
  if (zoomToFit(model.nodes, positions, pane) >= legibleZoom || model.cycles.length === 0) {
    return { nodes: null, minZoom: legibleZoom };
  }
  const onCycles = [...new Set(model.cycles.flatMap((c) => c.members))];
  const boxes = model.nodes.filter((n) => onCycles.includes(n.id));
  const fits = zoomToFit(boxes, positions, pane) >= legibleZoom;
  return { nodes: fits ? onCycles : [...new Set(model.cycles[0].nodes)], minZoom: legibleZoom };
}

/** What the view was last framed for: a layout (its key) and the cycle in focus. */
export interface FrameMark {
  layout: string;
  focused: number | null;
}

/** Frame again only for a new layout or a new focus: an edit that keeps the layout (the model
 *  is a new object after every edit) keeps the user's pan and zoom. */
export function needsFraming(last: FrameMark | null, next: FrameMark): boolean {
  return last === null || last.layout !== next.layout || last.focused !== next.focused;
}

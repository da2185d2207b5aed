// Where the launch graph's view looks: the whole graph when it fits at a legible zoom; else
// its cycles (what the view is for), or the whole graph's centre at a legible zoom. A cycle
// clicked in the list is framed.
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
  const onCycles = [...new Set(model.cycles.flatMap((c) => c.nodes))];
  const boxes = model.nodes.filter((n) => onCycles.includes(n.id));
  const fits = zoomToFit(boxes, positions, pane) >= legibleZoom;
  return { nodes: fits ? onCycles : [...new Set(model.cycles[0].nodes)], minZoom: legibleZoom };
}

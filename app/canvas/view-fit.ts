// Where the canvas first looks: the whole flow when it fits at a legible zoom, else the node
// on screen (or the first step) with its neighbours.
import type { Point } from "./layout-types.ts";

export const legibleZoom = 0.6;

/** The least zoom the flow canvas fits to: its smallest text (11 px edge labels, 12 px node
 *  lines) stays about 9 px or more on screen. Zooming out by hand can still go further. */
export const readableZoom = 0.8;

export interface Box {
  id: string;
  width: number;
  height: number;
}

/** The zoom that fits every box into a pane of width × height, with a margin. */
export function zoomToFit(
  boxes: readonly Box[],
  positions: Record<string, Point>,
  pane: { width: number; height: number },
  margin = 0.1,
): number {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    const p = positions[box.id];
    if (!p) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + box.width);
    maxY = Math.max(maxY, p.y + box.height);
  }
  if (!Number.isFinite(minX)) return 1;
  const usable = 1 - 2 * margin;
  return Math.min((pane.width * usable) / (maxX - minX), (pane.height * usable) / (maxY - minY));
}

/** The nodes to frame when the whole flow does not fit: `focus` and the steps it leads to
 *  (ends and launched experiences may lie far away), if they fit legibly; else `focus`. */
export function focusNodes(
  focus: string,
  edges: readonly { source: string; target: string }[],
  boxes: readonly Box[],
  positions: Record<string, Point>,
  pane: { width: number; height: number },
  isStep: (id: string) => boolean,
  minZoom = legibleZoom,
): string[] {
  const near = new Set([focus]);
  for (const edge of edges) if (edge.source === focus && isStep(edge.target)) near.add(edge.target);
  const framed = boxes.filter((b) => near.has(b.id));
  return zoomToFit(framed, positions, pane) >= minZoom ? [...near] : [focus];
}

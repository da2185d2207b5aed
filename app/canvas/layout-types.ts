// The layout request and answer exchanged with the layout worker (plain JSON both ways).

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutEdge {
  id: string;
  source: string;
  target: string;
  /** The label's box, so the layout leaves room for it. */
  label?: { width: number; height: number };
}

export interface Point {
  x: number;
  y: number;
}

/** An edge as the layout routed it: its polyline and where its label goes (centre). */
export interface EdgeRoute {
  points: Point[];
  label?: Point;
}

export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Where the flow starts: the fast layout's first column. */
  initial: string;
}

type LayoutEngine = "elk" | "fast";

export interface LayoutAnswer {
  id: number;
  positions: Record<string, Point>;
  /** ELK's routes; absent with the fast layout (edges are drawn as curves then). */
  routes?: Record<string, EdgeRoute>;
  engine: LayoutEngine;
  /** Time spent laying out, in the worker. */
  ms: number;
  error?: string;
}

/** Above this many nodes ELK's layered algorithm takes seconds: the fast layout is used
 *  (measured: ~1.2 s for a 1,000-step chain with ELK vs a few ms). */
export const elkNodeLimit = 250;

export const layerGap = 70;
export const nodeGap = 36;

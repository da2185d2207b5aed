// Plain searches over a flow graph's forward edges (no `previous`, no `stays`): breadth-first
// routes (shortest paths) and the simple paths to the ends, with a limit.
import type { FlowEdge } from "../graph/flow-graph.ts";
import type { IndexedGraph } from "./graph-index.ts";

/** Edges that move forward statically: `previous` and `stays` excluded. */
export function forwardEdges(g: IndexedGraph, node: string): FlowEdge[] {
  const step = g.stepIndex.get(node);
  return step === undefined ? [] : g.forward[step];
}

/**
 * Shortest route (fewest edges) from `from` to the nearest node accepted by `goal`, or
 * undefined. `from` itself is accepted with an empty route. Edges `avoid` accepts are not used.
 */
export function routeTo(
  g: IndexedGraph,
  from: string,
  goal: (node: string) => boolean,
  avoid?: (edge: FlowEdge) => boolean,
): FlowEdge[] | undefined {
  if (goal(from)) return [];
  const start = g.stepIndex.get(from);
  if (start === undefined) return undefined;
  // Breadth-first over step numbers; `via[s]` is the edge that reached step s first.
  const via = new Array<FlowEdge | undefined>(g.steps.length);
  const seenEnds = new Set<string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of g.forward[queue[head]]) {
      if (avoid?.(edge)) continue;
      const target = g.stepIndex.get(edge.to);
      if (target === undefined) {
        if (seenEnds.has(edge.to)) continue;
        seenEnds.add(edge.to);
      } else {
        if (via[target] !== undefined || target === start) continue;
        via[target] = edge;
        queue.push(target);
      }
      if (goal(edge.to)) return unwindSteps(g, via, start, edge);
    }
  }
  return undefined;
}

function unwindSteps(
  g: IndexedGraph,
  via: (FlowEdge | undefined)[],
  start: number,
  last: FlowEdge,
): FlowEdge[] {
  const route = [last];
  for (let step = g.stepIndex.get(last.from) as number; step !== start; ) {
    const edge = via[step] as FlowEdge;
    route.push(edge);
    step = g.stepIndex.get(edge.from) as number;
  }
  return route.reverse();
}

function unwind(via: Map<string, FlowEdge>, from: string, to: string): FlowEdge[] {
  const route: FlowEdge[] = [];
  for (let node = to; node !== from; ) {
    const edge = via.get(node) as FlowEdge;
    route.push(edge);
    node = edge.from;
  }
  return route.reverse();
}

/** Shortest routes from the initial node to every node it reaches (breadth-first tree). */
export function shortestRoutes(g: IndexedGraph): Map<string, FlowEdge[]> {
  const start = g.graph.initial;
  const via = new Map<string, FlowEdge>();
  const order = [start];
  const seen = new Set([start]);
  for (let i = 0; i < order.length; i++) {
    for (const edge of forwardEdges(g, order[i])) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      via.set(edge.to, edge);
      order.push(edge.to);
    }
  }
  return new Map(order.map((node) => [node, unwind(via, start, node)]));
}

/** Nodes reachable from the initial node over forward edges. */
export function reachableNodes(g: IndexedGraph): Set<string> {
  return new Set(shortestRoutes(g).keys());
}

export interface SimplePaths {
  /** Each path as its edge ids, from the first step to an end. */
  paths: string[][];
  /** More simple paths exist than `limit`. */
  truncated: boolean;
}

/** Every simple path (no step twice) from the first step to an end, up to `limit`. */
export function simplePaths(g: IndexedGraph, limit: number): SimplePaths {
  const paths: string[][] = [];
  const start = g.graph.initial;
  if (!g.stepIndex.has(start)) return { paths: [[]], truncated: false };
  const onPath = new Set([start]);
  const edges: string[] = [];
  let truncated = false;
  // Iterative depth-first search: a frame is a node and the index of its next edge.
  const work: { node: string; next: number; out: FlowEdge[] }[] = [
    { node: start, next: 0, out: forwardEdges(g, start) },
  ];
  while (work.length > 0 && !truncated) {
    const frame = work[work.length - 1];
    if (frame.next >= frame.out.length) {
      work.pop();
      onPath.delete(frame.node);
      edges.pop();
      continue;
    }
    const edge = frame.out[frame.next++];
    if (!g.stepIndex.has(edge.to)) {
      if (paths.length >= limit) truncated = true;
      else paths.push([...edges, edge.id]);
      continue;
    }
    if (onPath.has(edge.to)) continue;
    onPath.add(edge.to);
    edges.push(edge.id);
    work.push({ node: edge.to, next: 0, out: forwardEdges(g, edge.to) });
  }
  return { paths, truncated };
}

// Plain searches over a flow graph's forward edges (no `previous`, no `stays`): breadth-first
// routes (shortest paths), the breadth-first tree of scripts, the way to the nearest end, and
// the simple paths to the ends, with limits. Every search is a loop (no recursion) and costs
// O(steps + edges) at most; none allocates per step for each call (issue 10).
import type { FlowEdge } from "../graph/flow-graph.ts";
import { simplePathEdgeBudget, simplePathWorkBudget } from "../semantics.ts";
import type { IndexedGraph } from "./graph-index.ts";
import type { PathWalker } from "./walker.ts";

/** Edges that move forward statically: `previous` and `stays` excluded. */
export function forwardEdges(g: IndexedGraph, node: string): FlowEdge[] {
  const step = g.stepIndex.get(node);
  return step === undefined ? [] : g.forward[step];
}

/** Per graph: scratch arrays for routeTo, reset by a generation stamp instead of a fill. */
interface Scratch {
  stamp: Int32Array;
  via: (FlowEdge | undefined)[];
  generation: number;
}

const scratchCache = new WeakMap<IndexedGraph, Scratch>();

function scratchOf(g: IndexedGraph): Scratch {
  let scratch = scratchCache.get(g);
  if (!scratch || scratch.generation >= 0x7fffffff) {
    scratch = {
      stamp: new Int32Array(g.steps.length),
      via: new Array<FlowEdge | undefined>(g.steps.length),
      generation: 0,
    };
    scratchCache.set(g, scratch);
  }
  scratch.generation++;
  return scratch;
}

export interface RouteOptions {
  /** Edges it accepts are not used. */
  avoid?: (edge: FlowEdge) => boolean;
  /** Give up (undefined) after looking at this many edges. */
  maxEdges?: number;
}

/**
 * Shortest route (fewest edges) from `from` to the nearest node accepted by `goal`, or
 * undefined. `from` itself is accepted with an empty route.
 */
export function routeTo(
  g: IndexedGraph,
  from: string,
  goal: (node: string) => boolean,
  options: RouteOptions = {},
): FlowEdge[] | undefined {
  if (goal(from)) return [];
  const start = g.stepIndex.get(from);
  if (start === undefined) return undefined;
  const { avoid, maxEdges = Number.POSITIVE_INFINITY } = options;
  // Breadth-first over step numbers; `via[s]` is the edge that reached step s first (valid
  // when `stamp[s]` is this search's generation).
  const { stamp, via, generation } = scratchOf(g);
  stamp[start] = generation;
  const seenEnds = new Set<string>();
  const queue = [start];
  let looked = 0;
  for (let head = 0; head < queue.length; head++) {
    for (const edge of g.forward[queue[head]]) {
      if (++looked > maxEdges) return undefined;
      if (avoid?.(edge)) continue;
      const target = g.stepIndex.get(edge.to);
      if (target === undefined) {
        if (seenEnds.has(edge.to)) continue;
        seenEnds.add(edge.to);
      } else {
        if (stamp[target] === generation) continue;
        stamp[target] = generation;
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

/** Breadth-first from the initial node: every node it reaches (steps and ends) in order, and
 *  the edge that reached each first. */
export interface ForwardTree {
  order: string[];
  via: Map<string, FlowEdge>;
}

const treeCache = new WeakMap<IndexedGraph, ForwardTree>();

export function forwardTree(g: IndexedGraph): ForwardTree {
  const known = treeCache.get(g);
  if (known) return known;
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
  const tree = { order, via };
  treeCache.set(g, tree);
  return tree;
}

/** Nodes reachable from the initial node over forward edges. */
export function reachableNodes(g: IndexedGraph): Set<string> {
  return new Set(forwardTree(g).order);
}

/**
 * Per step, the forward edge to take towards the nearest end (undefined when no end can be
 * reached): a breadth-first search backwards from every end, so ties go to the first edge.
 */
export function endwardEdges(g: IndexedGraph): (FlowEdge | undefined)[] {
  const distance = new Int32Array(g.steps.length).fill(-1);
  const into: number[][] = g.steps.map(() => []);
  const queue: number[] = [];
  g.forward.forEach((edges, step) => {
    for (const edge of edges) {
      const target = g.stepIndex.get(edge.to);
      if (target === undefined) {
        if (distance[step] < 0) {
          distance[step] = 1;
          queue.push(step);
        }
      } else into[target].push(step);
    }
  });
  for (let head = 0; head < queue.length; head++) {
    const step = queue[head];
    for (const before of into[step]) {
      if (distance[before] >= 0) continue;
      distance[before] = distance[step] + 1;
      queue.push(before);
    }
  }
  return g.forward.map((edges, step) => {
    if (distance[step] < 0) return undefined;
    return edges.find((edge) => {
      const target = g.stepIndex.get(edge.to);
      return target === undefined ? distance[step] === 1 : distance[target] === distance[step] - 1;
    });
  });
}

/**
 * The breadth-first tree of scripts: from the launch, each node reached is entered by the
 * first walker state that lands on it, and the walks go on from there (URL triggers the engine
 * fires by itself included). Returns each node's place in the walker's tree, in the order
 * reached; O(steps + edges) script steps, each written once into the tree.
 */
export function scriptTree(g: IndexedGraph, walker: PathWalker): Map<string, number> {
  walker.goTo(0);
  const at = new Map<string, number>([[walker.node, 0]]);
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head];
    walker.goTo(from);
    if (!walker.onStep()) continue;
    for (const edge of forwardEdges(g, walker.node)) {
      walker.goTo(from);
      walker.take(edge);
      if (at.has(walker.node)) continue;
      at.set(walker.node, walker.at);
      queue.push(walker.at);
    }
  }
  return at;
}

export interface SimplePaths {
  /** Each path as its edge ids, from the first step to an end. */
  paths: string[][];
  /** More simple paths exist than were listed (the limit, or the size budgets were reached). */
  truncated: boolean;
}

export interface SimpleOptions {
  /** Transitions listed over all paths at most (simple paths of a long tour are long). */
  edgeBudget?: number;
  /** Edges the search looks at, at most (a dense flow has more simple paths than atoms). */
  workBudget?: number;
}

/** Simple paths (no step twice) from the first step to an end, up to `limit` and budgets. */
export function simplePaths(
  g: IndexedGraph,
  limit: number,
  options: SimpleOptions = {},
): SimplePaths {
  const { edgeBudget = simplePathEdgeBudget, workBudget = simplePathWorkBudget } = options;
  const paths: string[][] = [];
  const start = g.graph.initial;
  if (!g.stepIndex.has(start)) return { paths: [[]], truncated: false };
  const onPath = new Uint8Array(g.steps.length);
  onPath[g.stepIndex.get(start) as number] = 1;
  const edges: string[] = [];
  let truncated = false;
  let listed = 0;
  let work = 0;
  // Iterative depth-first search: a frame is a step and the index of its next edge.
  const frames: { step: number; next: number }[] = [
    { step: g.stepIndex.get(start) as number, next: 0 },
  ];
  while (frames.length > 0 && !truncated) {
    const frame = frames[frames.length - 1];
    const out = g.forward[frame.step];
    if (frame.next >= out.length) {
      frames.pop();
      onPath[frame.step] = 0;
      edges.pop();
      continue;
    }
    if (++work > workBudget) {
      truncated = true;
      break;
    }
    const edge = out[frame.next++];
    const target = g.stepIndex.get(edge.to);
    if (target === undefined) {
      if (paths.length >= limit || listed + edges.length + 1 > edgeBudget) truncated = true;
      else {
        paths.push([...edges, edge.id]);
        listed += edges.length + 1;
      }
      continue;
    }
    if (onPath[target]) continue;
    onPath[target] = 1;
    edges.push(edge.id);
    frames.push({ step: target, next: 0 });
  }
  return { paths, truncated };
}

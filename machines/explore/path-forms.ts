// How the shortest and coverage paths are written in a report (issue 10). In memory they are
// nodes of one tree of script steps (walker.ts); a report writes each path whole while the
// part's paths hold at most `wholePathsLimit` script steps in all, else each path as the
// path it extends (`from`) and its own steps after it, so that a report on a 10,000-step tour
// is linear in the tour, not quadratic. The expand functions give a path back whole (for
// printing, replaying or exporting one path) and work on both forms; pure, for the app too.
import type { ScriptStep } from "../format/script.ts";
import type { PathTree } from "./walker.ts";

/** A shortest path: whole, or the shortest path to `from` followed by its own steps. */
export interface ShortestPath {
  edges: string[];
  steps: ScriptStep[];
  /** Shared form: the node whose whole shortest path this one begins with. */
  from?: string;
}

export interface CoveragePath {
  /** Edge ids in the order the path takes them (those the engine takes by itself too). */
  edges: string[];
  /** The node the path ends on: an end, or a step when no end could be reached. */
  end: string;
  /** SPEC §4 script steps, from the launch on. */
  steps: ScriptStep[];
  /**
   * Shared form: the path begins with the first `steps` script steps and `edges` edges of
   * coverage path number `path` (an earlier one), and `steps`/`edges` above are the rest.
   */
  from?: { path: number; steps: number; edges: number };
}

/** Script steps of a tree node's path (the launch included). */
function totalSteps(tree: PathTree, nodes: Iterable<number>): number {
  let total = 0;
  for (const node of nodes) total += tree.depth[node];
  return total;
}

function ownOf(tree: PathTree, nodes: readonly number[]): { edges: string[]; steps: ScriptStep[] } {
  const steps: ScriptStep[] = [];
  const edges: string[] = [];
  for (const n of nodes) {
    steps.push(tree.step[n]);
    for (const e of tree.edges[n]) edges.push(e);
  }
  return { edges, steps };
}

/** Coverage paths (tree leaves and their ends) as a report writes them. */
export function coverageForm(
  tree: PathTree,
  leaves: readonly { node: number; end: string }[],
  limit: number,
): { paths: CoveragePath[]; shared: boolean } {
  if (
    totalSteps(
      tree,
      leaves.map((l) => l.node),
    ) <= limit
  ) {
    const paths = leaves.map(({ node, end }) => {
      const { edges, steps } = tree.expand(node);
      return { edges, end, steps };
    });
    return { paths, shared: false };
  }
  // The first path through a node owns it; a path's own steps are those nobody owned before.
  const owner = new Int32Array(tree.size).fill(-1);
  const paths = leaves.map(({ node, end }, i): CoveragePath => {
    const own: number[] = [];
    let n = node;
    for (; n >= 0 && owner[n] < 0; n = tree.parent[n]) {
      owner[n] = i;
      own.push(n);
    }
    const { steps, edges } = ownOf(tree, own.reverse());
    if (n < 0) return { edges, end, steps };
    const from = { path: owner[n], steps: tree.depth[n], edges: tree.edgeDepth[n] };
    return { edges, end, steps, from };
  });
  return { paths, shared: true };
}

/** Shortest paths (graph node → its node in the tree) as a report writes them. */
export function shortestForm(
  tree: PathTree,
  at: ReadonlyMap<string, number>,
  limit: number,
): { paths: Record<string, ShortestPath>; shared: boolean } {
  const paths: Record<string, ShortestPath> = {};
  if (totalSteps(tree, at.values()) <= limit) {
    for (const [node, n] of at) paths[node] = tree.expand(n);
    return { paths, shared: false };
  }
  for (const [node, n] of at) {
    const own = ownOf(tree, [n]);
    const parent = tree.parent[n];
    const from = parent >= 0 ? tree.state[parent].node : undefined;
    // A breadth-first tree: a node's parent is where the shortest path to it came from.
    if (from !== undefined && at.get(from) === parent) paths[node] = { ...own, from };
    else paths[node] = tree.expand(n);
  }
  return { paths, shared: true };
}

/** How many script steps a coverage path has, in either form. */
export function coverageLength(paths: readonly CoveragePath[], index: number): number {
  const path = paths[index];
  return (path.from?.steps ?? 0) + path.steps.length;
}

export interface ExpandLimit {
  /** At most this many script steps, from the launch (the rest left out). */
  steps?: number;
  /** At most this many edges, from the first. */
  edges?: number;
}

/**
 * Coverage path `index` written whole (no `from`), or its beginning up to `limit`. Follows
 * the `from` chain with a loop; O(the length written + the chain).
 */
export function expandCoverage(
  paths: readonly CoveragePath[],
  index: number,
  limit: ExpandLimit = {},
): CoveragePath {
  const parts: { path: CoveragePath; steps: number; edges: number }[] = [];
  let upto = limit.steps ?? Number.POSITIVE_INFINITY;
  let edgesUpto = limit.edges ?? Number.POSITIVE_INFINITY;
  let p = index;
  for (;;) {
    const path = paths[p];
    const base = path.from?.steps ?? 0;
    const edgeBase = path.from?.edges ?? 0;
    parts.push({
      path,
      steps: Math.max(0, Math.min(upto, base + path.steps.length) - base),
      edges: Math.max(0, Math.min(edgesUpto, edgeBase + path.edges.length) - edgeBase),
    });
    // Each path extends an earlier one: the chain ends (a malformed one is cut).
    const from = path.from;
    if (!from || !(from.path >= 0 && from.path < p)) break;
    upto = Math.min(upto, base);
    edgesUpto = Math.min(edgesUpto, edgeBase);
    p = from.path;
  }
  const steps: ScriptStep[] = [];
  const edges: string[] = [];
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    for (let s = 0; s < part.steps; s++) steps.push(part.path.steps[s]);
    for (let e = 0; e < part.edges; e++) edges.push(part.path.edges[e]);
  }
  return { edges, end: paths[index].end, steps };
}

/** The shortest path to `node` written whole, in either form (undefined when there is none). */
export function expandShortest(
  shortest: Readonly<Record<string, ShortestPath>>,
  node: string,
): ShortestPath | undefined {
  const chain: ShortestPath[] = [];
  const seen = new Set<string>();
  for (let n: string | undefined = node; n !== undefined && !seen.has(n); ) {
    seen.add(n);
    const path: ShortestPath | undefined = Object.hasOwn(shortest, n) ? shortest[n] : undefined;
    if (!path) break;
    chain.push(path);
    n = path.from;
  }
  if (chain.length === 0) return undefined;
  const steps: ScriptStep[] = [];
  const edges: string[] = [];
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const s of chain[i].steps) steps.push(s);
    for (const e of chain[i].edges) edges.push(e);
  }
  return { edges, steps };
}

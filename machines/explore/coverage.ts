// A small set of paths that together take every edge (issue 5, item 1): greedy walks from the
// first step. A walk takes an uncovered edge of its step when one keeps it inside the flow,
// else follows the shortest route to the nearest step that has one; when none is left it
// ends through an uncovered edge into an end (routing to one if needed), else the nearest end.
//
// Linear in the flow (issue 10): the walks write into one tree of script steps, so paths that
// share a prefix share it; a walk that would start by routing from the first step to the
// nearest step with an uncovered edge starts at that step's node in the breadth-first tree of
// scripts instead (the same route, not walked again); "the first uncovered edge of a step" is
// a cursor, not a scan; a route inside a walk looks at `coverageRouteBudget` edges at most.
import type { Experience } from "../format/schema.ts";
import type { FlowEdge } from "../graph/flow-graph.ts";
import { coverageRouteBudget } from "../semantics.ts";
import type { IndexedGraph } from "./graph-index.ts";
import type { ScriptSetup } from "./script-setup.ts";
import { endwardEdges, forwardEdges, forwardTree, routeTo, scriptTree } from "./search.ts";
import { PathTree, PathWalker } from "./walker.ts";

export type { CoveragePath } from "./path-forms.ts";

/** A coverage path: its last node in the tree of script steps, and the node it ends on (an
 *  end, or a step when no end could be reached). */
export interface CoverageLeaf {
  node: number;
  end: string;
}

export interface Coverage {
  /** The script steps of every path (shared with the shortest paths when given). */
  tree: PathTree;
  paths: CoverageLeaf[];
  /** Edges no path can take (their step is not reachable from the first step). */
  untakable: string[];
  /** Reachable edges no walk could take: on a step a URL trigger leaves the moment it shows
   *  (its page matches), or on steps only such a step leads to. */
  missed: string[];
}

/** Edges whose step the first step reaches (a `stays` or `previous` edge included). */
export function takableEdges(g: IndexedGraph): Set<string> {
  const reachable = new Set(forwardTree(g).order);
  return new Set(g.graph.edges.filter((e) => reachable.has(e.from)).map((e) => e.id));
}

/** Keeps the flow on a step (or may): stays, previous, or a step target. */
function isInner(g: IndexedGraph, edge: FlowEdge): boolean {
  return Boolean(edge.stays || edge.back) || g.stepIndex.has(edge.to);
}

/** A step's edges in one order (stays first), with a cursor past the covered ones. */
class EdgeQueue {
  private cursor = 0;
  constructor(readonly edges: FlowEdge[]) {}
  /** The first uncovered edge (and its place), or undefined. */
  first(open: Uint8Array, number: Map<FlowEdge, number>): FlowEdge | undefined {
    while (this.cursor < this.edges.length) {
      const edge = this.edges[this.cursor];
      if (open[number.get(edge) as number]) return edge;
      this.cursor++;
    }
    return undefined;
  }
}

/**
 * Uncovered edges. Per step: how many are left (inner ones too), and cursors over its edges
 * (all of them; inner ones but `previous`; `previous` ones), so "the first uncovered edge of
 * this step" costs O(1) amortised whatever the step's number of edges (issue 10).
 */
class Uncovered {
  size = 0;
  /** Uncovered edges that keep the flow on a step, over all steps. */
  innerLeft = 0;
  private readonly open: Uint8Array;
  /** Per edge (graph order): keeps the flow on a step. */
  private readonly innerEdge: Uint8Array;
  private readonly number = new Map<FlowEdge, number>();
  private readonly byId = new Map<string, FlowEdge>();
  /** Each edge's place among its step's edges (the order `pick` prefers). */
  private readonly place = new Map<FlowEdge, number>();
  private readonly inner: Int32Array;
  private readonly any: Int32Array;
  private readonly all: EdgeQueue[];
  private readonly innerForward: EdgeQueue[];
  private readonly back: EdgeQueue[];

  constructor(
    private readonly g: IndexedGraph,
    takable: Set<string>,
  ) {
    this.open = new Uint8Array(g.graph.edges.length);
    g.graph.edges.forEach((e, i) => {
      this.number.set(e, i);
      this.byId.set(e.id, e);
    });
    this.inner = new Int32Array(g.steps.length);
    this.any = new Int32Array(g.steps.length);
    const lists = g.steps.map((_, s) => [...g.staying[s], ...g.moving[s]]);
    for (const list of lists) {
      list.forEach((e, i) => {
        this.place.set(e, i);
      });
    }
    this.all = lists.map((list) => new EdgeQueue(list));
    this.innerForward = lists.map(
      (list) => new EdgeQueue(list.filter((e) => !e.back && isInner(g, e))),
    );
    this.back = lists.map((list) => new EdgeQueue(list.filter((e) => e.back)));
    this.innerEdge = new Uint8Array(g.graph.edges.length);
    g.graph.edges.forEach((e, i) => {
      this.innerEdge[i] = isInner(g, e) ? 1 : 0;
    });
    for (const id of takable) {
      const edge = this.byId.get(id) as FlowEdge;
      const i = this.number.get(edge) as number;
      this.open[i] = 1;
      this.size++;
      this.bump(edge, 1, this.innerEdge[i] === 1);
    }
  }

  private bump(edge: FlowEdge, by: number, inner: boolean): void {
    const step = this.g.stepIndex.get(edge.from);
    if (step === undefined) return;
    this.any[step] += by;
    if (!inner) return;
    this.inner[step] += by;
    this.innerLeft += by;
  }

  isOpen(id: string): boolean {
    const edge = this.byId.get(id);
    return edge !== undefined && this.open[this.number.get(edge) as number] === 1;
  }

  cover(id: string): void {
    const edge = this.byId.get(id);
    if (!edge) return;
    const i = this.number.get(edge) as number;
    if (!this.open[i]) return;
    this.open[i] = 0;
    this.size--;
    this.bump(edge, -1, this.innerEdge[i] === 1);
  }

  hasInner(node: string): boolean {
    const step = this.g.stepIndex.get(node);
    return step !== undefined && this.inner[step] > 0;
  }

  hasAny(node: string): boolean {
    const step = this.g.stepIndex.get(node);
    return step !== undefined && this.any[step] > 0;
  }

  /** The step's first uncovered edge. */
  first(node: string): FlowEdge | undefined {
    const step = this.g.stepIndex.get(node);
    if (step === undefined || this.any[step] === 0) return undefined;
    return this.all[step].first(this.open, this.number);
  }

  /** The step's first uncovered edge that keeps the flow on a step (a `previous` only when
   *  `canGoBack`: it moves only with a step below on the visit stack). */
  firstInner(node: string, canGoBack: boolean): FlowEdge | undefined {
    const step = this.g.stepIndex.get(node);
    if (step === undefined || this.inner[step] === 0) return undefined;
    const forward = this.innerForward[step].first(this.open, this.number);
    const back = canGoBack ? this.back[step].first(this.open, this.number) : undefined;
    if (!forward || !back) return forward ?? back;
    return (this.place.get(forward) as number) < (this.place.get(back) as number) ? forward : back;
  }

  /** Every uncovered edge of the step (to say which are missed). */
  at(node: string): FlowEdge[] {
    const step = this.g.stepIndex.get(node);
    if (step === undefined || this.any[step] === 0) return [];
    return this.all[step].edges.filter((e) => this.open[this.number.get(e) as number]);
  }

  /** Uncovered edge ids, in graph order. */
  ids(): string[] {
    return this.g.graph.edges.filter((_, i) => this.open[i]).map((e) => e.id);
  }
}

const isUrlTrigger = (edge: FlowEdge) => edge.via.on !== undefined && "url" in edge.via.on;

/** What the walks share: the flow, the open edges, the tree and where walks may start. */
interface WalkContext {
  g: IndexedGraph;
  open: Uncovered;
  tree: PathTree;
  /** Per step: the edge towards the nearest end. */
  endward: (FlowEdge | undefined)[];
  /** Steps in breadth-first order from the first step (itself left out). */
  order: string[];
  /** A graph node → its node in the breadth-first tree of scripts. */
  scripts: Map<string, number>;
  /** Tree nodes whose edges from the launch are all covered already. */
  accounted: Uint8Array;
  /** Cursors into `order`: no step before them has an uncovered (inner) edge. */
  orderAt: { inner: number; any: number };
}

class CoverageWalk {
  /** A route being followed from `planAt` on (dropped if the walk leaves it). */
  private plan: FlowEdge[] = [];
  private planAt = 0;
  /** The node the last route chosen leads to (the walk was heading there for its edges). */
  goal: string | undefined;
  private started = false;

  constructor(
    private readonly c: WalkContext,
    readonly walker: PathWalker,
    /** Route around URL triggers: the page they leave the walk on may fire the goal's own. */
    private readonly avoidUrlRoutes = false,
  ) {}

  /** The next edge to take from the walker's node, or undefined when stuck. */
  pick(): FlowEdge | undefined {
    const { open } = this.c;
    const first = !this.started;
    this.started = true;
    const here = this.walker.node;
    const planned = this.resume(here);
    if (planned) return planned;
    const inner = open.firstInner(here, this.walker.depth >= 2);
    if (inner) return inner;
    const openHere = open.first(here);
    if (first && this.startFurther(openHere !== undefined)) return this.pick();
    // From the launch (no shortest script reaches the goal) a route may cross the whole flow,
    // once per walk; inside a walk, routes are short or given up.
    const whole = first;
    const route =
      (open.innerLeft > 0 ? this.routeWhere((n) => open.hasInner(n), whole) : undefined) ??
      (openHere ? undefined : this.routeWhere((n) => open.hasAny(n), whole));
    if (route) return this.follow(route);
    if (openHere) return openHere;
    const step = this.c.g.stepIndex.get(here);
    return (
      (step === undefined ? undefined : this.c.endward[step]) ?? forwardEdges(this.c.g, here)[0]
    );
  }

  /**
   * At the launch, a walk would route to the first step (breadth-first) with an uncovered
   * edge: it starts at that step's shortest script instead. False when it cannot (the launch
   * is not on the first step, or no script reaches that step).
   */
  private startFurther(openHere: boolean): boolean {
    const c = this.c;
    if (this.avoidUrlRoutes || this.walker.at !== 0 || this.walker.node !== c.g.graph.initial) {
      return false;
    }
    const target =
      c.open.innerLeft > 0
        ? this.firstInOrder("inner", (n) => c.open.hasInner(n))
        : openHere
          ? undefined
          : this.firstInOrder("any", (n) => c.open.hasAny(n));
    const node = target === undefined ? undefined : c.scripts.get(target);
    if (node === undefined || c.tree.state[node].node !== target) return false;
    this.walker.goTo(node);
    this.goal = target;
    coverPrefix(c, node);
    return true;
  }

  private firstInOrder(which: "inner" | "any", has: (node: string) => boolean): string | undefined {
    const { order, orderAt } = this.c;
    while (orderAt[which] < order.length && !has(order[orderAt[which]])) orderAt[which]++;
    return order[orderAt[which]];
  }

  /**
   * The route's next edge from `here`. The engine may have moved the walk on by itself (a
   * URL trigger matching the page): the route goes on from where the walk now is.
   */
  private resume(here: string): FlowEdge | undefined {
    for (let i = this.planAt; i < this.plan.length; i++) {
      if (this.plan[i].from !== here) continue;
      this.planAt = i + 1;
      return this.plan[i];
    }
    this.plan = [];
    return undefined;
  }

  private routeWhere(goal: (node: string) => boolean, whole: boolean): FlowEdge[] | undefined {
    const here = this.walker.node;
    const avoid = this.avoidUrlRoutes ? isUrlTrigger : undefined;
    // Walks around URL triggers are rare retries: they may search the whole flow.
    const maxEdges = whole || this.avoidUrlRoutes ? undefined : coverageRouteBudget;
    const route = routeTo(this.c.g, here, (n) => n !== here && goal(n), { avoid, maxEdges });
    return route && route.length > 0 ? route : undefined;
  }

  private follow(route: FlowEdge[]): FlowEdge {
    this.goal = route[route.length - 1].to;
    this.plan = route;
    this.planAt = 1;
    return route[0];
  }
}

/** Room in `accounted` for every node of the tree. */
function grow(c: WalkContext): void {
  if (c.accounted.length >= c.tree.size) return;
  const grown = new Uint8Array(Math.max(c.tree.size, c.accounted.length * 2));
  grown.set(c.accounted);
  c.accounted = grown;
}

/** Covers the edges of the tree path to `node`, walking up only to a node already done. */
function coverPrefix(c: WalkContext, node: number): void {
  grow(c);
  for (let n = node; n >= 0 && !c.accounted[n]; n = c.tree.parent[n]) {
    for (const id of c.tree.edges[n]) c.open.cover(id);
    c.accounted[n] = 1;
  }
}

/** One greedy walk from the launch, covering the edges it takes as it goes. */
function walkOnce(c: WalkContext, walk: CoverageWalk, maxSteps: number) {
  const walker = walk.walker;
  const before = c.open.size;
  coverPrefix(c, walker.at);
  for (let n = 0; n < maxSteps && walker.onStep(); n++) {
    const edge = walk.pick();
    if (!edge) break;
    for (const id of walker.take(edge)) c.open.cover(id);
    // Its parent was accounted for, and its own edges are covered now.
    grow(c);
    c.accounted[walker.at] = 1;
  }
  const path: CoverageLeaf = { node: walker.at, end: walker.node };
  return { progressed: c.open.size < before, goal: walk.goal, path };
}

export interface CoverageOptions {
  /** Told the takable edges covered so far after each path (progress bars only). */
  onProgress?: (done: number, total: number) => void;
  /** Write into this tree (shared with the shortest paths); a new one by default. */
  tree?: PathTree;
  /** The breadth-first tree of scripts in `tree`, when already known. */
  scripts?: Map<string, number>;
}

/** Greedy coverage; every path is followed by a PathWalker, so its script matches it. */
export function coverage(
  g: IndexedGraph,
  experience: Experience,
  setup: ScriptSetup,
  options: CoverageOptions = {},
): Coverage {
  const { onProgress } = options;
  const tree = options.tree ?? new PathTree();
  const newWalker = () => new PathWalker(g, experience, setup, tree);
  const takable = takableEdges(g);
  const open = new Uncovered(g, takable);
  const paths: CoverageLeaf[] = [];
  onProgress?.(0, takable.size);
  const missed: string[] = [];
  const maxSteps = 4 * g.graph.edges.length + 64;
  const scripts = options.scripts ?? scriptTree(g, newWalker());
  const c: WalkContext = {
    g,
    open,
    tree,
    endward: endwardEdges(g),
    order: forwardTree(g)
      .order.slice(1)
      .filter((n) => g.stepIndex.has(n)),
    scripts,
    accounted: new Uint8Array(Math.max(16, tree.size * 2)),
    orderAt: { inner: 0, any: 0 },
  };
  const walk = (avoidUrlRoutes: boolean) =>
    walkOnce(c, new CoverageWalk(c, newWalker(), avoidUrlRoutes), maxSteps);
  while (open.size > 0) {
    let attempt = walk(false);
    if (!attempt.progressed) {
      // A walk that covers nothing new would repeat forever. The engine kept it from the step
      // it was heading to (a URL trigger fired the moment that step showed): try once more
      // around URL triggers, then that step's uncovered edges are missed and the walks go on.
      const first = attempt.goal;
      attempt = walk(true);
      if (!attempt.progressed) {
        const goal = attempt.goal ?? first;
        const stuck = goal ? open.at(goal) : [];
        if (stuck.length === 0) break;
        for (const edge of stuck) {
          open.cover(edge.id);
          missed.push(edge.id);
        }
        continue;
      }
    }
    paths.push(attempt.path);
    onProgress?.(takable.size - open.size, takable.size);
  }
  onProgress?.(takable.size, takable.size);
  const untakable = g.graph.edges.filter((e) => !takable.has(e.id)).map((e) => e.id);
  const notTaken = [...missed, ...open.ids()];
  // An edge given up on may still be taken by a later path, beside another (two triggers
  // that one click fires): then it is covered, not missed.
  const taken = notTaken.length > 0 ? edgesOnPaths(tree, paths) : new Set<string>();
  return { tree, paths, untakable, missed: notTaken.filter((id) => !taken.has(id)) };
}

/** Every edge the paths take: each tree node on a path is visited once, leaf to root. */
function edgesOnPaths(tree: PathTree, paths: readonly CoverageLeaf[]): Set<string> {
  const seen = new Uint8Array(tree.size);
  const edges = new Set<string>();
  for (const { node } of paths) {
    for (let n = node; n >= 0 && !seen[n]; n = tree.parent[n]) {
      seen[n] = 1;
      for (const id of tree.edges[n]) edges.add(id);
    }
  }
  return edges;
}

// A small set of paths that together take every edge (issue 5, item 1): greedy walks from the
// first step. A walk takes an uncovered edge of its step when one keeps it inside the flow,
// else follows the shortest route to the nearest step that has one; when none is left it
// ends through an uncovered edge into an end (routing to one if needed), else the nearest end.
// Routes are followed whole, so the work is one breadth-first search per route, not per step.
import type { Experience } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import type { FlowEdge } from "../graph/flow-graph.ts";
import type { IndexedGraph } from "./graph-index.ts";
import type { ScriptSetup } from "./script-setup.ts";
import { forwardEdges, reachableNodes, routeTo } from "./search.ts";
import { PathWalker } from "./walker.ts";

export interface CoveragePath {
  /** Edge ids in the order the path takes them (those the engine takes by itself too). */
  edges: string[];
  /** The node the path ends on: an end, or a step when no end could be reached. */
  end: string;
  /** SPEC §4 script steps, from the launch on. */
  steps: ScriptStep[];
}

export interface Coverage {
  paths: CoveragePath[];
  /** Edges no path can take (their step is not reachable from the first step). */
  untakable: string[];
  /** Reachable edges no walk could take: on a step a URL trigger leaves the moment it shows
   *  (its page matches), or on steps only such a step leads to. */
  missed: string[];
}

/** Edges whose step the first step reaches (a `stays` or `previous` edge included). */
export function takableEdges(g: IndexedGraph): Set<string> {
  const reachable = reachableNodes(g);
  return new Set(g.graph.edges.filter((e) => reachable.has(e.from)).map((e) => e.id));
}

/** Uncovered edges, with per-step counters so "does this step still have one?" is O(1). */
class Uncovered {
  readonly ids: Set<string>;
  private readonly inner = new Map<string, number>();
  /** Uncovered edges that keep the flow on a step, over all steps. */
  innerLeft = 0;
  private readonly any = new Map<string, number>();
  private readonly byId: Map<string, FlowEdge>;

  constructor(
    private readonly g: IndexedGraph,
    takable: Set<string>,
  ) {
    this.ids = new Set(takable);
    this.byId = new Map(g.graph.edges.map((e) => [e.id, e]));
    for (const id of takable) this.bump(this.byId.get(id) as FlowEdge, 1);
  }

  /** Keeps the flow on a step (or may): stays, previous, or a step target. */
  isInner(edge: FlowEdge): boolean {
    return Boolean(edge.stays || edge.back) || this.g.stepIndex.has(edge.to);
  }

  private bump(edge: FlowEdge, by: number): void {
    this.any.set(edge.from, (this.any.get(edge.from) ?? 0) + by);
    if (!this.isInner(edge)) return;
    this.inner.set(edge.from, (this.inner.get(edge.from) ?? 0) + by);
    this.innerLeft += by;
  }

  cover(id: string): void {
    if (!this.ids.delete(id)) return;
    this.bump(this.byId.get(id) as FlowEdge, -1);
  }

  hasInner(node: string): boolean {
    return (this.inner.get(node) ?? 0) > 0;
  }

  hasAny(node: string): boolean {
    return (this.any.get(node) ?? 0) > 0;
  }

  at(node: string): FlowEdge[] {
    const step = this.g.stepIndex.get(node);
    if (step === undefined || !this.hasAny(node)) return [];
    return [...this.g.staying[step], ...this.g.moving[step]].filter((e) => this.ids.has(e.id));
  }
}

const isUrlTrigger = (edge: FlowEdge) => edge.via.on !== undefined && "url" in edge.via.on;

class CoverageWalk {
  /** A route being followed from `planAt` on (dropped if the walk leaves it). */
  private plan: FlowEdge[] = [];
  private planAt = 0;
  /** The node the last route chosen leads to (the walk was heading there for its edges). */
  goal: string | undefined;

  constructor(
    private readonly g: IndexedGraph,
    private readonly open: Uncovered,
    readonly walker: PathWalker,
    /** Route around URL triggers: the page they leave the walk on may fire the goal's own. */
    private readonly avoidUrlRoutes = false,
  ) {}

  /** The next edge to take from the walker's node, or undefined when stuck. */
  pick(): FlowEdge | undefined {
    const here = this.walker.node;
    const planned = this.resume(here);
    if (planned) return planned;
    const open = this.open.at(here);
    const inner = open.find((e) => this.open.isInner(e) && (!e.back || this.walker.moves(e)));
    if (inner) return inner;
    const route =
      (this.open.innerLeft > 0 ? this.routeWhere((n) => this.open.hasInner(n)) : undefined) ??
      (open[0] ? undefined : this.routeWhere((n) => this.open.hasAny(n)));
    if (route) return this.follow(route);
    if (open[0]) return open[0];
    const toEnd = routeTo(this.g, here, (n) => !this.g.stepIndex.has(n));
    return toEnd?.[0] ?? forwardEdges(this.g, here)[0];
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

  private routeWhere(goal: (node: string) => boolean): FlowEdge[] | undefined {
    const here = this.walker.node;
    const avoid = this.avoidUrlRoutes ? isUrlTrigger : undefined;
    const route = routeTo(this.g, here, (n) => n !== here && goal(n), avoid);
    return route && route.length > 0 ? route : undefined;
  }

  private follow(route: FlowEdge[]): FlowEdge {
    this.goal = route[route.length - 1].to;
    this.plan = route;
    this.planAt = 1;
    return route[0];
  }
}

/** One greedy walk from the first step, covering the edges it takes as it goes. */
function walkOnce(walk: CoverageWalk, { open, maxSteps }: { open: Uncovered; maxSteps: number }) {
  const walker = walk.walker;
  const before = open.ids.size;
  let seen = 0;
  const coverTaken = () => {
    for (; seen < walker.edges.length; seen++) open.cover(walker.edges[seen]);
  };
  coverTaken();
  for (let n = 0; n < maxSteps && walker.onStep(); n++) {
    const edge = walk.pick();
    if (!edge) break;
    walker.take(edge);
    coverTaken();
  }
  const path: CoveragePath = { edges: [...walker.edges], end: walker.node, steps: walker.steps };
  return { progressed: open.ids.size < before, goal: walk.goal, path };
}

/**
 * Greedy coverage; every path is followed by a PathWalker, so its script matches it.
 * `onProgress` is told the takable edges covered so far after each path (progress bars only).
 */
export function coverage(
  g: IndexedGraph,
  experience: Experience,
  setup: ScriptSetup,
  onProgress?: (done: number, total: number) => void,
): Coverage {
  const takable = takableEdges(g);
  const open = new Uncovered(g, takable);
  const paths: CoveragePath[] = [];
  onProgress?.(0, takable.size);
  const missed: string[] = [];
  const maxSteps = 4 * g.graph.edges.length + 64;
  const walk = (avoidUrlRoutes: boolean) =>
    walkOnce(new CoverageWalk(g, open, new PathWalker(g, experience, setup), avoidUrlRoutes), {
      open,
      maxSteps,
    });
  while (open.ids.size > 0) {
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
    onProgress?.(takable.size - open.ids.size, takable.size);
  }
  onProgress?.(takable.size, takable.size);
  const untakable = g.graph.edges.filter((e) => !takable.has(e.id)).map((e) => e.id);
  return { paths, untakable, missed: [...missed, ...open.ids] };
}

// A flow graph indexed for the explorers: step indices, moving edges per step, the end nodes
// as a vector layout, and strongly connected groups (back edges count as edges to every step
// they may return to).
import type { FlowEdge, FlowGraph } from "../graph/flow-graph.ts";
import { stronglyConnected } from "../model/strongly-connected.ts";

export interface IndexedGraph {
  graph: FlowGraph;
  /** Step ids in graph order; a step's number is its index here. */
  steps: string[];
  stepIndex: Map<string, number>;
  /** End node ids (completed, dismissed, snoozed, launched:…): a count vector's layout. */
  ends: string[];
  endIndex: Map<string, number>;
  /** Per step: the edges that move the flow (every edge but `stays`). */
  moving: FlowEdge[][];
  /** Per step: its forward edges (moving, `previous` excluded). */
  forward: FlowEdge[][];
  /** Per step: its `stays` edges. */
  staying: FlowEdge[][];
  /** Per step: its strongly connected group, and whether that group has a cycle. */
  component: number[];
  cyclic: boolean[];
  hasBackEdges: boolean;
  /** Groups in reverse topological order (a group's successors come before it). */
  components: number[][];
}

export interface IndexOptions {
  /** Count `previous` edges as edges to the steps they may return to (default true). */
  back?: boolean;
}

const indexCache = new WeakMap<FlowGraph, { back?: IndexedGraph; forward?: IndexedGraph }>();

/** Indexes a flow graph (once per graph and option: the explorers ask for it several times). */
export function indexGraph(graph: FlowGraph, options: IndexOptions = {}): IndexedGraph {
  const withBack = options.back ?? true;
  let cached = indexCache.get(graph);
  if (!cached) {
    cached = {};
    indexCache.set(graph, cached);
  }
  const which = withBack ? "back" : "forward";
  cached[which] ??= buildIndex(graph, withBack);
  return cached[which];
}

function buildIndex(graph: FlowGraph, withBack: boolean): IndexedGraph {
  const steps = graph.nodes.filter((n) => n.kind === "step").map((n) => n.id);
  const stepIndex = new Map(steps.map((id, i) => [id, i]));
  const ends = graph.nodes.filter((n) => n.kind !== "step").map((n) => n.id);
  const endIndex = new Map(ends.map((id, i) => [id, i]));
  const moving: FlowEdge[][] = steps.map(() => []);
  const staying: FlowEdge[][] = steps.map(() => []);
  for (const edge of graph.edges) {
    const from = stepIndex.get(edge.from);
    if (from === undefined) continue;
    (edge.stays ? staying : moving)[from].push(edge);
  }
  const successors = steps.map((_, i) =>
    stepSuccessors(withBack ? moving[i] : moving[i].filter((e) => !e.back), stepIndex),
  );
  const { component, components } = stronglyConnected(successors);
  const cyclic = components.map((members) =>
    members.length > 1 ? true : successors[members[0]].includes(members[0]),
  );
  return {
    graph,
    steps,
    stepIndex,
    ends,
    endIndex,
    moving,
    staying,
    forward: moving.map((edges) => edges.filter((e) => !e.back)),
    component,
    cyclic: component.map((c) => cyclic[c]),
    hasBackEdges: withBack && graph.edges.some((e) => e.back),
    components,
  };
}

/** Step successors of a step's moving edges (a back edge: every step it may return to). */
function stepSuccessors(edges: readonly FlowEdge[], stepIndex: Map<string, number>): number[] {
  const out: number[] = [];
  for (const edge of edges) {
    const targets = edge.back ? (edge.backTargets ?? []) : [edge.to];
    for (const t of targets) {
      const i = stepIndex.get(t);
      if (i !== undefined) out.push(i);
    }
  }
  return out;
}

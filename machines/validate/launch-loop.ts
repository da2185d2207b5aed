// Stage f: experiences that launch each other in a cycle (a → b → a). One warning per cycle
// group (strongly connected component), at the launch that starts the shortest cycle
// through the group's first experience. Iterative throughout: no recursion on project size.
import type { Project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { stronglyConnected } from "../model/strongly-connected.ts";
import { loopBound } from "../semantics.ts";
import { diagnose } from "./codes.ts";
import type { ActionList } from "./places.ts";

interface Edge {
  to: number;
  /** The launchExperience action: its list and index (its pointer is built for a report). */
  list: ActionList;
  index: number;
}

/** Which experience launches which: filled list by list, then searched for loops. */
export class LaunchGraph {
  readonly edges: Edge[][];
  private readonly indexOf = new Map<string, number>();

  constructor(project: Project) {
    project.experiences.forEach((experience, i) => {
      if (!this.indexOf.has(experience.id)) this.indexOf.set(experience.id, i);
    });
    this.edges = project.experiences.map(() => []);
  }

  /** The launches of one list, if it belongs to an experience. */
  add(list: ActionList): void {
    const from = list.experienceIndex;
    if (from === undefined) return;
    const actions = list.actions;
    for (let index = 0; index < actions.length; index++) {
      const action = actions[index];
      if (action.type !== "launchExperience") continue;
      const to = this.indexOf.get(action.experience);
      if (to !== undefined) this.edges[from].push({ to, list, index });
    }
  }
}

export function launchLoopDiagnostics(project: Project, launches: LaunchGraph): Diagnostic[] {
  const graph = launches.edges;
  const out: Diagnostic[] = [];
  for (const component of stronglyConnectedCycles(graph)) {
    const start = component.reduce((a, b) => Math.min(a, b));
    const members = new Set(component);
    const cycle = shortestCycle(graph, start, members);
    if (!cycle) continue;
    const names = [...cycle.nodes, start].map((i) => project.experiences[i].id).join(" → ");
    out.push(
      diagnose(
        "launchLoop",
        `These experiences launch each other in a loop: ${names}; the simulator stops such chains after ${loopBound} launches. Break the loop or make sure the audience or recurrence ends it.`,
        `${cycle.firstEdge.list.pointer}/${cycle.firstEdge.index}`,
      ),
    );
  }
  return out;
}

/** Groups that hold a cycle: more than one member, or a launch of itself. */
function stronglyConnectedCycles(graph: readonly Edge[][]): number[][] {
  const { components } = stronglyConnected(graph.map((edges) => edges.map((edge) => edge.to)));
  return components.filter(
    (members) => members.length > 1 || graph[members[0]].some((edge) => edge.to === members[0]),
  );
}

/** Breadth-first from `start` back to it inside the component: the nodes in order. */
function shortestCycle(
  graph: readonly Edge[][],
  start: number,
  members: ReadonlySet<number>,
): { nodes: number[]; firstEdge: Edge } | undefined {
  const previous = new Map<number, { from: number; edge: Edge }>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    for (const edge of graph[node]) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) return unwind(previous, start, node, edge);
      if (previous.has(edge.to)) continue;
      previous.set(edge.to, { from: node, edge });
      queue.push(edge.to);
    }
  }
  return undefined;
}

function unwind(
  previous: ReadonlyMap<number, { from: number; edge: Edge }>,
  start: number,
  last: number,
  closing: Edge,
): { nodes: number[]; firstEdge: Edge } {
  const nodes = [last];
  let firstEdge = closing;
  let node = last;
  while (node !== start) {
    const step = previous.get(node) as { from: number; edge: Edge };
    firstEdge = step.edge;
    node = step.from;
    nodes.unshift(node);
  }
  return { nodes, firstEdge };
}

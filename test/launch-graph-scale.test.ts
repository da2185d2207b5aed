// The launch graph at scale (issue 10, item 8): a dense graph of 90,000 launch edges in a
// few seconds, with exactly the cycles the earlier, quadratic search found (kept below as
// the reference).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { denseLaunchProject } from "../bench/generate.ts";
import { project as projectSchema } from "../machines/format/schema.ts";
import { type LaunchEdge, launchGraph } from "../machines/graph/launch-graph.ts";
import { postOrder } from "../machines/graph/post-order.ts";
import { projectArb } from "./arbitraries.ts";

describe("launchGraph at scale", () => {
  it("300 experiences launching each other (90,000 edges) in a few seconds", () => {
    const project = projectSchema.parse(denseLaunchProject(300));
    const graph = launchGraph(project);
    expect(graph.edges).toHaveLength(90_000);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(90_000);
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles[0].nodes).toEqual(["experience:tour-1", "experience:tour-1"]);
    expect(graph.cycles[0].members).toHaveLength(300);
    // Generous for shared machines: the quadratic search took about a minute.
  });

  it("finds the same cycles as the reference search, on generated projects", () => {
    fc.assert(
      fc.property(projectArb, (input) => {
        const graph = launchGraph(projectSchema.parse(input));
        const reference = referenceCycles(
          graph.nodes.map((n) => n.id),
          graph.edges,
        );
        expect(graph.cycles).toEqual(reference);
        expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
      }),
      { numRuns: 300 },
    );
  });
});

// ------------------------------------------------------------- the reference (quadratic)

function referenceShortestCycle(
  start: string,
  members: Set<string>,
  edges: readonly LaunchEdge[],
): LaunchEdge[] | undefined {
  const via = new Map<string, LaunchEdge>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of edges) {
      if (edge.from !== queue[head] || !members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let node = edge.from; node !== start; ) {
          const back = via.get(node) as LaunchEdge;
          path.unshift(back);
          node = back.from;
        }
        return path;
      }
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return undefined;
}

function referenceGroups(nodes: readonly string[], edges: readonly LaunchEdge[]): string[][] {
  const out = new Map(nodes.map((n) => [n, [] as string[]]));
  const into = new Map(nodes.map((n) => [n, [] as string[]]));
  for (const e of edges) {
    out.get(e.from)?.push(e.to);
    into.get(e.to)?.push(e.from);
  }
  const assigned = new Set<string>();
  const result: string[][] = [];
  for (const root of postOrder(nodes, out).reverse()) {
    if (assigned.has(root)) continue;
    const members: string[] = [];
    const stack = [root];
    assigned.add(root);
    while (stack.length > 0) {
      const node = stack.pop() as string;
      members.push(node);
      for (const prev of into.get(node) ?? []) {
        if (!assigned.has(prev)) {
          assigned.add(prev);
          stack.push(prev);
        }
      }
    }
    result.push(members);
  }
  return result;
}

function referenceCycles(nodes: readonly string[], edges: readonly LaunchEdge[]) {
  const cycles = [];
  for (const members of referenceGroups(nodes, edges)) {
    const set = new Set(members);
    const selfLoop = edges.find((e) => e.from === e.to && set.has(e.from));
    if (members.length === 1 && !selfLoop) continue;
    let best: LaunchEdge[] | undefined;
    for (const start of members.sort()) {
      const cycle = referenceShortestCycle(start, set, edges);
      if (cycle && (!best || cycle.length < best.length)) best = cycle;
    }
    if (!best) continue;
    cycles.push({
      nodes: [...best.map((e) => e.from), best[0].from],
      edges: best.map((e) => e.id),
      closing: best[best.length - 1].id,
      members: [...members].sort(),
    });
  }
  return cycles;
}

// Property tests of the path explorer on generated projects (test/arbitraries.ts): the
// counts bound the listed simple paths from above, and equal them when the flow has no cycle;
// the greedy coverage takes every transition the first step reaches (unless the engine
// moves on by itself).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesPage } from "../machines/engine/glob.ts";
import { countPaths } from "../machines/explore/count.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { flowGraph } from "../machines/graph/flow-graph.ts";
import { projectArb } from "./arbitraries.ts";

const limit = 500;

describe("paths on generated projects", () => {
  it("counts ≥ listed simple paths (under the limit), and = when the graph has no cycle", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const report = explorePaths(project, experience.id, { simpleLimit: limit });
          if (report.simple.truncated) continue;
          const listed = report.simple.paths.length;
          const counts = countPaths(flowGraph(project, experience.id));
          expect(counts.total).toBeGreaterThanOrEqual(BigInt(listed));
          if (counts.acyclic) expect(counts.total).toBe(BigInt(listed));
          // Per end too: the sum of the parts is the total.
          expect(counts.completed + counts.dismissed + counts.snoozed + counts.launched).toBe(
            counts.total,
          );
        }
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it("coverage takes every transition the first step reaches, and only those are untakable", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const report = explorePaths(project, experience.id, { simpleLimit: 10 });
          // The only walks that can miss: a URL trigger matching every start page fires by
          // itself the moment its step shows, so the rest of that step cannot be reached.
          if (report.missed.length > 0) {
            const urls = experience.steps.flatMap((s) =>
              s.triggers.flatMap((t) => ("url" in t.on ? [t.on.url] : [])),
            );
            expect(urls.some((u) => matchesPage(u, report.setup.start.url))).toBe(true);
          }
          const covered = new Set(report.coverage.flatMap((p) => p.edges));
          const graph = flowGraph(project, experience.id);
          for (const edge of graph.edges) {
            const accounted = [
              covered.has(edge.id),
              report.untakable.includes(edge.id),
              report.missed.includes(edge.id),
            ];
            expect(accounted.filter(Boolean)).toEqual([true]);
          }
        }
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });
});

// `paths` (issue 5, item 1): exact counts (2^k for k two-way branches, past 2^53 too), counts
// that agree with a brute-force enumeration, shortest paths, coverage checked by REPLAYING
// every path with the engine, simple paths with a limit, and untakable transitions.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { branchSurveyInput } from "../bench/generate.ts";
import { countPaths } from "../machines/explore/count.ts";
import { explorePaths, jsonCount } from "../machines/explore/paths.ts";
import { replayScript } from "../machines/explore/replay.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { type FlowGraph, flowGraph } from "../machines/graph/flow-graph.ts";

const examplesDir = join(import.meta.dirname, "..", "examples");
const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));

function example(name: string): Project {
  return projectSchema.parse(JSON.parse(readFileSync(join(examplesDir, name), "utf8")));
}

/** The survey of k two-way branches (shared with the bench). */
const branchSurvey = (k: number): Project => projectSchema.parse(branchSurveyInput(k));

/**
 * Brute force: every path followed one by one with its visit counts and visit stack (the
 * definition of a path that count.ts memoises), each step entered at most `revisits` times.
 */
function bruteForce(graph: FlowGraph, revisits: number): Record<string, number> {
  const ends: Record<string, number> = {};
  const isStep = new Set(graph.nodes.filter((n) => n.kind === "step").map((n) => n.id));
  const walk = (node: string, visits: Map<string, number>, stack: string[]) => {
    if (!isStep.has(node)) {
      ends[node] = (ends[node] ?? 0) + 1;
      return;
    }
    for (const edge of graph.edges.filter((e) => e.from === node && !e.stays)) {
      let target = edge.to;
      let nextStack = [...stack, edge.to];
      if (edge.back) {
        if (stack.length < 2) continue;
        target = stack[stack.length - 2];
        nextStack = stack.slice(0, -1);
      }
      if (!isStep.has(target)) {
        walk(target, visits, stack);
        continue;
      }
      const seen = visits.get(target) ?? 0;
      if (seen >= revisits) continue;
      walk(target, new Map(visits).set(target, seen + 1), nextStack);
    }
  };
  if (isStep.has(graph.initial))
    walk(graph.initial, new Map([[graph.initial, 1]]), [graph.initial]);
  else ends[graph.initial] = 1;
  return ends;
}

describe("path counts", () => {
  it.each([10, 30, 60])(
    "a survey of %i two-way branches has exactly 2^k paths to completed",
    (k) => {
      const graph = flowGraph(branchSurvey(k), "branches");
      const started = performance.now();
      const counts = countPaths(graph);
      const elapsed = performance.now() - started;
      expect(counts.completed).toBe(2n ** BigInt(k));
      // A cross on every step: 2^(i-1) paths reach choice i, 2^i reach its pair.
      expect(counts.dismissed).toBe(3n * 2n ** BigInt(k) - 3n);
      expect(counts.acyclic).toBe(true);
      expect(elapsed).toBeLessThan(200);
    },
  );

  it("JSON counts are numbers up to 2^53 − 1 and exact decimal strings past it", () => {
    expect(jsonCount(2n ** 53n - 1n)).toBe(9007199254740991);
    expect(jsonCount(2n ** 53n)).toBe("9007199254740992");
    const report = explorePaths(branchSurvey(60), "branches", { simpleLimit: 5 });
    expect(report.count.completed).toBe("1152921504606846976");
    expect(report.count.total).toBe((2n ** 60n + 3n * 2n ** 60n - 3n).toString());
    const small = explorePaths(branchSurvey(30), "branches", { simpleLimit: 5 });
    expect(small.count.completed).toBe(2 ** 30);
  });

  it.each(exampleFiles)(
    "%s: counts agree with a brute-force enumeration (revisits 1–3)",
    (file) => {
      const project = example(file);
      for (const experience of project.experiences) {
        const graph = flowGraph(project, experience.id);
        for (const revisits of [1, 2, 3]) {
          const counts = countPaths(graph, { revisits });
          const brute = bruteForce(graph, revisits);
          const launched = Object.entries(brute)
            .filter(([id]) => id.startsWith("launched:"))
            .reduce((sum, [, n]) => sum + n, 0);
          expect({
            completed: Number(counts.completed),
            dismissed: Number(counts.dismissed),
            snoozed: Number(counts.snoozed),
            launched: Number(counts.launched),
          }).toEqual({
            completed: brute.completed ?? 0,
            dismissed: brute.dismissed ?? 0,
            snoozed: brute.snoozed ?? 0,
            launched,
          });
        }
      }
    },
  );

  it("cycles are bounded by the revisit bound: more revisits, more paths", () => {
    const graph = flowGraph(example("onboarding-tour.json"), "workspace-onboarding");
    const [one, two, three] = [1, 2, 3].map((r) => countPaths(graph, { revisits: r }).total);
    expect(one).toBeLessThan(two);
    expect(two).toBeLessThan(three);
  });
});

describe("coverage, replayed by the engine", () => {
  for (const file of exampleFiles) {
    const project = example(file);
    for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
      it(`${file} ${experience.id}: the coverage paths take every transition`, () => {
        const report = explorePaths(project, experience.id);
        const taken = new Set<string>();
        for (const path of report.coverage) {
          const replayed = replayScript(project, report.setup, path.steps);
          const edges = replayed.taken[experience.id] ?? [];
          // The engine takes exactly the transitions the path says, in order…
          expect(edges).toEqual(path.edges);
          for (const id of edges) taken.add(id);
          // …and ends where it says (a launch out dismisses the flow).
          const status = replayed.result.experiences[experience.id].status;
          expect(status).toBe(path.end.startsWith("launched:") ? "dismissed" : path.end);
        }
        const all = flowGraph(project, experience.id).edges.map((e) => e.id);
        expect([...taken].sort()).toEqual(
          all.filter((id) => !report.untakable.includes(id)).sort(),
        );
        expect(report.missed).toEqual([]);
      });
    }
  }
});

/** One experience of plain steps; each step: its URL triggers (pattern → actions), CTAs. */
function urlTriggerTour(
  steps: { triggers?: [string, unknown[]][]; ctas?: unknown[][]; fallback?: boolean }[],
  kind: "modal" | "nps" = "modal",
): Project {
  return projectSchema.parse({
    version: 1,
    experiences: [
      {
        id: "e",
        type: kind === "nps" ? "survey" : "tour",
        status: "live",
        steps: steps.map((step, i) => ({
          id: `s${i}`,
          kind,
          ctas: (step.ctas ?? []).map((actions, j) => ({ id: `c${j}`, label: "Go", actions })),
          triggers: (step.triggers ?? []).map(([url, actions], j) => ({
            id: `t${j}`,
            on: { url },
            actions,
          })),
          ...(step.fallback ? { fallback: [] } : {}),
        })),
      },
    ],
  });
}

/** Every edge of the report's coverage, replayed by the engine. */
function coveredByReplay(project: Project, report: ReturnType<typeof explorePaths>): Set<string> {
  const taken = new Set<string>();
  for (const path of report.coverage) {
    for (const id of replayScript(project, report.setup, path.steps).taken.e ?? []) taken.add(id);
  }
  return taken;
}

describe("coverage when a URL trigger leaves a step the moment it shows", () => {
  const next = [{ type: "goToStep", step: "next" }];

  it("a step left at once does not stop the walks: earlier steps keep their crosses", () => {
    // s3's `*` trigger dismisses it whatever the page: its other edges are missed, not the
    // crosses of s0–s2 (the walks used to stop at the first walk that covered nothing).
    const project = urlTriggerTour(
      [{}, {}, {}, { triggers: [["*", [{ type: "dismiss" }]]], fallback: true }],
      "nps",
    );
    const report = explorePaths(project, "e");
    const taken = coveredByReplay(project, report);
    for (const id of ["s0/cross", "s1/cross", "s2/cross"]) expect(taken).toContain(id);
    expect(report.missed.sort()).toEqual(["s3/cross", "s3/fallback"]);
  });

  it("the walks route around a URL trigger whose page would make the goal's own fire", () => {
    // s0 → s1 by the URL trigger opens "/", where s2's trigger fires; the fallback route
    // (s0 → s1 → s2 by answers) reaches s2 on the start page, so its cross is takable.
    const project = urlTriggerTour(
      [{ triggers: [["/", next]] }, {}, { triggers: [["/", next]] }, {}],
      "nps",
    );
    const report = explorePaths(project, "e");
    expect(report.missed).toEqual([]);
    expect(coveredByReplay(project, report)).toContain("s2/cross");
  });

  it("with a `*` trigger somewhere, the start page avoids the first step's triggers", () => {
    // s2's `*` matches every page; starting on "/" would fire s0's "/" trigger at the launch.
    const project = urlTriggerTour([
      {
        triggers: [
          ["/a", next],
          ["/", [{ type: "dismiss" }]],
        ],
      },
      { ctas: [[{ type: "navigateTo", url: "/a", openIn: "sameTab" }]] },
      { triggers: [["*", []]] },
    ]);
    const report = explorePaths(project, "e");
    expect(report.setup.start.url).not.toBe("/");
    expect(report.missed).toEqual([]);
    expect(coveredByReplay(project, report)).toContain("s1/cta/c0");
  });
});

describe("shortest and simple paths", () => {
  it("the shortest path to each end is no longer than any simple path to it", () => {
    const report = explorePaths(example("nps-survey.json"), "quarterly-nps");
    const graph = flowGraph(example("nps-survey.json"), "quarterly-nps");
    const endOf = (path: string[]) => graph.edges.find((e) => e.id === path[path.length - 1])?.to;
    for (const end of ["completed", "dismissed"]) {
      const lengths = report.simple.paths.filter((p) => endOf(p) === end).map((p) => p.length);
      expect(report.shortest[end].edges.length).toBe(Math.min(...lengths));
    }
    expect(report.shortest.completed.steps).toEqual([
      { do: "launch", experience: "quarterly-nps" },
      { do: "answer", value: 9, experience: "quarterly-nps" },
      { do: "click", cta: "done", experience: "quarterly-nps" },
    ]);
  });

  it("simple paths stop at the limit and say so", () => {
    const report = explorePaths(branchSurvey(12), "branches", { simpleLimit: 100 });
    expect(report.simple.paths).toHaveLength(100);
    expect(report.simple.truncated).toBe(true);
    const all = explorePaths(branchSurvey(3), "branches", { simpleLimit: 1000 });
    expect(all.simple.truncated).toBe(false);
    expect(all.simple.paths.length).toBe(
      Number(countPaths(flowGraph(branchSurvey(3), "branches")).total),
    );
  });

  it("transitions of a step nothing leads to are untakable", () => {
    const project = projectSchema.parse({
      version: 1,
      experiences: [
        {
          id: "t",
          type: "tour",
          status: "live",
          steps: [
            {
              id: "a",
              kind: "modal",
              ctas: [{ id: "done", label: "D", actions: [{ type: "goToStep", step: "complete" }] }],
            },
            {
              id: "orphan",
              kind: "modal",
              ctas: [{ id: "x", label: "X", actions: [{ type: "dismiss" }] }],
            },
          ],
        },
      ],
    });
    const report = explorePaths(project, "t");
    expect(report.untakable).toEqual(["orphan/cta/x", "orphan/cross"]);
    expect(report.coverage.flatMap((p) => p.edges).sort()).toEqual(["a/cross", "a/cta/done"]);
  });
});

describe("parts left out", () => {
  it("without shortest and simple paths, counts and coverage are the same and the rest says so", () => {
    const project = example("nps-survey.json");
    const whole = explorePaths(project, "quarterly-nps");
    const part = explorePaths(project, "quarterly-nps", {
      parts: { shortest: false, simple: false },
    });
    expect(part.count).toEqual(whole.count);
    expect(part.coverage).toEqual(whole.coverage);
    expect(part.omitted).toEqual(["shortest", "simple"]);
    expect(part.shortest).toEqual({});
    expect(whole.omitted).toBeUndefined();
    expect(Object.keys(whole.shortest).length).toBeGreaterThan(0);
  });
});

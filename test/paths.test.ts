// `paths` (issue 5, item 1): exact counts (2^k for k two-way branches, past 2^53 too), counts
// that agree with a brute-force enumeration, shortest paths, coverage checked by REPLAYING
// every path with the engine, simple paths with a limit, and untakable transitions.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  branchSurveyInput,
  fullyConnectedTourInput,
  launchingTourInput,
  linearTourInput,
  wideStepInput,
} from "../bench/generate.ts";
import { countPaths } from "../machines/explore/count.ts";
import { coverage } from "../machines/explore/coverage.ts";
import { coverageRecordings } from "../machines/explore/export.ts";
import { indexGraph } from "../machines/explore/graph-index.ts";
import {
  coverageForm,
  coverageLength,
  expandCoverage,
  expandShortest,
  shortestForm,
} from "../machines/explore/path-forms.ts";
import { explorePaths, jsonCount } from "../machines/explore/paths.ts";
import { replayScript } from "../machines/explore/replay.ts";
import { scriptSetup } from "../machines/explore/script-setup.ts";
import { scriptTree } from "../machines/explore/search.ts";
import { PathTree, PathWalker } from "../machines/explore/walker.ts";
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
      const counts = countPaths(graph);
      expect(counts.completed).toBe(2n ** BigInt(k));
      // A cross on every step: 2^(i-1) paths reach choice i, 2^i reach its pair.
      expect(counts.dismissed).toBe(3n * 2n ** BigInt(k) - 3n);
      expect(counts.acyclic).toBe(true);
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

// Issue 10: every input of the audit is a regression test here (behaviour, not speed: the
// bench times them). Generous timeouts: the machine running the tests may be busy.
describe("big and dense flows (issue 10)", () => {
  const big = { timeout: 120_000 };

  it(
    "a 10,000-step linear tour: exact counts, every transition covered, paths share prefixes",
    big,
    () => {
      const n = 10_000;
      const project = projectSchema.parse(linearTourInput(n));
      const report = explorePaths(project, "t");
      expect(report.count).toEqual({
        total: n + 1,
        completed: 1,
        dismissed: n,
        snoozed: 0,
        launched: 0,
      });
      expect(report.countDetail).toMatchObject({ exact: true, reduced: false, acyclic: true });
      // One path through every "Next", then one per cross: n + 1 paths of ~n²/2 steps in all,
      // written in the shared form (each path: the one it extends, and its own steps).
      expect(report.coverage).toHaveLength(n + 1);
      expect(report.shared).toEqual(["shortest", "coverage"]);
      expect(report.missed).toEqual([]);
      expect(report.untakable).toEqual([]);
      const ownSteps = report.coverage.reduce((sum, p) => sum + p.steps.length, 0);
      expect(ownSteps).toBeLessThanOrEqual(3 * n);
      // The report stays linear in the tour (the whole paths would be gigabytes).
      expect(JSON.stringify(report).length).toBeLessThan(1_000 * n);
      const last = expandCoverage(report.coverage, n);
      expect(last.steps).toHaveLength(n + 1);
      expect(coverageLength(report.coverage, n)).toBe(n + 1);
      expect(last.steps.at(-1)).toEqual({ do: "close", experience: "t" });
      expect(last.edges.at(-1)).toBe(`s${n - 1}/cross`);
      const taken = new Set<string>();
      report.coverage.forEach((_, i) => {
        for (const id of expandCoverage(report.coverage, i, {
          edges: Number.POSITIVE_INFINITY,
        }).edges.slice(-1))
          taken.add(id);
      });
      expect(taken.size).toBe(n + 1);
      const toLast = expandShortest(report.shortest, `s${n - 1}`);
      expect(toLast?.steps).toHaveLength(n);
      expect(report.simple.truncated).toBe(true);
    },
  );

  it("a 5,000-step tour launching an experience from every step: one count per end", big, () => {
    const n = 5_000;
    const graph = flowGraph(projectSchema.parse(launchingTourInput(n)), "t");
    const counts = countPaths(graph);
    expect(counts).toMatchObject({ completed: 1n, dismissed: BigInt(n), launched: BigInt(n) });
    expect(Object.keys(counts.launchedTo)).toHaveLength(n);
    expect(counts.launchedTo[`e${n - 1}`]).toBe(1n);
  });

  it("a tour with a Back on every step falls back to simple paths (reduced), exactly", big, () => {
    const project = projectSchema.parse(linearTourInput(2_000, { back: true }));
    // Asked for two visits per step, which costs too much: counted with one, and said.
    const report = explorePaths(project, "t", { parts: { simple: false }, revisits: 2 });
    expect(report.countDetail).toMatchObject({ revisits: 1, reduced: true, exact: true });
    expect(report.count.total).toBe(2_001);
    expect(report.missed).toEqual([]);
  });

  it("10,000 CTAs on one step: exact counts and every CTA covered", big, () => {
    const n = 10_000;
    const project = projectSchema.parse(wideStepInput(n));
    const report = explorePaths(project, "t");
    expect(report.count).toMatchObject({ completed: n, dismissed: n / 2 + 1 });
    const covered = new Set(
      report.coverage.flatMap((_, i) => expandCoverage(report.coverage, i).edges),
    );
    expect(covered.size).toBe(n + 3);
    expect(report.missed).toEqual([]);
  });

  it("a revisit bound of 400 on the onboarding example: an answer, not a stack overflow", () => {
    const project = example("onboarding-tour.json");
    const report = explorePaths(project, "workspace-onboarding", { revisits: 400 });
    expect(report.countDetail.exact).toBe(true);
    expect(report.countDetail.reduced).toBe(true);
    expect(report.count.total).toBe(
      Number(countPaths(flowGraph(project, "workspace-onboarding"), { revisits: 1 }).total),
    );
  });

  it("deep counting is a loop: 20,000 visits of one step are counted exactly", () => {
    // One step whose CTA re-enters it: every path is k re-entries then "done" or the cross.
    const project = projectSchema.parse({
      version: 1,
      experiences: [
        {
          id: "t",
          type: "tour",
          status: "live",
          steps: [
            {
              id: "s",
              kind: "modal",
              ctas: [
                { id: "again", label: "Again", actions: [{ type: "goToStep", step: "s" }] },
                { id: "done", label: "Done", actions: [{ type: "goToStep", step: "complete" }] },
              ],
            },
          ],
        },
      ],
    });
    const counts = countPaths(flowGraph(project, "t"), { revisits: 20_000 });
    expect(counts).toMatchObject({ exact: true, reduced: false, revisits: 20_000 });
    expect(counts.completed).toBe(20_000n);
    expect(counts.dismissed).toBe(20_000n);
  });

  it(
    "a fully connected 30-step tour: lower bounds past the budget, shortest and coverage whole",
    big,
    () => {
      const project = projectSchema.parse(fullyConnectedTourInput(30));
      const report = explorePaths(project, "t");
      expect(report.countDetail).toMatchObject({ exact: false, reduced: false, revisits: 1 });
      // Lower bounds: real paths, at least one per way out of the first step.
      expect(BigInt(report.count.total)).toBeGreaterThan(30n);
      expect(Object.keys(report.shortest)).toHaveLength(30 + 2); // steps, completed, dismissed
      expect(report.missed).toEqual([]);
      const covered = new Set(report.coverage.flatMap((p) => p.edges));
      expect(covered.size).toBe(report.edges);
      // A budget no count fits in still gives an answer: the paths that leave at once.
      const tiny = countPaths(flowGraph(project, "t"), { budget: 10 });
      expect(tiny.exact).toBe(false);
      expect(tiny.total).toBeGreaterThanOrEqual(2n);
    },
  );

  it("lower bounds never exceed the exact count", () => {
    const graph = flowGraph(example("onboarding-tour.json"), "workspace-onboarding");
    const exact = countPaths(graph, { revisits: 3 });
    for (const budget of [1, 50, 500, 5_000]) {
      const bound = countPaths(graph, { revisits: 3, budget });
      if (bound.exact) continue;
      expect(bound.total).toBeLessThanOrEqual(exact.total);
      expect(bound.completed).toBeLessThanOrEqual(exact.completed);
      expect(bound.dismissed).toBeLessThanOrEqual(exact.dismissed);
    }
  });
});

describe("the two forms of a report's paths", () => {
  it.each(exampleFiles)("%s: the shared form expands to the whole form", (file) => {
    const project = example(file);
    for (const experience of project.experiences.filter((e) => e.type !== "checklist")) {
      const g = indexGraph(flowGraph(project, experience.id));
      const setup = scriptSetup(project, experience);
      const tree = new PathTree();
      const scripts = scriptTree(g, new PathWalker(g, experience, setup, tree));
      const cover = coverage(g, experience, setup, { tree, scripts });
      const whole = coverageForm(tree, cover.paths, Number.POSITIVE_INFINITY);
      const shared = coverageForm(tree, cover.paths, 0);
      expect(whole.shared).toBe(false);
      expect(shared.shared).toBe(cover.paths.length > 0);
      whole.paths.forEach((path, i) => {
        expect(expandCoverage(shared.paths, i)).toEqual(path);
        expect(coverageLength(shared.paths, i)).toBe(path.steps.length);
        const start = expandCoverage(shared.paths, i, { steps: 2, edges: 1 });
        expect(start.steps).toEqual(path.steps.slice(0, 2));
        expect(start.edges).toEqual(path.edges.slice(0, 1));
      });
      // Exported recordings are the same from either form.
      const record = (paths: typeof whole.paths) =>
        coverageRecordings(project, experience.id, setup, paths, "p.json");
      expect(record(shared.paths)).toEqual(record(whole.paths));
      const wholeShortest = shortestForm(tree, scripts, Number.POSITIVE_INFINITY).paths;
      const sharedShortest = shortestForm(tree, scripts, 0).paths;
      for (const [node, path] of Object.entries(wholeShortest)) {
        expect(expandShortest(sharedShortest, node)).toEqual(path);
      }
    }
  });
});

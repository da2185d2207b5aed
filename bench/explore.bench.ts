// The explorers against xstate/graph on the same machines (issue 5): exact path counting vs
// getSimplePaths on k two-way-branch surveys, counting alone at k = 60, the coverage set vs
// getShortestPaths on a generated 1,000-step tour, and the race explorer on a 7-action list.
import { getShortestPaths, getSimplePaths } from "xstate/graph";
import { compileExperience } from "../machines/compile/index.ts";
import { countPaths } from "../machines/explore/count.ts";
import { coverage } from "../machines/explore/coverage.ts";
import { indexGraph } from "../machines/explore/graph-index.ts";
import { exploreRaces } from "../machines/explore/races.ts";
import { scriptSetup } from "../machines/explore/script-setup.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { flowGraph } from "../machines/graph/flow-graph.ts";
import {
  branchSurveyInput,
  generateProject,
  racyProjectInput,
  sevenRacingActions,
} from "./generate.ts";
import { type BenchSuite, formatTable, type Measurement, measure, ms } from "./harness.ts";

/** Targets from the issue. */
export const exploreTargets = { ratioAtK14: 100, countK60Ms: 50, race7Ms: 50 } as const;

/** The k two-way branches survey (bench/generate.ts), parsed. */
export const branchSurvey = (k: number): Project => projectSchema.parse(branchSurveyInput(k));

/** A tour whose CTA fires 7 actions that interfere (5,040 completion orders). */
export const racySevenProject = (): Project =>
  projectSchema.parse(racyProjectInput(sevenRacingActions));

/** States of a flow machine are plain names: serialise just that (no context to grow). */
const serializeState = (state: { value: unknown }) => JSON.stringify(state.value);

function countingRow(k: number, log: (line: string) => void): { ratio: number; rows: string[][] } {
  const project = branchSurvey(k);
  const graph = flowGraph(project, "branches");
  const machine = compileExperience(project, "branches");
  const ours = measure(`countPaths k=${k}`, () => countPaths(graph), { warmup: 3, iterations: 20 });
  const iterations = k >= 14 ? 2 : 5;
  const theirs = measure(
    `getSimplePaths k=${k}`,
    () => getSimplePaths(machine, { serializeState }),
    {
      warmup: 1,
      iterations,
    },
  );
  const counted = countPaths(graph).completed;
  const listed = getSimplePaths(machine, { serializeState }).filter(
    (p) => p.state.value === "completed",
  ).length;
  if (BigInt(listed) !== counted)
    log(`!! k=${k}: getSimplePaths lists ${listed} paths to completed, counted ${counted}`);
  const ratio = theirs.medianMs / ours.medianMs;
  return {
    ratio,
    rows: [
      [
        `k=${k}`,
        counted.toString(),
        ms(ours.medianMs),
        ms(theirs.medianMs),
        `${ratio.toFixed(0)}×`,
      ],
    ],
  };
}

function coverageRows(log: (line: string) => void): string[][] {
  const project = projectSchema.parse(
    generateProject({ tours: 1, stepsPerTour: 1_000, surveys: 0 }),
  );
  const experience = project.experiences[0];
  const graph = flowGraph(project, experience.id);
  const indexed = indexGraph(graph);
  const setup = scriptSetup(project, experience);
  const machine = compileExperience(project, experience.id);
  const ours = measure("coverage", () => coverage(indexed, experience, setup), {
    warmup: 1,
    iterations: 3,
  });
  const theirs = measure("getShortestPaths", () => getShortestPaths(machine, { serializeState }), {
    warmup: 1,
    iterations: 3,
  });
  const cover = coverage(indexed, experience, setup);
  const shortest = getShortestPaths(machine, { serializeState });
  const covered = new Set(cover.paths.flatMap((p) => p.edges)).size;
  const taken = new Set(shortest.flatMap((p) => p.steps.map((s) => s.event.type))).size;
  log(
    `1,000-step tour: ${graph.edges.length} transitions; coverage: ${cover.paths.length} paths take ${covered}; ` +
      `getShortestPaths: ${shortest.length} paths take ${taken} (it reaches states, not transitions)`,
  );
  const row = (m: Measurement, paths: number, edges: number) => [
    m.name,
    String(paths),
    String(edges),
    ms(m.medianMs),
  ];
  return [row(ours, cover.paths.length, covered), row(theirs, shortest.length, taken)];
}

export const exploreSuite: BenchSuite = {
  name: "explore",
  description: "path counting, coverage and races vs xstate/graph on the same machines",
  run(log) {
    const counting: string[][] = [];
    let ratioAt14 = 0;
    for (const k of [8, 12, 14]) {
      const { ratio, rows } = countingRow(k, log);
      counting.push(...rows);
      if (k === 14) ratioAt14 = ratio;
    }
    log(
      formatTable(
        ["survey", "paths to completed", "countPaths", "getSimplePaths", "ratio"],
        counting,
      ),
    );
    const k60graph = flowGraph(branchSurvey(60), "branches");
    const k60 = measure("countPaths k=60", () => countPaths(k60graph), {
      warmup: 3,
      iterations: 20,
    });
    const k60all = measure(
      "flowGraph + countPaths k=60",
      () => countPaths(flowGraph(branchSurvey(60), "branches")),
      {
        warmup: 2,
        iterations: 10,
      },
    );
    log(
      `k=60: ${countPaths(k60graph).completed} paths to completed; count ${ms(k60.p95Ms)} p95, with graph build ${ms(k60all.medianMs)}`,
    );
    log("");
    log(
      formatTable(["1,000-step tour", "paths", "transitions taken", "median"], coverageRows(log)),
    );
    const racy = racySevenProject();
    const races = measure("races, 7 actions", () => exploreRaces(racy), {
      warmup: 3,
      iterations: 20,
    });
    const report = exploreRaces(racy);
    log("");
    log(
      `races: ${report.racy[0]?.orders ?? 0} orders of 7 actions → ${report.racy[0]?.outcomes.length ?? 0} outcomes, ` +
        `${ms(races.medianMs)} median, ${ms(races.p95Ms)} p95 (engine setup and replay of each outcome included)`,
    );
    const checks: [boolean, string][] = [
      [
        ratioAt14 >= exploreTargets.ratioAtK14,
        `path counting ${ratioAt14.toFixed(0)}× faster than getSimplePaths at k=14 (target ≥ ${exploreTargets.ratioAtK14}×)`,
      ],
      [
        k60.p95Ms < exploreTargets.countK60Ms,
        `counting k=60 p95 ${ms(k60.p95Ms)} (target < ${exploreTargets.countK60Ms} ms)`,
      ],
      [
        races.p95Ms < exploreTargets.race7Ms,
        `races on 7 actions p95 ${ms(races.p95Ms)} (target < ${exploreTargets.race7Ms} ms)`,
      ],
    ];
    for (const [met, text] of checks) log(`${met ? "PASS" : "MISS"}  ${text}`);
    return { targetsMet: checks.every(([met]) => met) };
  },
};

// The explorers against xstate/graph on the same machines (issue 5): exact path counting vs
// getSimplePaths on k two-way-branch surveys, counting alone at k = 60, the coverage set vs
// getShortestPaths on a generated 1,000-step tour, and the race explorer on a 7-action list.
// Issue 10's scaling rows: `paths` on tours of 1,000 and 10,000 steps, in the CLI and in the
// app's worker, each in a child process of its own (time, peak memory, output size), with
// the growth against the previous size (linear growth is the target).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { getShortestPaths, getSimplePaths } from "xstate/graph";
import { handleExplore } from "../app/explore/explore-handler.ts";
import type { ExploreAnswer } from "../app/explore/explore-protocol.ts";
import type { CliIo } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";
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
  linearTourInput,
  racyProjectInput,
  sevenRacingActions,
} from "./generate.ts";
import { type BenchSuite, formatTable, type Measurement, measure, ms } from "./harness.ts";

/** Targets from the issues (5; 10: a 10,000-step tour's paths in under 5 s and 1 GB). */
export const exploreTargets = {
  ratioAtK14: 100,
  countK60Ms: 50,
  race7Ms: 50,
  tour10kMs: 5_000,
  tour10kMb: 1_024,
  /** CPU time growth from 1,000 to 10,000 steps at most (linear: ~10; quadratic: ~100). */
  tourGrowth: 20,
} as const;

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
  const covered = new Set(cover.paths.flatMap((p) => cover.tree.expand(p.node).edges)).size;
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

// ------------------------------------------------------------ issue 10: paths at scale

/** The tours of the scaling rows (bench/generate.ts), by name. */
const scaleTours = {
  /** The linear tour: "Next" and the cross on every step. */
  linear: (steps: number) => linearTourInput(steps),
  /** A generated onboarding tour: Back, Next, skip-ahead, click and URL triggers. */
  generated: (steps: number) => generateProject({ tours: 1, stepsPerTour: steps, surveys: 0 }),
} as const;
type ScaleTour = keyof typeof scaleTours;
type ScaleWhere = "cli" | "worker";

interface ScaleRun {
  ms: number;
  cpuMs: number;
  /** The process's peak resident memory (MB), and its growth during the run. */
  peakMb: number;
  grewMb: number;
  heapMb: number;
  /** Bytes printed (CLI --json) or posted (the worker's answers, as JSON). */
  bytes: number;
  total: string;
  exact: boolean;
  coverage: number;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** "10001", or "3.7e2043" for a count too long for a table cell. */
const shortCount = (digits: string) =>
  digits.length <= 12 ? digits : `${digits[0]}.${digits[1]}e${digits.length - 1}`;

/**
 * One scaling run, in this (child) process: `paths --json` through the CLI's own code, or the
 * worker's handler with the panel's request (counts and coverage) and the answers it posts.
 */
async function scaleRun(tour: ScaleTour, where: ScaleWhere, steps: number): Promise<ScaleRun> {
  const input = scaleTours[tour](steps);
  const experience = input.experiences?.[0]?.id ?? "t";
  const dir = mkdtempSync(join(tmpdir(), "flowscope-bench-paths-"));
  const file = join(dir, "tour.json");
  writeFileSync(file, JSON.stringify(input));
  const before = process.resourceUsage().maxRSS * 1024;
  const cpu = process.cpuUsage();
  const started = performance.now();
  let bytes = 0;
  let report:
    | { count: { total: number | string }; countDetail: { exact: boolean }; coverage: unknown[] }
    | undefined;
  if (where === "cli") {
    let out = "";
    const io: CliIo = {
      out: (text) => {
        out += text;
      },
      err: () => {},
      color: false,
      env: {},
    };
    await runCli(["paths", file, "--experience", experience, "--json"], io);
    bytes = out.length;
    report = JSON.parse(out);
  } else {
    const project = projectSchema.parse(input);
    const answers: ExploreAnswer[] = [];
    const post = (answer: ExploreAnswer) => answers.push(structuredClone(answer));
    handleExplore(
      {
        type: "explore",
        id: 1,
        project,
        experienceId: experience,
        want: { paths: true, races: false },
      },
      post,
    );
    bytes = JSON.stringify(answers).length;
    const paths = answers.find((a) => a.type === "paths");
    if (paths?.type === "paths" && paths.outcome.ok) report = paths.outcome.report;
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const peak = process.resourceUsage().maxRSS * 1024;
  rmSync(dir, { recursive: true, force: true });
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakMb: mb(peak),
    grewMb: mb(peak - before),
    heapMb: mb(process.memoryUsage().heapUsed),
    bytes,
    total: String(report?.count.total ?? "?"),
    exact: report?.countDetail.exact ?? false,
    coverage: report?.coverage.length ?? 0,
  };
}

const thisFile = fileURLToPath(import.meta.url);

/** Runs scaleRun in a fresh process, so that each row's peak memory is its own. */
function scaleChild(tour: ScaleTour, where: ScaleWhere, steps: number): ScaleRun {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, thisFile, "--paths-scale", tour, where, String(steps)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  if (child.status !== 0 || !last.startsWith("{")) {
    throw new Error(`paths scale run ${tour} ${where} ${steps} failed: ${child.stderr}`);
  }
  return JSON.parse(last) as ScaleRun;
}

function scaleRows(log: (line: string) => void): { rows: string[][]; checks: [boolean, string][] } {
  const rows: string[][] = [];
  const checks: [boolean, string][] = [];
  for (const tour of Object.keys(scaleTours) as ScaleTour[]) {
    for (const where of ["cli", "worker"] as const) {
      let previous: { steps: number; run: ScaleRun } | null = null;
      for (const steps of [1_000, 10_000]) {
        const run = scaleChild(tour, where, steps);
        const growth = previous
          ? `×${(run.cpuMs / previous.run.cpuMs).toFixed(1)} CPU, ×${(run.grewMb / Math.max(1, previous.run.grewMb)).toFixed(1)} memory for ×${steps / previous.steps} steps`
          : "";
        rows.push([
          `paths on a ${steps.toLocaleString("en-US")}-step ${tour} tour (${where === "cli" ? "CLI --json" : "worker"})`,
          `${run.exact ? "" : "≥ "}${shortCount(run.total)}`,
          String(run.coverage),
          ms(run.ms),
          ms(run.cpuMs),
          `${run.peakMb.toFixed(0)} MB`,
          `${run.grewMb.toFixed(0)} MB`,
          `${(run.bytes / 1e6).toFixed(1)} MB`,
          growth,
        ]);
        // The targets are for the tour; the generated one is for comparison.
        if (tour === "linear" && steps === 10_000) {
          checks.push([
            run.ms < exploreTargets.tour10kMs && run.peakMb < exploreTargets.tour10kMb,
            `paths on a 10,000-step ${tour} tour (${where}): ${ms(run.ms)}, ${run.peakMb.toFixed(0)} MB peak (target < ${exploreTargets.tour10kMs} ms, < ${exploreTargets.tour10kMb} MB)`,
          ]);
        }
        if (tour === "linear" && previous) {
          // CPU time: wall time swings with whatever else the machine runs.
          const ratio = run.cpuMs / previous.run.cpuMs;
          checks.push([
            ratio <= exploreTargets.tourGrowth,
            `paths on a ${tour} tour (${where}): ×${ratio.toFixed(1)} CPU time from 1,000 to 10,000 steps (target ≤ ×${exploreTargets.tourGrowth}; linear ×10)`,
          ]);
        }
        previous = { steps, run };
      }
    }
  }
  log(
    "Each row in a process of its own: wall and CPU time, the process's peak resident memory and its growth during the run, the JSON printed or posted; growth in CPU time.",
  );
  return { rows, checks };
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
    log("");
    const scale = scaleRows(log);
    log(
      formatTable(
        ["tour", "paths", "coverage", "wall", "cpu", "peak RSS", "grew", "output", "growth"],
        scale.rows,
      ),
    );
    checks.push(...scale.checks);
    for (const [met, text] of checks) log(`${met ? "PASS" : "MISS"}  ${text}`);
    return { targetsMet: checks.every(([met]) => met) };
  },
};

// A scaling run's child process: `tsx bench/explore.bench.ts --paths-scale <tour> <where> <n>`.
if (process.argv[1] === thisFile && process.argv[2] === "--paths-scale") {
  const [tour, where, steps] = process.argv.slice(3);
  const run = await scaleRun(tour as ScaleTour, where as ScaleWhere, Number(steps));
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

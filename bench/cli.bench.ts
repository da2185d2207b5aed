// The command line as CI runs it (issue 11): 1,000 recordings replayed in one call of the
// prebuilt CLI, and the cold start of one command (`validate`), each a real process. Baselines
// from the same run: `node -e 0` (Node's own start, the floor) and the same commands through
// tsx (what `npm run flowscope` cost before the prebuilt CLI).
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchSuite, formatTable, ms, percentile } from "./harness.ts";

export const replayTargetMs = 5_000;
export const coldStartTargetMs = 300;
const recordingCount = 1_000;

const root = join(import.meta.dirname, "..");
const bundle = join(root, "dist-cli", "flowscope.js");
const example = "examples/nps-survey.json";

interface Timed {
  name: string;
  /** Wall clock, ascending. */
  samples: number[];
  /** CPU time (user + system, every thread) of the same runs, ascending. */
  cpu: number[];
}

/**
 * A preload that reports the process's CPU time on exit: on a loaded machine (2 cores shared
 * with other work) the wall clock of a short process says more about the load than about us.
 */
const cpuPreload = `process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  require("node:fs").writeSync(2, "\\nflowscope-bench-cpu " + (user + system) / 1000 + "\\n");
});`;
let preloadFile = "";

/** Wall time of `runs` sequential spawns of `node args…` (after one untimed warm-up). */
function time(name: string, args: readonly string[], runs: number, expectCode = 0): Timed {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, ["--require", preloadFile, ...args], {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, NO_COLOR: "1" },
      maxBuffer: 256 * 1024 * 1024,
    });
    const elapsed = performance.now() - started;
    if (run.status !== expectCode) {
      throw new Error(`${name}: exit ${run.status}, expected ${expectCode}\n${run.stderr}`);
    }
    const reported = /flowscope-bench-cpu ([\d.]+)/.exec(String(run.stderr))?.[1];
    if (i > 0) {
      samples.push(elapsed);
      cpu.push(Number(reported));
    }
  }
  const ascending = (a: number, b: number) => a - b;
  return { name, samples: samples.sort(ascending), cpu: cpu.sort(ascending) };
}

/** 1,000 recordings: the 12 examples over and over, each naming its project absolutely. */
function writeRecordings(dir: string): void {
  const folder = join(root, "examples", "recordings");
  const sources = readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(folder, name), "utf8")));
  for (let i = 0; i < recordingCount; i++) {
    const source = sources[i % sources.length];
    const recording = { ...source, project: join(folder, source.project) };
    const sub = join(dir, `batch-${String(Math.floor(i / 100)).padStart(2, "0")}`);
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, `recording-${String(i).padStart(4, "0")}.json`),
      JSON.stringify(recording, null, 2),
    );
  }
}

export const cliSuite: BenchSuite = {
  name: "cli",
  description: `the prebuilt CLI: ${recordingCount.toLocaleString("en-US")} recordings in one replay call, and validate's cold start`,
  run(log) {
    if (!existsSync(bundle)) {
      log("dist-cli/flowscope.js is missing: building it (npm run build:cli)");
      execFileSync(
        process.execPath,
        [
          join(root, "node_modules", "vite", "bin", "vite.js"),
          "build",
          "--config",
          "vite.cli.config.ts",
        ],
        { cwd: root, stdio: "pipe" },
      );
    }
    const dir = mkdtempSync(join(tmpdir(), "flowscope-bench-cli-"));
    try {
      preloadFile = join(dir, "cpu-preload.cjs");
      writeFileSync(preloadFile, cpuPreload);
      writeRecordings(join(dir, "recordings"));
      const floor = time("node -e 0 (Node's own start)", ["-e", "0"], 10);
      const cold = time(
        "validate, prebuilt (node dist-cli/flowscope.js)",
        [bundle, "validate", example],
        10,
      );
      const coldTsx = time(
        "validate through tsx (node --import tsx cli/main.ts)",
        ["--import", "tsx", "cli/main.ts", "validate", example],
        3,
      );
      const replay = time(
        `replay ${recordingCount} recordings, prebuilt, one call`,
        [bundle, "replay", dir],
        3,
      );
      const replayJunit = time(
        `replay ${recordingCount} recordings --reporter junit, prebuilt`,
        [bundle, "replay", dir, "--reporter", "junit"],
        3,
      );
      const rows = [floor, cold, coldTsx, replay, replayJunit];
      log(
        formatTable(
          ["", "runs", "median", "p95", "min", "CPU median", "× node -e 0"],
          rows.map((row) => [
            row.name,
            String(row.samples.length),
            ms(percentile(row.samples, 50)),
            ms(percentile(row.samples, 95)),
            ms(row.samples[0]),
            ms(percentile(row.cpu, 50)),
            `${(percentile(row.samples, 50) / percentile(floor.samples, 50)).toFixed(1)}×`,
          ]),
        ),
      );
      const coldMedian = percentile(cold.samples, 50);
      const replayMedian = percentile(replay.samples, 50);
      const coldMet = coldMedian < coldStartTargetMs;
      const replayMet = replayMedian < replayTargetMs;
      log(
        `${replayMet ? "PASS" : "MISS"}  ${recordingCount} recordings in one replay call: median ${ms(replayMedian)} ` +
          `(${ms(replayMedian / recordingCount)} a recording) vs target < ${replayTargetMs} ms`,
      );
      log(
        `${coldMet ? "PASS" : "MISS"}  validate cold start of the prebuilt CLI: median ${ms(coldMedian)} ` +
          `(CPU ${ms(percentile(cold.cpu, 50))}; Node alone ${ms(percentile(floor.samples, 50))}; tsx ${ms(percentile(coldTsx.samples, 50))}) ` +
          `vs target < ${coldStartTargetMs} ms`,
      );
      return { targetsMet: coldMet && replayMet };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

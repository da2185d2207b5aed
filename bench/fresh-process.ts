// Runs one flowscope command in a fresh Node process and reports its time and peak memory:
// what a user's run costs, cold, unaffected by what the bench ran before. The child is
// bench/fresh-process-child.ts; it runs the command in-process (runCli) around a timer.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export interface FreshRun {
  /** Time of the command itself (module loading left out), in ms. */
  ms: number;
  /** CPU time (user + system) of the command, in ms: steadier than `ms` on a busy machine. */
  cpuMs: number;
  /** Peak resident memory of the whole process, in MB. */
  peakMb: number;
  /** Bytes the command wrote to stdout. */
  outBytes: number;
  exitCode: number;
}

const child = join(import.meta.dirname, "fresh-process-child.ts");

export function runFresh(args: readonly string[]): FreshRun {
  // process.execArgv carries tsx's loader flags, so the child runs TypeScript too.
  const run = spawnSync(process.execPath, [...process.execArgv, child, ...args], {
    encoding: "utf8",
    maxBuffer: 1024 * 1024,
  });
  const last = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !last.startsWith("{")) {
    throw new Error(`bench child failed (${run.status}): ${run.stderr || run.stdout}`);
  }
  return JSON.parse(last) as FreshRun;
}

/** The run with the median time of `times` fresh runs (each a new process). */
export function medianFreshRun(args: readonly string[], times: number): FreshRun {
  const runs = Array.from({ length: times }, () => runFresh(args));
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor((runs.length - 1) / 2)];
}

/** "×3.9" : how much `value` grew against `base`. */
export function growth(value: number, base: number): string {
  return `×${(value / base).toFixed(1)}`;
}

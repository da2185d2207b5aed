// The fuzz loop: worker processes run cases (fuzz/worker.ts), this process times each run,
// kills a worker whose run goes past the limit or dies, starts a fresh one, and saves every
// failing input with its command line and output. Used by `npm run fuzz` and by the seeded
// slice in test/fuzz-slice.test.ts.
import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join, relative } from "node:path";
import { type FuzzCase, type GenerateOptions, generateCase } from "./cases.ts";
import { repoRoot } from "./corpus.ts";
import { resolveArgs } from "./execute.ts";
import { type Failure, type JudgeOptions, limits } from "./oracle.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

export interface FuzzOptions {
  seed: number;
  /** Stop starting new cases after this long. */
  durationMs?: number;
  /** Stop after this many cases. */
  cases?: number;
  /** The first case index (default 0). */
  firstIndex?: number;
  /** Worker processes (default 1). */
  workers?: number;
  /** Where failing inputs go; nothing is saved without it. */
  outDir?: string;
  generate?: GenerateOptions;
  judge?: JudgeOptions;
  /** Wall-clock limit per run (default 10 s). */
  timeoutMs?: number;
  /** V8 heap limit of the workers, MB (default 1024). */
  heapMb?: number;
  /** Flags to repeat in the `--case` command line saved with a failure (e.g. ` --small`). */
  reproduceFlags?: string;
  onProgress?: (progress: Progress) => void;
  progressEveryMs?: number;
}

export interface Progress {
  elapsedMs: number;
  tried: number;
  failed: number;
}

export interface FailureRecord {
  index: number;
  category: string;
  command: string;
  failures: Failure[];
  exitCode?: number;
  ms?: number;
  notes: string[];
  /** The folder the input was saved to, when it was. */
  folder?: string;
}

export interface FuzzSummary {
  seed: number;
  tried: number;
  elapsedMs: number;
  failed: FailureRecord[];
  /** Failing runs per failure kind. */
  byKind: Record<string, number>;
}

const workerFile = join(import.meta.dirname, "worker.ts");
/** Making a case (before "start") or judging it (after "ran") may take a while, not forever. */
const generationMs = 60_000;
/** Saved input bytes per run at most; past it only case.json is written for a failure. */
const saveBudget = 512 * 1024 * 1024;

interface RunDetails {
  exitCode?: number;
  ms?: number;
  stdout?: string;
  stderr?: string;
}

interface Running {
  index: number;
  timer: NodeJS.Timeout;
  /** Making the case, running the CLI on it, or judging the outcome. */
  phase: "making" | "running" | "judging";
  killed?: "timeout";
  /** CPU seconds of the worker when the run started, and when it was killed. */
  cpuAtStart?: number;
  cpuAtKill?: number;
}

/** CPU time (user + system) of a process, in seconds, where /proc tells it (Linux). */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime), in clock ticks of 1/100 s on Linux.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

export function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const timeoutMs = options.timeoutMs ?? limits.ms;
  const heapMb = options.heapMb ?? limits.rssMb;
  const workers = Math.max(1, options.workers ?? 1);
  const firstIndex = options.firstIndex ?? 0;
  const scratchRoot = mkdtempSync(join(tmpdir(), "flowscope-fuzz-"));
  const t0 = performance.now();
  const deadline = options.durationMs === undefined ? Infinity : t0 + options.durationMs;
  const lastIndex = options.cases === undefined ? Infinity : firstIndex + options.cases;
  let nextIndex = firstIndex;
  let tried = 0;
  let saved = 0;
  let spawned = 0;
  const failed: FailureRecord[] = [];

  const moreWork = () => nextIndex < lastIndex && performance.now() < deadline;

  const record = (index: number, failures: Failure[], run: RunDetails = {}) => {
    let c: FuzzCase | undefined;
    try {
      c = generateCase(options.seed, index, options.generate);
    } catch {
      // reported below without the input
    }
    const entry: FailureRecord = {
      index,
      category: c?.category ?? "?",
      command: c?.command ?? "?",
      failures,
      notes: c?.notes ?? [],
      exitCode: run.exitCode,
      ms: run.ms,
    };
    if (options.outDir && c) {
      const bytes = c.files.reduce((sum, f) => sum + f.bytes.length, 0);
      const withFiles = saved + bytes <= saveBudget;
      if (withFiles) saved += bytes;
      entry.folder = saveFailure(options, c, entry, withFiles, run);
    }
    failed.push(entry);
  };

  return new Promise((resolveAll) => {
    let live = 0;
    const progress =
      options.onProgress &&
      setInterval(
        () =>
          options.onProgress?.({
            elapsedMs: performance.now() - t0,
            tried,
            failed: failed.length,
          }),
        options.progressEveryMs ?? 5_000,
      );

    const finish = () => {
      if (progress) clearInterval(progress);
      rmSync(scratchRoot, { recursive: true, force: true });
      const byKind: Record<string, number> = {};
      for (const entry of failed) {
        for (const kind of new Set(entry.failures.map((f) => f.kind)))
          byKind[kind] = (byKind[kind] ?? 0) + 1;
      }
      resolveAll({
        seed: options.seed,
        tried,
        elapsedMs: performance.now() - t0,
        failed: failed.sort((a, b) => a.index - b.index),
        byKind,
      });
    };

    const startWorker = () => {
      live++;
      spawned++;
      let running: Running | undefined;
      let stderrTail = "";
      const child: ChildProcess = fork(workerFile, [], {
        cwd: repoRoot,
        execArgv: ["--import", "tsx", `--max-old-space-size=${heapMb}`],
        stdio: ["ignore", "ignore", "pipe", "ipc"],
        env: { ...process.env, FLOWSCOPE_DEBUG: "", NO_COLOR: "1" },
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        stderrTail = (stderrTail + chunk.toString()).slice(-4_000);
      });
      const send = (message: ToWorker) => child.send(message);
      const arm = (ms: number) =>
        setTimeout(() => {
          if (!running) return;
          running.killed = "timeout";
          running.cpuAtKill = cpuSeconds(child.pid);
          child.kill("SIGKILL");
        }, ms);

      const dispatch = () => {
        if (!moreWork()) {
          child.kill();
          return;
        }
        const index = nextIndex++;
        running = { index, timer: arm(generationMs), phase: "making" };
        send({ type: "run", index });
      };

      child.on("message", (message: FromWorker) => {
        if (message.type === "ready") dispatch();
        else if (message.type === "start" && running?.index === message.index) {
          clearTimeout(running.timer);
          running.phase = "running";
          running.cpuAtStart = cpuSeconds(child.pid);
          running.timer = arm(timeoutMs + 250);
        } else if (message.type === "ran" && running?.index === message.index) {
          // The run is over; judging it (which may validate a large project) is not timed.
          clearTimeout(running.timer);
          running.phase = "judging";
          running.timer = arm(generationMs);
        } else if (message.type === "done" && running?.index === message.index) {
          clearTimeout(running.timer);
          running = undefined;
          tried++;
          if (message.failures.length > 0) {
            record(message.index, message.failures, {
              exitCode: message.exitCode,
              ms: message.ms,
              stdout: message.stdout,
              stderr: message.stderr,
            });
          }
          // A worker past the memory limit exits by itself; its successor goes on.
          if (!message.exiting) dispatch();
        } else if (message.type === "harness" && running?.index === message.index) {
          clearTimeout(running.timer);
          running = undefined;
          tried++;
          record(message.index, [{ kind: "harness", message: message.message.split("\n")[0] }], {
            stderr: message.message,
          });
          dispatch();
        } else if (message.type === "uncaught" && message.index !== undefined) {
          const index = message.index;
          if (running?.index === index) {
            clearTimeout(running.timer);
            running = undefined;
          }
          tried++;
          record(index, [{ kind: "uncaught", message: message.message.split("\n")[0] }], {
            stderr: message.message,
          });
        }
      });

      // "close", not "exit": a dying worker's last messages arrive before it.
      child.on("close", (code, signal) => {
        live--;
        if (running) {
          clearTimeout(running.timer);
          const { index, killed, phase, cpuAtStart, cpuAtKill } = running;
          const cpu =
            cpuAtStart !== undefined && cpuAtKill !== undefined
              ? ` (CPU ${(cpuAtKill - cpuAtStart).toFixed(1)} s: a loaded machine lengthens the wall clock)`
              : "";
          running = undefined;
          tried++;
          const outOfMemory = /heap out of memory|Reached heap limit|allocation failed/i.test(
            stderrTail,
          );
          const last = stderrTail.trim().split("\n").slice(-1)[0] ?? "";
          const failure: Failure =
            phase !== "running"
              ? {
                  // Flowscope was not running: the harness itself hung or died.
                  kind: "harness",
                  message: `worker ${killed ? `killed after ${generationMs} ms` : `died (${signal ?? `exit ${code}`})`} while ${phase === "making" ? "making the case" : "judging the run"}: ${last}`,
                }
              : killed === "timeout"
                ? { kind: "timeout", message: `killed after ${timeoutMs} ms${cpu}` }
                : outOfMemory
                  ? { kind: "memory", message: `worker ran out of its ${heapMb} MB heap` }
                  : {
                      kind: "crash",
                      message: `worker died (${signal ?? `exit ${code}`}): ${last}`,
                    };
          record(index, [failure], { stderr: stderrTail });
        }
        if (moreWork()) startWorker();
        else if (live === 0) finish();
      });

      child.on("error", () => {
        // 'exit' follows and handles it
      });
      send({
        type: "init",
        seed: options.seed,
        options: options.generate ?? {},
        judge: options.judge ?? {},
        scratch: join(scratchRoot, `worker-${spawned}`),
      });
    };

    for (let i = 0; i < workers; i++) startWorker();
  });
}

// ---------------------------------------------------------------------------- grouping

export interface FailureGroup {
  kind: string;
  /** The first failure's message with numbers, quoted text and paths blurred. */
  message: string;
  count: number;
  commands: string[];
  categories: string[];
  /** The smallest saved input of the group (by case index when nothing was saved). */
  example: FailureRecord;
}

function blur(message: string): string {
  return message
    .replace(/\/\S+/g, "…")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d{3,}/g, "N")
    .slice(0, 160);
}

/** Failing runs grouped by kind and message: one line per distinct problem. */
export function groupFailures(failed: readonly FailureRecord[]): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const entry of failed) {
    const first = entry.failures[0];
    const message = blur(first.message);
    const key = `${first.kind}\u0000${message}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        kind: first.kind,
        message,
        count: 1,
        commands: [entry.command],
        categories: [entry.category],
        example: entry,
      });
      continue;
    }
    group.count++;
    if (!group.commands.includes(entry.command)) group.commands.push(entry.command);
    if (!group.categories.includes(entry.category)) group.categories.push(entry.category);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

// ------------------------------------------------------------------------------ saving

function commandLine(c: FuzzCase, folder: string): string {
  const shown = relative(repoRoot, folder);
  const base = shown.startsWith("..") || isAbsolute(shown) ? folder : shown;
  const quote = (arg: string) =>
    /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
  return `npm run -s flowscope -- ${resolveArgs(c.args, base).map(quote).join(" ")}`;
}

function saveFailure(
  options: FuzzOptions,
  c: FuzzCase,
  entry: FailureRecord,
  withFiles: boolean,
  run: RunDetails,
): string {
  const { seed } = options;
  const outDir = options.outDir as string;
  const kinds = [...new Set(entry.failures.map((f) => f.kind))].join("+");
  const folder = join(outDir, `s${seed}-c${c.index}-${kinds}-${c.command}-${c.category}`);
  mkdirSync(folder, { recursive: true });
  if (withFiles) {
    for (const file of c.files) writeFileSync(join(folder, file.name), file.bytes);
  }
  const line = commandLine(c, folder);
  writeFileSync(join(folder, "command.sh"), `#!/bin/sh\n# run from the repository root\n${line}\n`);
  writeFileSync(
    join(folder, "output.txt"),
    [
      `exit code: ${entry.exitCode ?? "(none: the worker was killed or died)"}`,
      `time: ${entry.ms === undefined ? "?" : `${Math.round(entry.ms)} ms`}`,
      "--- stdout",
      run.stdout ?? "",
      "--- stderr",
      run.stderr ?? "",
    ].join("\n"),
  );
  writeFileSync(
    join(folder, "case.json"),
    `${JSON.stringify(
      {
        seed,
        index: c.index,
        reproduce: `npm run fuzz -- --seed ${seed} --case ${c.index}${options.reproduceFlags ?? ""}`,
        category: c.category,
        command: line,
        failures: entry.failures,
        notes: c.notes,
        filesSaved: withFiles,
      },
      null,
      2,
    )}\n`,
  );
  return folder;
}

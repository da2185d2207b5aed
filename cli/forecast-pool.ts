// Runs a Monte Carlo forecast's users (SPEC §5): in this thread for one worker, else in chunks
// on piscina's worker_threads. Each user draws from its own stream (seed, user index), and the
// tallies add up in chunk order, so the result does not depend on the number of workers.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  addTally,
  emptyTally,
  type ForecastContext,
  forecastUsers,
  type TallyData,
} from "../machines/forecast/index.ts";
import type { ChunkTask, ForecastInput } from "./forecast-input.ts";

/** Chunks per worker: a worker that ends early takes another, and progress moves evenly. */
const chunksPerWorker = 8;
/** No chunk smaller than this: a few hundred users are not worth a thread's start. */
const minChunkUsers = 250;
/** How often the main thread reads the workers' progress, in ms. */
const pollMs = 100;

/** Users [0, users) cut into `count` chunks of nearly equal size, in order. */
export function chunkBounds(users: number, count: number): [from: number, to: number][] {
  const chunks = Math.max(1, Math.min(count, users));
  return Array.from({ length: chunks }, (_, i) => [
    Math.floor((i * users) / chunks),
    Math.floor(((i + 1) * users) / chunks),
  ]);
}

export interface RunForecast {
  input: ForecastInput;
  /** Built from `input` in this thread (for one worker, and for the result). */
  context: ForecastContext;
  workers: number;
  /** Called now and then with the users done so far. */
  onProgress?: (done: number) => void;
}

/** The tally of every user of the model. */
export async function runForecast({
  input,
  context,
  workers,
  onProgress,
}: RunForecast): Promise<TallyData> {
  const users = context.plan.users;
  if (workers <= 1 || users <= minChunkUsers) {
    return forecastUsers(context, 0, users, { onProgress, progressEvery: 256 });
  }
  const chunks = chunkBounds(
    users,
    Math.min(workers * chunksPerWorker, Math.ceil(users / minChunkUsers)),
  );
  const threads = Math.min(workers, chunks.length);
  // Loaded here: the other commands never start workers, and piscina costs startup time.
  const { Piscina } = await import("piscina");
  const pool = new Piscina<ChunkTask, TallyData>({
    ...workerEntry(),
    minThreads: threads,
    maxThreads: threads,
    workerData: input,
  });
  const progress = new Int32Array(new SharedArrayBuffer(4 * chunks.length));
  const poll = setInterval(() => {
    let done = 0;
    for (let i = 0; i < chunks.length; i++) done += Atomics.load(progress, i);
    onProgress?.(done);
  }, pollMs);
  try {
    const tallies = await Promise.all(
      chunks.map(([from, to], slot) => pool.run({ from, to, progress, slot })),
    );
    const total = emptyTally(context.layout, context.plan.days);
    for (const tally of tallies) addTally(total, tally);
    onProgress?.(total.users);
    return total;
  } finally {
    clearInterval(poll);
    await pool.destroy();
  }
}

/**
 * The worker's file, beside this module's: dist-cli/forecast-worker.js in the bundle
 * (vite.cli.config.ts builds it as a second entry), cli/forecast-worker.ts from the sources,
 * which a worker thread loads through tsx (a thread does not inherit the hooks that
 * cli/flowscope.mjs registers). tsx is resolved from here, not from the working folder.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  if (!here.endsWith(".ts")) {
    return { filename: join(dirname(here), "forecast-worker.js"), execArgv: process.execArgv };
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  return {
    filename: join(dirname(here), "forecast-worker.ts"),
    execArgv: [...process.execArgv, "--import", tsx],
  };
}

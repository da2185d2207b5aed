// One worker thread of `flowscope forecast` (Monte Carlo): piscina loads this file, from
// dist-cli/forecast-worker.js in the bundle or through tsx from the sources
// (cli/forecast-pool.ts). The input comes once, as workerData, and the context is built once
// per worker; each task runs its users and hands their tally back without copying it.
import { workerData } from "node:worker_threads";
import { move, transferableSymbol, valueSymbol } from "piscina";
import { type ForecastContext, forecastUsers } from "../machines/forecast/index.ts";
import { type ChunkTask, contextOf, type ForecastInput, tallyBuffers } from "./forecast-input.ts";

/** How often a worker reports progress, in users: often enough for a smooth bar. */
const progressEvery = 256;

let context: ForecastContext | undefined;

export default function runChunk({ from, to, progress, slot }: ChunkTask) {
  context ??= contextOf(workerData as ForecastInput);
  const tally = forecastUsers(context, from, to, {
    progressEvery,
    onProgress: (done) => Atomics.store(progress, slot, done),
  });
  return move({ [transferableSymbol]: tallyBuffers(tally), [valueSymbol]: tally });
}

// One forecast run, as a plain async function (the worker only wires it to `self`; tests call
// it directly): the model is read and checked against the project, then users run in chunks
// (machines/forecast `forecastUsers`; tallies add up whatever the split, so the result does
// not depend on the chunks). Between chunks it yields, so a cancel or a newer run can get in,
// and reports progress with the estimate so far.

import type { ForecastContext } from "../../machines/forecast/index.ts";
import {
  addTally,
  checkForecastModel,
  checkMonteCarloModel,
  emptyTally,
  forecastContext,
  forecastUsers,
  monteCarloResult,
  routeTraffic,
  type TallyData,
} from "../../machines/forecast/index.ts";
import type { ForecastAnswer, ForecastView, RunRequest } from "./forecast-protocol.ts";
import { readModelText } from "./model-text.ts";

export interface RunHooks {
  /** True once this run is cancelled or superseded. */
  stopped(): boolean;
  /** Lets other tasks (messages) run. */
  yieldNow(): Promise<void>;
  now(): number;
  /** Where a worker keeps the chunk size its last run settled on, for the next run. */
  chunk?: { size: number };
}

/** A chunk of users takes about this long (ms): short enough for Cancel to feel immediate. */
const chunkMs = 40;
/** The estimate so far is posted at most this often (ms). */
const partialEveryMs = 250;

export function view(context: ForecastContext, tally: TallyData): ForecastView {
  return { result: monteCarloResult(context, tally), traffic: routeTraffic(context, tally) };
}

export async function runForecast(
  request: RunRequest,
  post: (answer: ForecastAnswer) => void,
  hooks: RunHooks,
): Promise<void> {
  const { id, project } = request;
  const started = hooks.now();
  const read = readModelText(request.model);
  if (!read.ok) {
    post({ type: "invalid", id, problems: read.problems });
    return;
  }
  const model = read.model;
  const problems = [...checkMonteCarloModel(model), ...checkForecastModel(project, model)];
  if (problems.length > 0) {
    post({
      type: "invalid",
      id,
      problems: problems.map((p) => `${p.pointer || "/"}: ${p.message}`),
    });
    return;
  }
  try {
    const context = forecastContext(project, model);
    const first = request.share?.from ?? 0;
    const total = (request.share?.to ?? context.plan.users) - first;
    const tally = emptyTally(context.layout, context.plan.days);
    // The last run's chunk is the best first guess (a slider move changes little); a first
    // run starts small and grows.
    let chunk = hooks.chunk?.size ?? 25;
    let lastPartial = started;
    while (tally.users < total) {
      if (hooks.stopped()) {
        post({ type: "cancelled", id, done: tally.users });
        return;
      }
      const from = first + tally.users;
      const to = Math.min(first + total, from + chunk);
      const at = hooks.now();
      addTally(tally, forecastUsers(context, from, to, { cancelled: hooks.stopped }));
      const took = Math.max(1, hooks.now() - at);
      chunk = Math.max(10, Math.min(1_000_000, Math.round((chunk * chunkMs) / took)));
      if (hooks.chunk) hooks.chunk.size = chunk;
      const partial =
        !request.share && hooks.now() - lastPartial >= partialEveryMs && tally.users < total;
      if (partial) lastPartial = hooks.now();
      post({
        type: "progress",
        id,
        done: tally.users,
        total,
        partial: partial ? view(context, tally) : null,
      });
      await hooks.yieldNow();
    }
    if (request.share) post({ type: "tally", id, tally });
    else post({ type: "done", id, view: view(context, tally), ms: hooks.now() - started });
  } catch (thrown) {
    post({
      type: "failed",
      id,
      message: thrown instanceof Error ? thrown.message : String(thrown),
    });
  }
}

/** A macrotask later (a MessageChannel, which timers' nesting clamp does not slow down). */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel === "undefined") return new Promise((done) => setTimeout(done, 0));
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      done();
    };
    channel.port2.postMessage(null);
  });
}

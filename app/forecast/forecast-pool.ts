// A forecast over several workers (one per core, up to four): each runs a share of the users
// and answers with its tally; tallies add up in share order (machines/forecast addTally: the
// sum does not depend on the split), and the view is read on this thread. The shares report
// progress; the first invalid or failed answer stands for the run.
import { addTally, forecastContext, type TallyData } from "../../machines/forecast/index.ts";
import type { ForecastAnswer, ForecastRequest, RunRequest } from "./forecast-protocol.ts";
import { view } from "./forecast-run.ts";
import { readModelText } from "./model-text.ts";

type Listener = (answer: ForecastAnswer) => void;

export interface PoolChannel {
  post(request: ForecastRequest): void;
  terminate(): void;
}

/** Progress of a pooled run reaches the panel at most this often (ms). */
const progressEveryMs = 200;

/** Under this many users a run stays on one worker (splitting would cost more than it saves). */
export const poolMinUsers = 20_000;

/** How many workers a pool opens on this machine. */
export function poolSize(): number {
  const cores = typeof navigator === "undefined" ? 1 : (navigator.hardwareConcurrency ?? 1);
  return Math.max(1, Math.min(4, cores));
}

/** The users of a model's text, or 0 when it does not read (the first worker then says why). */
function usersOf(model: string): number {
  const read = readModelText(model);
  return read.ok ? (read.model.users ?? 0) : 0;
}

/**
 * A channel over `workers` (each a channel to one forecast worker). A run of fewer than
 * poolMinUsers users goes to the first worker whole.
 */
export function pooledChannel(
  workers: PoolChannel[],
  setListener: (index: number, listener: Listener) => void,
  onAnswer: Listener,
  progressEvery = progressEveryMs,
): PoolChannel {
  let run: {
    request: RunRequest;
    /** The model's users (read once, when the run is posted). */
    users: number;
    tallies: (TallyData | undefined)[];
    done: number[];
    started: number;
    shownProgress: number;
    over: boolean;
  } | null = null;

  const finish = () => {
    if (!run) return;
    const { request, tallies, started } = run;
    run.over = true;
    const read = readModelText(request.model);
    if (!read.ok) return;
    const context = forecastContext(request.project, read.model);
    const sum = tallies[0] as TallyData;
    for (let i = 1; i < tallies.length; i++) addTally(sum, tallies[i] as TallyData);
    onAnswer({
      type: "done",
      id: request.id,
      view: view(context, sum),
      ms: performance.now() - started,
    });
  };

  workers.forEach((_, index) => {
    setListener(index, (answer) => {
      if (!run || run.over || answer.id !== run.request.id) return;
      if (run.tallies.length === 1 && answer.type !== "tally") {
        onAnswer(answer);
        if (answer.type !== "progress") run.over = true;
        return;
      }
      switch (answer.type) {
        case "progress": {
          run.done[index] = answer.done;
          // Each redraw of the progress bar takes a core from the workers: a few a second.
          const now = performance.now();
          if (now - run.shownProgress < progressEvery) return;
          run.shownProgress = now;
          const done = run.done.reduce((a, b) => a + b, 0);
          onAnswer({ ...answer, done, total: run.users, partial: null });
          return;
        }
        case "tally":
          run.tallies[index] = answer.tally;
          run.done[index] = answer.tally.users;
          if (run.tallies.every((t) => t !== undefined)) finish();
          return;
        default:
          run.over = true;
          onAnswer(answer);
      }
    });
  });

  return {
    post(request) {
      if (request.type === "cancel") {
        if (run?.request.id === request.id) run.over = true;
        for (const worker of workers) worker.post(request);
        return;
      }
      const users = usersOf(request.model);
      const count = users >= poolMinUsers ? workers.length : 1;
      run = {
        request,
        users,
        tallies: new Array(count).fill(undefined),
        done: new Array(count).fill(0),
        started: performance.now(),
        shownProgress: Number.NEGATIVE_INFINITY,
        over: false,
      };
      if (count === 1) {
        workers[0].post(request);
        return;
      }
      for (let i = 0; i < count; i++) {
        const from = Math.floor((users * i) / count);
        const to = Math.floor((users * (i + 1)) / count);
        workers[i].post({ ...request, share: { from, to } });
      }
    },
    terminate() {
      run = null;
      for (const worker of workers) worker.terminate();
    },
  };
}

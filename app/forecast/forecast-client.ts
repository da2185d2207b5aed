// Talks to the forecast worker. A run gets an id; answers to any other id are dropped, so a
// newer run supersedes an older one (the worker stops the older one at its next chunk). The
// page without `Worker` (tests), or one where creating it throws, runs on the main thread,
// still in chunks.

import { pooledChannel, poolSize } from "./forecast-pool.ts";
import type { ForecastAnswer, ForecastInput, ForecastRequest } from "./forecast-protocol.ts";
import { nextTask, runForecast } from "./forecast-run.ts";

type Listener = (answer: ForecastAnswer) => void;

interface Channel {
  post(request: ForecastRequest): void;
  terminate(): void;
}

export type Spawn = (onAnswer: Listener, onError: (message: string) => void) => Channel;

/** One forecast worker per core (up to four), a big run split among them (forecast-pool.ts). */
const browserWorker: Spawn = (onAnswer, onError) => {
  const listeners: Listener[] = [];
  const workers = Array.from({ length: poolSize() }, (_, index) => {
    const worker = new Worker(new URL("./forecast.worker.ts", import.meta.url), {
      type: "module",
    });
    worker.onmessage = (event: MessageEvent<ForecastAnswer>) => listeners[index]?.(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      onError(event.message || "the forecast worker failed");
    };
    return {
      post: (request: ForecastRequest) => worker.postMessage(request),
      terminate: () => worker.terminate(),
    };
  });
  return pooledChannel(
    workers,
    (index, listener) => {
      listeners[index] = listener;
    },
    onAnswer,
  );
};

/** The run on the main thread, between other tasks. */
export const inlineWorker: Spawn = (onAnswer) => {
  let wanted = 0;
  return {
    post(request) {
      if (request.type === "cancel") {
        if (wanted === request.id) wanted = 0;
        return;
      }
      wanted = request.id;
      const copy = structuredClone(request);
      void nextTask().then(() =>
        runForecast(copy, onAnswer, {
          stopped: () => wanted !== request.id,
          yieldNow: nextTask,
          now: () => performance.now(),
        }),
      );
    },
    terminate() {
      wanted = 0;
    },
  };
};

export interface ForecastClient {
  /** Starts a run (superseding the one in flight); returns its id. */
  start(input: ForecastInput, listener: Listener): number;
  /** Stops the run in flight, if any. */
  cancel(): void;
  dispose(): void;
}

export function createForecastClient(
  spawn: Spawn = typeof Worker === "undefined" ? inlineWorker : browserWorker,
): ForecastClient {
  let channel: Channel | null = null;
  let current: { id: number; listener: Listener } | null = null;
  let nextId = 1;

  const onAnswer = (answer: ForecastAnswer) => {
    const active = current;
    if (!active || answer.id !== active.id) return;
    if (answer.type !== "progress") current = null;
    active.listener(answer);
  };
  const onError = (message: string) => {
    const active = current;
    current = null;
    channel?.terminate();
    channel = null;
    active?.listener({ type: "failed", id: active.id, message });
  };
  const open = (): Channel => {
    if (channel) return channel;
    try {
      channel = spawn(onAnswer, onError);
    } catch {
      channel = inlineWorker(onAnswer, onError);
    }
    return channel;
  };

  return {
    start(input, listener) {
      const id = nextId++;
      current = { id, listener };
      open().post({ type: "run", id, ...input });
      return id;
    },
    cancel() {
      if (!current) return;
      const { id, listener } = current;
      current = null;
      channel?.post({ type: "cancel", id });
      listener({ type: "cancelled", id, done: 0 });
    },
    dispose() {
      current = null;
      channel?.terminate();
      channel = null;
    },
  };
}

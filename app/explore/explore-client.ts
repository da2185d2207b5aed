// Talks to the explorer worker. A request gets an id; answers to any other id are dropped, so
// a newer request supersedes an older one. A worker busy with an old request is terminated
// (a synchronous computation cannot be interrupted otherwise), as is one being cancelled;
// the next request spawns a fresh one. It runs on the main thread (a tick later) when the
// page has no `Worker` at all, or when creating the worker throws (e.g. no module workers, a
// CSP refusing it): from then on every request runs there. Answers always arrive after
// `start` returns, so a caller can record the id before the first answer (even a failure).
import { handleExplore } from "./explore-handler.ts";
import type { ExploreAnswer, ExploreInput, ExploreRequest } from "./explore-protocol.ts";

export interface ExploreWorker {
  post(request: ExploreRequest): void;
  terminate(): void;
}

export type SpawnWorker = (
  onAnswer: (answer: ExploreAnswer) => void,
  onError: (message: string) => void,
) => ExploreWorker;

type AnswerListener = (answer: ExploreAnswer) => void;

export interface ExploreClient {
  /** Starts a request (superseding a running one); returns its id. */
  start(input: ExploreInput, listener: AnswerListener): number;
  /** Stops the running request, if any (its worker is terminated); true when one ran. */
  cancel(): boolean;
  /** The id of the request running, or null. */
  running(): number | null;
  /** Terminates the worker (a later start spawns a new one). */
  dispose(): void;
}

/** A module worker running explore.worker.ts. */
const browserWorker: SpawnWorker = (onAnswer, onError) => {
  const worker = new Worker(new URL("./explore.worker.ts", import.meta.url), { type: "module" });
  worker.onmessage = (event: MessageEvent<ExploreAnswer>) => onAnswer(event.data);
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    onError(event.message || "the explorer worker failed");
  };
  return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
};

/** The handler on the main thread, a tick later (no Worker: tests, old browsers). */
export const inlineWorker: SpawnWorker = (onAnswer) => {
  let stopped = false;
  return {
    post(request) {
      setTimeout(() => {
        if (stopped) return;
        handleExplore(structuredClone(request), (answer) => {
          if (!stopped) onAnswer(answer);
        });
      }, 0);
    },
    terminate() {
      stopped = true;
    },
  };
};

function defaultSpawn(): SpawnWorker {
  return typeof Worker === "undefined" ? inlineWorker : browserWorker;
}

/** Calls `task` after the current call returns (a synchronous failure must not beat the id). */
const later = (task: () => void) => queueMicrotask(task);

export function createExploreClient(
  spawn: SpawnWorker = defaultSpawn(),
  fallback: SpawnWorker = inlineWorker,
): ExploreClient {
  let spawner = spawn;
  let worker: ExploreWorker | null = null;
  let current: { id: number; listener: AnswerListener } | null = null;
  let nextId = 1;

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
  };

  const onAnswer = (answer: ExploreAnswer) => {
    const active = current;
    if (!active || answer.id !== active.id) return;
    if (answer.type === "done") current = null;
    active.listener(answer);
  };

  const onError = (message: string) => {
    const active = current;
    current = null;
    stopWorker();
    active?.listener({ type: "failed", id: active.id, message });
  };

  const trySpawn = (make: SpawnWorker): ExploreWorker | null => {
    try {
      return make(onAnswer, onError);
    } catch {
      return null;
    }
  };

  /** The running worker, else a new one; a spawn that throws switches to the fallback. */
  const ensureWorker = (): ExploreWorker | null => {
    if (worker) return worker;
    worker = trySpawn(spawner);
    if (!worker && spawner !== fallback) {
      spawner = fallback;
      worker = trySpawn(fallback);
    }
    return worker;
  };

  /** The request ends with `failed`, delivered after `start` returned (unless superseded). */
  const failLater = (id: number, listener: AnswerListener, message: string) => {
    stopWorker();
    later(() => {
      if (current?.id !== id) return;
      current = null;
      listener({ type: "failed", id, message });
    });
  };

  return {
    start(input, listener) {
      // A worker still busy with an older request would finish it first: replace it.
      if (current) stopWorker();
      const id = nextId++;
      current = { id, listener };
      const active = ensureWorker();
      if (!active) {
        failLater(id, listener, "the explorer could not start");
        return id;
      }
      try {
        active.post({ type: "explore", id, ...input });
      } catch (error) {
        failLater(id, listener, `the request could not be sent (${String(error)})`);
      }
      return id;
    },
    cancel() {
      if (!current) return false;
      current = null;
      stopWorker();
      return true;
    },
    running: () => current?.id ?? null,
    dispose() {
      current = null;
      stopWorker();
    },
  };
}

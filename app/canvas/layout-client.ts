// Talks to the layout worker: one worker for the page, requests matched to answers by id.
// Where no worker can start (tests, a browser without module workers) the fast layout runs
// here instead, so the canvas always gets positions.
import { fastLayout } from "./fast-layout.ts";
import type { LayoutAnswer, LayoutRequest } from "./layout-types.ts";

type Pending = (answer: LayoutAnswer) => void;

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  try {
    const started = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    started.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      const resolve = pending.get(event.data.id);
      pending.delete(event.data.id);
      resolve?.(event.data);
    };
    return started;
  } catch {
    return null;
  }
}

function onMainThread(request: LayoutRequest): LayoutAnswer {
  const started = performance.now();
  const positions = fastLayout(request.nodes, request.edges, request.initial);
  return { id: request.id, positions, engine: "fast", ms: performance.now() - started };
}

export function layoutGraph(input: Omit<LayoutRequest, "id">): Promise<LayoutAnswer> {
  if (worker === undefined) worker = typeof Worker === "undefined" ? null : startWorker();
  const request: LayoutRequest = { ...input, id: nextId++ };
  const active = worker;
  if (!active) return Promise.resolve(onMainThread(request));
  return new Promise((resolve) => {
    pending.set(request.id, resolve);
    active.postMessage(request);
  });
}

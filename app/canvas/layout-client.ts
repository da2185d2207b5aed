// Talks to the layout worker: one worker for the page, requests matched to answers by id.
// Where no worker can start (tests, a browser without module workers) or the one started
// fails to load (a dev server that re-optimised its dependencies meanwhile), the fast layout
// runs here instead, so the canvas always gets positions rather than "Laying out…" forever.
import { fastLayout } from "./fast-layout.ts";
import type { LayoutAnswer, LayoutRequest } from "./layout-types.ts";

interface Pending {
  request: LayoutRequest;
  resolve: (answer: LayoutAnswer) => void;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  try {
    const started = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    started.onmessage = (event: MessageEvent<LayoutAnswer>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    started.onerror = () => {
      // The worker did not load or died: no answer will come. Lay out here from now on.
      started.terminate();
      worker = null;
      for (const [id, waiting] of pending) {
        pending.delete(id);
        waiting.resolve(onMainThread(waiting.request));
      }
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
    pending.set(request.id, { request, resolve });
    active.postMessage(request);
  });
}

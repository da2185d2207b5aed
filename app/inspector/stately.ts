// Connects Stately's browser inspector (@statelyai/inspect): it opens stately.ai/inspect in a
// new window and posts every XState inspection event to it. It must fail softly: a blocked
// popup is reported at once; a window that never says "connected" (offline) after a while is
// reported too. The simulation is never held up by it.
import { createBrowserInspector } from "@statelyai/inspect";
import type { ExternalInspector } from "../../machines/engine/index.ts";

export type StatelyStatus =
  | { kind: "idle" }
  | { kind: "waiting" }
  | { kind: "connected" }
  | { kind: "failed"; message: string };

export interface StatelyConnection {
  inspect: ExternalInspector;
  stop(): void;
}

/** How long the inspector window may take to say it is connected. */
const connectTimeoutMs = 15_000;

export function connectStately(
  host: Window,
  onStatus: (status: StatelyStatus) => void,
): StatelyConnection | null {
  let opened: Window | null = null;
  // The adapter opens its window through this object: we learn whether the popup opened.
  const windowProxy = {
    open: (url?: string | URL, target?: string) => {
      opened = host.open(url, target);
      return opened;
    },
    addEventListener: host.addEventListener.bind(host),
    removeEventListener: host.removeEventListener.bind(host),
  } as unknown as Window;
  try {
    const inspector = createBrowserInspector({ window: windowProxy, autoStart: true });
    if (!opened) {
      inspector.stop();
      onStatus({
        kind: "failed",
        message: "The inspector window was blocked: allow pop-ups for this page and try again.",
      });
      return null;
    }
    onStatus({ kind: "waiting" });
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { type?: string } | null)?.type === "@statelyai.connected") {
        clearTimeout(timer);
        onStatus({ kind: "connected" });
      }
    };
    host.addEventListener("message", onMessage);
    const timer = setTimeout(() => {
      onStatus({
        kind: "failed",
        message: "The Stately inspector did not connect (offline?). The debugger works without it.",
      });
    }, connectTimeoutMs);
    return {
      inspect: (event) => inspector.inspect.next?.(event),
      stop() {
        clearTimeout(timer);
        host.removeEventListener("message", onMessage);
        inspector.stop();
      },
    };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    onStatus({ kind: "failed", message: `The Stately inspector could not start: ${message}` });
    return null;
  }
}

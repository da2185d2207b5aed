// `simulate --inspect [ws-url]`: streams the run's XState inspection events to Stately's
// inspector (@statelyai/inspect). Sky by default (needs the network), or a local WebSocket
// receiver. It must fail softly: offline, one notice on stderr and the run goes on; and it
// must never hold the process open, so the connection gets a fixed time to flush.
// @statelyai/inspect is loaded only when --inspect is given: every other command starts
// without it (README "The command line": the prebuilt CLI starts in under 300 ms).
import type { ExternalInspector } from "../machines/engine/index.ts";
import type { CliIo } from "./io.ts";

export interface CliInspector {
  inspect: ExternalInspector;
  /** Gives the connection `flushMs` to send what it holds, then lets the process end. */
  close(): Promise<void>;
}

const flushMs = 2_000;

/** Set once an inspector was used: its socket reconnects forever and nothing closes it. */
let leftOpen = false;

/** Whether the entry point must end the process itself once the result is written. */
export function inspectorLeftOpen(): boolean {
  return leftOpen;
}

export async function connectInspector(io: CliIo, target: string | true): Promise<CliInspector> {
  let failed = false;
  const onerror = () => {
    if (failed) return;
    failed = true;
    io.err("--inspect: could not reach the Stately inspector; the run goes on without it\n");
  };
  // Sky announces its session link with console.log: keep stdout for the result alone.
  const log = console.log;
  console.log = (...parts: unknown[]) => io.err(`--inspect: ${parts.join(" ")}\n`);
  try {
    const { createSkyInspector, createWebSocketInspector } = await import("@statelyai/inspect");
    const inspector =
      typeof target === "string" && /^wss?:\/\//.test(target)
        ? createWebSocketInspector({ url: target })
        : createSkyInspector({ onerror });
    return {
      inspect: (event) => inspector.inspect.next?.(event),
      close: async () => {
        await new Promise((resolve) => setTimeout(resolve, failed ? 0 : flushMs).unref());
        console.log = log;
        inspector.stop();
        leftOpen = true;
      },
    };
  } catch {
    console.log = log;
    onerror();
    return { inspect: () => {}, close: async () => {} };
  }
}

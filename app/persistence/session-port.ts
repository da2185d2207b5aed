// What QA needs from the live session (the session store owns it): read the session as it
// stands, start it over, run a step. The adapter to the store is sessionPort() in
// session-bridge.ts; tests can pass any object of this shape.
import type { Result, ScriptStep } from "../../machines/format/index.ts";
import type { SavedSession } from "./session-model.ts";

interface SessionView extends SavedSession {
  /** The result of the steps run so far; null while the project is invalid or not loaded. */
  result: Result | null;
}

export interface SessionPort {
  current(): SessionView;
  /** A fresh simulation for this user and start (no steps run). */
  reset(setup: Pick<SavedSession, "user" | "start">): void;
  /** Runs one script step; throws when it cannot be done (the message names the step). */
  run(step: ScriptStep): void;
}

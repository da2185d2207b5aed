// Every control of the preview is a script step run on the session (so QA can record it).
import type { ScriptStep } from "../../machines/format/index.ts";
import { sessionStore } from "../session/store.ts";

export function runStep(step: ScriptStep): void {
  sessionStore.run(step);
}

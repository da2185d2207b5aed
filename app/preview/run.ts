// Every control of the preview is a script step run on the session (so QA can record it).
import type { ScriptStep } from "../../machines/format/script.ts";
import { sessionStore } from "../session/store.ts";

export function runStep(step: ScriptStep): void {
  sessionStore.run(step);
}

// Every control of the preview is a script step run on the session (so QA can record it).
// A step that changed the session asks for focus to be looked after (focus-after-step.ts):
// the control it came from may be gone with the step it belonged to.
import type { ScriptStep } from "../../machines/format/index.ts";
import { sessionStore } from "../session/store.ts";

let refocus = false;

export function runStep(step: ScriptStep): void {
  refocus = sessionStore.run(step).ok;
}

/** True once after a preview control ran a step: the host page then looks after focus. */
export function runStepTookFocus(): boolean {
  const wanted = refocus;
  refocus = false;
  return wanted;
}

// What the script's steps (script-steps.ts) may do to a running world: the interface between
// the script and the world simulation, so neither module imports the other.
import type { FireParams } from "../compile/fired-list.ts";
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import type { TraceEntry } from "../format/script.ts";
import type { ActionSource, ExperienceState } from "./types.ts";

export interface ScriptRuntime {
  readonly project: Project;
  experience(id: string): Experience | undefined;
  stateOf(id: string): ExperienceState;
  /** The step on screen of an active flow. */
  currentStep(experience: Experience): Step | undefined;
  record(entry: Omit<TraceEntry, "at">): void;
  /** A user interaction with the step on screen (or a checklist task): fires its list. */
  interact(experience: Experience, params: FireParams): void;
  /** Closes a checklist (it has no closing cross: decided in semantics.ts). */
  closeChecklist(experience: Experience): void;
  /** Fires an action list from outside a flow (SDK launch, post, block). */
  fire(list: readonly Action[], source: ActionSource): void;
  changePage(url: string): void;
  clickElement(selector: string): void;
  askAgent(message: string): void;
  advanceMs(ms: number): void;
}

// What the simulated user sees: the flow (tour, survey or banner) on screen with its step,
// the hints and checklists on screen, and the host page's elements the project names.
import type { WorldState } from "../../machines/engine/index.ts";
import type { Experience, Project, Step } from "../../machines/format/index.ts";

export interface OnScreenStep {
  experience: Experience;
  step: Step;
}

export interface Screen {
  /** The tour, survey or banner on screen (one at a time). */
  flow: OnScreenStep | null;
  hints: OnScreenStep[];
  checklists: Experience[];
}

function activeStep(experience: Experience, world: WorldState): Step | undefined {
  const state = world.experiences[experience.id];
  if (state?.status !== "active" || state.step === null) return undefined;
  return experience.steps.find((s) => s.id === state.step);
}

export function screenOf(project: Project, world: WorldState): Screen {
  const screen: Screen = { flow: null, hints: [], checklists: [] };
  for (const experience of project.experiences) {
    if (experience.type === "checklist") {
      if (world.experiences[experience.id]?.status === "active") screen.checklists.push(experience);
      continue;
    }
    const step = activeStep(experience, world);
    if (!step) continue;
    if (experience.type === "hint") screen.hints.push({ experience, step });
    else screen.flow ??= { experience, step };
  }
  return screen;
}

/** CSS selectors the project points at (step targets, click triggers): the fake host page
 *  shows one element for each, so targeted steps have an anchor and clicks have a target. */
export function hostElements(project: Project): string[] {
  const selectors = new Set<string>();
  for (const experience of project.experiences) {
    for (const step of experience.steps) {
      if (step.target) selectors.add(step.target);
      for (const trigger of step.triggers)
        if ("click" in trigger.on) selectors.add(trigger.on.click);
    }
  }
  return [...selectors];
}

/** Steps drawn in place of (anchored to) a host element rather than floating. */
export const anchoredKinds: ReadonlySet<Step["kind"]> = new Set([
  "tooltip",
  "badge",
  "cursor",
  "hint",
]);

/** A checklist task can be clicked: not done, and (inOrder) the first undone one. */
export function taskClickable(experience: Experience, done: readonly string[], taskId: string) {
  if (done.includes(taskId)) return false;
  if (experience.checklist.order !== "inOrder") return true;
  return experience.tasks.find((t) => !done.includes(t.id))?.id === taskId;
}

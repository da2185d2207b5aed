// An experience as a plain, JSON-serialisable XState config (SPEC §3.1): steps are states,
// completed/dismissed/snoozed are final states. Interaction events (CTAs, progress triggers,
// survey conditions and fallback, closing cross, checklist tasks) are transitions whose
// `fire` action names the action list to fire; where the flow goes is decided when those
// actions land (SPEC §3.4), so the landing events `go.<step>`, `complete`, `dismiss` and
// `snooze` carry the targets. Actions are referenced by name with params, never by function.
import type { Experience, Project, Step } from "../format/schema.ts";

/** The final states every compiled experience has. */
export const endStates = ["completed", "dismissed", "snoozed"] as const;
export type EndState = (typeof endStates)[number];

/** The one non-final state of a compiled checklist (it has no steps). */
export const checklistOpenState = "open";

/** Where an interaction comes from; `fire` params. */
export interface FireParams {
  context: "cta" | "trigger" | "condition" | "cross" | "task";
  step?: string;
  /** CTA, trigger, condition or task id; absent for the cross and the fallback. */
  id?: string;
  /** true for a survey step's fallback. */
  fallback?: boolean;
}

export interface TransitionConfig {
  target?: string;
  actions?: { type: string; params: Record<string, unknown> }[];
  description?: string;
}

export interface StateConfig {
  type?: "final";
  entry?: { type: string; params: Record<string, unknown> }[];
  on?: Record<string, TransitionConfig>;
  description?: string;
}

export interface MachineConfig {
  id: string;
  initial: string;
  context: Record<string, unknown>;
  states: Record<string, StateConfig>;
  on: Record<string, TransitionConfig>;
}

/** Event types, one place for their spelling. */
export const eventTypes = {
  cta: (id: string) => `cta.${id}`,
  trigger: (id: string) => `trigger.${id}`,
  condition: (id: string) => `condition.${id}`,
  fallback: "fallback",
  close: "close",
  task: (id: string) => `task.${id}`,
  go: (step: string) => `go.${step}`,
  complete: "complete",
  dismiss: "dismiss",
  snooze: "snooze",
} as const;

export function findExperience(project: Project, experienceId: string): Experience {
  const found = project.experiences.find((e) => e.id === experienceId);
  if (!found) {
    const known = project.experiences.map((e) => e.id).join(", ") || "none";
    throw new Error(`No experience "${experienceId}" in the project (experiences: ${known}).`);
  }
  return found;
}

export function machineConfig(project: Project, experienceId: string): MachineConfig {
  const experience = findExperience(project, experienceId);
  return experience.type === "checklist" ? checklistConfig(experience) : flowConfig(experience);
}

function fire(params: FireParams): TransitionConfig {
  return { actions: [{ type: "fire", params: { ...params } }] };
}

function finals(): Record<string, StateConfig> {
  return Object.fromEntries(endStates.map((name) => [name, { type: "final" } as StateConfig]));
}

/** Landing events: the only transitions that move the flow (root level, from any step). */
function landingTransitions(experience: Experience): Record<string, TransitionConfig> {
  const on: Record<string, TransitionConfig> = {};
  for (const step of experience.steps) on[eventTypes.go(step.id)] = { target: `.${step.id}` };
  on[eventTypes.complete] = { target: ".completed" };
  on[eventTypes.dismiss] = { target: ".dismissed" };
  on[eventTypes.snooze] = { target: ".snoozed" };
  return on;
}

function stepState(step: Step): StateConfig {
  const on: Record<string, TransitionConfig> = {};
  for (const cta of step.ctas)
    on[eventTypes.cta(cta.id)] = fire({ context: "cta", step: step.id, id: cta.id });
  for (const trigger of step.triggers) {
    on[eventTypes.trigger(trigger.id)] = fire({
      context: "trigger",
      step: step.id,
      id: trigger.id,
    });
  }
  if (isAnswerable(step)) {
    for (const condition of step.conditions) {
      on[eventTypes.condition(condition.id)] = fire({
        context: "condition",
        step: step.id,
        id: condition.id,
      });
    }
    on[eventTypes.fallback] = fire({ context: "condition", step: step.id, fallback: true });
  }
  on[eventTypes.close] = fire({ context: "cross", step: step.id });
  const state: StateConfig = { entry: [{ type: "entered", params: { step: step.id } }], on };
  if (step.name) state.description = step.name;
  return state;
}

/** Survey steps that take an answer (SPEC §1: message and bookInterview take none). */
export function isAnswerable(step: Step): boolean {
  return ["nps", "scale", "choice", "multiChoice", "text"].includes(step.kind);
}

function flowConfig(experience: Experience): MachineConfig {
  const states: Record<string, StateConfig> = {};
  for (const step of experience.steps) states[step.id] = stepState(step);
  Object.assign(states, finals());
  return {
    id: experience.id,
    // Decided here (semantics.ts): a flow without steps completes as soon as it is shown.
    initial: experience.steps[0]?.id ?? "completed",
    context: {},
    states,
    on: landingTransitions(experience),
  };
}

function checklistConfig(experience: Experience): MachineConfig {
  const on: Record<string, TransitionConfig> = {};
  for (const task of experience.tasks)
    on[eventTypes.task(task.id)] = fire({ context: "task", id: task.id });
  on[eventTypes.complete] = { target: "completed" };
  on[eventTypes.dismiss] = { target: "dismissed" };
  const { snoozed: _unused, ...checklistFinals } = finals();
  return {
    id: experience.id,
    initial: checklistOpenState,
    context: {},
    states: { [checklistOpenState]: { on }, ...checklistFinals },
    on: {},
  };
}

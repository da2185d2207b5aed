// What every action module provides: its rule (checks beyond the seed's tables, plus the
// facts the warnings need) and, from the engine, its effect. Modelled on excalidraw's action
// registry: one object per action, predicate and effect side by side.

import type { ActionSource, PendingLanding } from "../engine/types.ts";
import type { Action, ActionOf, ActionType, Experience, Project, Step } from "../format/schema.ts";
import type { AgentSource, Context } from "../rules/contexts.ts";
import type { Diagnostic } from "../validate/diagnostic.ts";

/** Where an action list sits, as the validator walks the project. */
export interface ActionPlace {
  project: Project;
  context: Context;
  /** Pointer of the action itself, e.g. /experiences/0/steps/1/ctas/0/actions/2 */
  pointer: string;
  /** Index of the action in its list (the order it was added). */
  index: number;
  /** The whole list the action is in. */
  list: readonly Action[];
  experience?: Experience;
  step?: Step;
  stepIndex?: number;
  /** Index of the CTA within its step (0 = primary), when context is "cta". */
  ctaIndex?: number;
  agentSource?: AgentSource;
}

export interface ActionRule<T extends ActionType> {
  /** Changes what the user sees (seed: "avoid combining two actions that both change what the user sees"). */
  changesView(action: ActionOf<T>): boolean;
  /** Renders something on the current page (so a same-tab navigation beside it may cut it off). */
  rendersOnPage: boolean;
  /** Text in which `{attribute}` placeholders are resolved at run time. */
  templates(action: ActionOf<T>): { field: string; text: string }[];
  /** Rules of this action beyond the availability and combination tables. */
  check(action: ActionOf<T>, place: ActionPlace): Diagnostic[];
}

/** What an action can do to the simulated world; the engine's Simulation implements it. */
export interface ActionRuntime {
  goToStep(target: string, source: ActionSource): void;
  dismiss(source: ActionSource): void;
  snooze(action: ActionOf<"snooze">, source: ActionSource): void;
  /** launchExperience at firing: the current sequential flow is dismissed (SPEC §3.2). */
  dismissLaunchingFlow(source: ActionSource): void;
  launch(experience: string, landing: PendingLanding): void;
  openPost(post: string): void;
  launchAgent(message: string | undefined): void;
  navigate(url: string, openIn: "sameTab" | "newTab"): void;
  runJs(action: ActionOf<"runJs">, source: ActionSource): void;
  bookInterview(source: ActionSource): void;
}

/** The action at run time (SPEC §3.2–3.4): what it does when it fires and when it lands. */
export interface ActionEffect<T extends ActionType> {
  /** At the instant its list fires, before its latency. */
  fire?(action: ActionOf<T>, runtime: ActionRuntime, landing: PendingLanding): void;
  /** Once its latency has elapsed on the simulated clock. */
  land(action: ActionOf<T>, runtime: ActionRuntime, landing: PendingLanding): void;
}

export interface ActionDefinition<T extends ActionType> {
  type: T;
  rule: ActionRule<T>;
  effect: ActionEffect<T>;
}

export function defineAction<T extends ActionType>(definition: ActionDefinition<T>) {
  return definition;
}

/** The first step of a tour, banner or survey: the only place snooze may sit (seed). */
export function isFirstStepOfSequentialFlow(place: ActionPlace): boolean {
  const type = place.experience?.type;
  return place.stepIndex === 0 && (type === "tour" || type === "banner" || type === "survey");
}

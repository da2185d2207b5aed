// What every action module provides: its rule (checks beyond the seed's tables, plus the
// facts the warnings need) and its effect at run time, as pure functions from a view of the
// world to the Changes it makes (landing.ts). Modelled on excalidraw's action registry (one
// object per action, predicate and effect side by side) and typebot's bot-engine (one pure
// `(state, block) => next` per block).

import type { Action, ActionOf, ActionType, Experience, Project, Step } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import type { AgentSource, Context } from "../rules/contexts.ts";
import type { Change, LandingWorld, PendingLanding } from "./landing.ts";

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

/** The action at run time (SPEC §3.2–3.4): what it does when it fires and when it lands. */
export interface ActionEffect<T extends ActionType> {
  /** At the instant its list fires, before its latency. */
  fire?(action: ActionOf<T>, landing: PendingLanding, world: LandingWorld): Change[];
  /** Once its latency has elapsed on the simulated clock. */
  land(action: ActionOf<T>, landing: PendingLanding, world: LandingWorld): Change[];
  /** It can move its flow (goToStep, dismiss, snooze): it lands as a route of the machine. */
  movesFlow?: true;
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

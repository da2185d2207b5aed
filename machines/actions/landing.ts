// What an action does at run time (SPEC §3.2–3.4), as data. Each action module answers a
// firing or a landing with the list of Changes it makes, in order, from a read-only view of
// the world; it never touches the world itself. The engine applies Changes to the simulated
// world and its XState actors, the race explorer to its small model, and the compiler reads
// the flow moves to draw the routes: one answer to "what does this action do".

import type { Action, Experience, Project } from "../format/schema.ts";
import type { Effect, TraceEntry } from "../format/script.ts";
import type { EndState } from "../model/experience.ts";
import type { Context } from "../rules/contexts.ts";

/** Where a fired action list came from. `sdk` is the script's `launch`. */
export interface ActionSource {
  context: Context | "sdk";
  experience?: string;
  step?: string;
  /** The display (ExperienceState.instance) the list was fired from. */
  instance?: number;
  /** CTA, trigger, condition, task, post, block, custom answer or automated action id. */
  id?: string;
}

/** An action fired and not yet landed (SPEC §3.4). */
export interface PendingLanding {
  /** Firing sequence number: ties on `due` land in firing order. */
  seq: number;
  firedAt: number;
  due: number;
  /** 0-based place in the nominal order of its list (SPEC §3.3). */
  order: number;
  action: Action;
  source: ActionSource;
  /** World.pageChanges when it fired (a launch is interrupted by a later page change). */
  pageChangesAtFire: number;
  /** The interaction (edge id of the compiled machine) that fired it, when a step did. */
  edge?: string;
  /** The first action of its list to move the flow: it lands as the edge's own transition. */
  leads?: true;
}

/** The display that fired a list, while it is still on screen. */
export interface FlowView {
  experience: Experience;
  /** Index of the step on screen in `experience.steps`. */
  stepIndex: number;
  /** The visit stack; absent when routes are computed statically (no user yet). */
  history?: readonly string[];
  /** Snoozes so far (SPEC §3.2: maxTimes counts them). */
  snoozeCount: number;
}

/** Where a landing moves its flow. `back` (statically): goToStep previous decides later. */
export type FlowMove =
  | { to: "step"; step: string; back?: true }
  | { to: "end"; end: EndState }
  | { to: "back" };

/** One thing a firing or landing does to the world, in the order it does them. */
export type Change =
  | { type: "move"; experience: string; move: FlowMove }
  | { type: "snooze"; experience: string; hours: number }
  | { type: "effect"; effect: Effect }
  | { type: "page"; url: string }
  | { type: "tab"; url: string }
  | { type: "launch"; experience: string }
  | { type: "openAgent" }
  | { type: "askAgent"; message: string }
  | { type: "attributes"; attributes: Record<string, unknown> }
  | { type: "warn"; code: string; message: string; experience?: string }
  | { type: "record"; entry: Omit<TraceEntry, "at"> }
  /** The SDK's launch dismisses the tour, survey or banner on screen. */
  | { type: "dismissOnScreen" };

/** What a firing or landing may read. */
export interface LandingWorld {
  project: Project;
  attributes: Readonly<Record<string, unknown>>;
  /** The display that fired the list, if it is still on screen. */
  flow: FlowView | undefined;
}

/** Contexts where a launchExperience, when it fires, dismisses its own flow (SPEC §3.2). */
export const flowContexts: ReadonlySet<string> = new Set(["cta", "trigger", "condition", "cross"]);

// The world of a simulation (SPEC §3.1) as plain JSON, and the Simulation interface the CLI
// and the UI drive. Everything here survives JSON.stringify/parse (snapshots, time travel).
import type { Action } from "../format/schema.ts";
import type {
  Effect,
  ExperienceStatus,
  Result,
  ScriptStep,
  TraceEntry,
  Warning,
} from "../format/script.ts";
import type { Context } from "../rules/contexts.ts";

/** Per experience and user (SPEC §3.1). Times are simulated ms since the script's start. */
export interface ExperienceState {
  status: ExperienceStatus;
  /** The step on screen; null unless active (always null for a checklist). */
  step: string | null;
  /** Visit stack for goToStep previous (popped by it). */
  history: string[];
  /** Every step entered, in order, repeats kept. */
  visited: string[];
  views: number;
  snoozeCount: number;
  snoozedUntil: number | null;
  lastShown: number | null;
  completedAt: number | null;
  dismissedAt: number | null;
  tasksDone: string[];
  /** Bumped at each show, so actions of an earlier display land on nothing. */
  instance: number;
}

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
}

export interface WorldState {
  /** Simulated ms since the script's start. */
  now: number;
  /** The script's start as epoch ms (kept for display; never read from the real clock). */
  startEpochMs: number;
  user: { id: string; attributes: Record<string, unknown> };
  page: string;
  /** Counts page changes (every navigation, also to the same URL). */
  pageChanges: number;
  tabs: string[];
  experiences: Record<string, ExperienceState>;
  agent: { open: boolean; messages: { from: "user" | "agent"; text: string }[] };
  /** experience.shown times of experiences that do not ignore the rate limit. */
  rateLog: number[];
  effects: Effect[];
  trace: TraceEntry[];
  warnings: Warning[];
  pending: PendingLanding[];
  nextSeq: number;
  /** Trigger firings and launches in the current script step (SPEC §3.2 loops). */
  chain: number;
  /** Set once loop.stopped is recorded in the current script step: nothing more fires. */
  chainStopped: boolean;
  /** 0-based index of the next script step. */
  stepIndex: number;
}

/** A serialisable simulation: the world plus XState persisted snapshots of the actors. */
export interface SimulationSnapshot {
  version: 1;
  world: WorldState;
  /** Persisted snapshots (getPersistedSnapshot) of the experience actors on screen. */
  actors: Record<string, unknown>;
}

export interface SimulationOptions {
  user?: { id?: string; attributes?: Record<string, unknown> };
  start?: { url?: string; at?: string };
  /** Also receives every XState inspection event (e.g. @statelyai/inspect's `inspect`). */
  inspect?: ExternalInspector;
}

/** An observer of XState inspection events, as `createActor(…, { inspect })` takes it. */
export type ExternalInspector = (event: import("xstate").InspectionEvent) => void;

export type TraceListener = (entry: TraceEntry) => void;

export interface Simulation {
  /** Runs one script step; throws ScriptStepError when it cannot be done. */
  run(step: ScriptStep): void;
  result(): Result;
  snapshot(): SimulationSnapshot;
  /** Streams trace entries as they are recorded; returns an unsubscribe function. */
  onTrace(listener: TraceListener): () => void;
  /** Actions fired and not landed yet, in landing order. */
  pending(): PendingLanding[];
  /** Moves the simulated clock on, landing what falls due, then runs the show check. */
  advanceMs(ms: number): void;
  /** Runs the clock until nothing is pending. */
  settle(): void;
  /** Simulated ms since the start. */
  now(): number;
  /** The world as it is (read-only view; do not mutate). */
  world(): Readonly<WorldState>;
}

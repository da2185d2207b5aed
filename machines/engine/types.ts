// The world of a simulation (SPEC §3.1) as plain JSON, and the Simulation interface the CLI
// and the UI drive. Everything here survives JSON.stringify/parse (snapshots, time travel).
import type { PendingLanding } from "../actions/landing.ts";
import type {
  Effect,
  ExperienceStatus,
  Result,
  ScriptStep,
  TraceEntry,
  Warning,
} from "../format/script.ts";

/** Per experience and user (SPEC §3.1). Times are simulated ms since the script's start. */
export interface ExperienceState {
  status: ExperienceStatus;
  /** The step on screen; null unless active (always null for a checklist). */
  step: string | null;
  /** Visit stack for goToStep previous: the display's machine context keeps it (mirrored). */
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

export type { ActionSource, PendingLanding } from "../actions/landing.ts";

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

/**
 * A serialisable simulation: the world plus XState persisted snapshots of the actors.
 * Version 2: the actors run the routed machines (ids as keys, history in their context);
 * version 1 snapshots are migrated when restored (snapshot.ts).
 */
export interface SimulationSnapshot {
  version: 2;
  world: WorldState;
  /** Persisted snapshots (getPersistedSnapshot) of the experience actors on screen. */
  actors: Record<string, unknown>;
}

/** An interaction taken on screen: the edge of the compiled machine it follows. */
export interface EdgeTaken {
  experience: string;
  /** The edge id, the machine's event type (compile/routes.ts). */
  edge: string;
  /** The step it was taken on. */
  step?: string;
}

export type EdgeListener = (taken: EdgeTaken) => void;

export interface SimulationOptions {
  user?: { id?: string; attributes?: Record<string, unknown> };
  start?: { url?: string; at?: string };
  /** Also receives every XState inspection event (e.g. @statelyai/inspect's `inspect`). */
  inspect?: ExternalInspector;
  /** Receives every interaction taken, from the start on. */
  onEdge?: EdgeListener;
}

/** How a restored simulation is observed. */
export interface ObserveOptions {
  inspect?: ExternalInspector;
  onEdge?: EdgeListener;
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
  /** Streams the interactions taken (edges of the compiled machines); returns an unsubscribe. */
  onEdge(listener: EdgeListener): () => void;
  /**
   * Puts an experience on screen at one of its steps, as a new display (the debugger's
   * "preview from here"): shown, with that step entered and nothing before it.
   */
  forceStep(experience: string, step: string): void;
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

// Drives the engine for the store: starts a simulation from a setup, runs script steps and
// turns each into a Moment (a persisted snapshot plus the edges it took), and replays a
// script on a (new) project. The collector sees every simulation's edges (and passes inspection on).
import { createSimulation, restoreSimulation } from "../../machines/engine/index.ts";
import type { EdgeCollector } from "./taken-edges.ts";
import type { Moment, Project, ScriptStep, SessionSetup, Simulation } from "./types.ts";

function startSimulation(
  project: Project,
  setup: SessionSetup,
  collector: EdgeCollector,
): Simulation {
  collector.drain();
  return createSimulation(project, {
    user: { id: setup.user.id, attributes: setup.user.attributes },
    start: setup.start,
    inspect: collector.inspect,
    onEdge: collector.onEdge,
  });
}

export function momentOf(
  simulation: Simulation,
  step: ScriptStep | null,
  collector: EdgeCollector,
): Moment {
  const snapshot = simulation.snapshot();
  return { step, snapshot, traceLength: snapshot.world.trace.length, taken: collector.drain() };
}

export function restoreMoment(
  project: Project,
  moment: Moment,
  collector: EdgeCollector,
): Simulation {
  const simulation = restoreSimulation(project, moment.snapshot, {
    inspect: collector.inspect,
    onEdge: collector.onEdge,
  });
  collector.drain();
  return simulation;
}

export type StepOutcome = { ok: true } | { ok: false; message: string };

/** Runs one step; a refused step (or an engine crash) becomes a message, never a throw. */
export function runStep(simulation: Simulation, step: ScriptStep): StepOutcome {
  try {
    simulation.run(step);
    return { ok: true };
  } catch (thrown) {
    return { ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

export interface Replayed {
  simulation: Simulation;
  moments: Moment[];
  /** The first step that could not be done (it and the steps after it were dropped). */
  failed?: { index: number; message: string };
}

/**
 * Steps a replay runs between two turns of the page. A script of at most this many steps
 * replays at once; a longer one (a share link's, a saved session's) in slices, each a
 * macrotask, so the page keeps answering and can show progress.
 */
export const replaySliceSteps = 50;

/** A replay that runs a slice at a time (`replaySteps` runs one to its end). */
export interface ReplayJob {
  readonly total: number;
  /** Steps done so far. */
  done(): number;
  /** True once every step ran, or one could not be done. */
  over(): boolean;
  /** The replay so far: a session that stopped after the steps done. */
  sofar(): Replayed;
  /** Runs up to `count` more steps; true once the replay is over (every step run, or one failed). */
  advance(count: number): boolean;
}

/** A replay of `steps` from the start, stopping at the first step that cannot be done. */
export function startReplay(
  project: Project,
  setup: SessionSetup,
  steps: readonly ScriptStep[],
  collector: EdgeCollector,
): ReplayJob {
  let simulation = startSimulation(project, setup, collector);
  const moments: Moment[] = [momentOf(simulation, null, collector)];
  let failed: Replayed["failed"];
  let next = 0;
  const over = () => failed !== undefined || next >= steps.length;
  return {
    total: steps.length,
    done: () => next,
    over,
    sofar: () => ({ simulation, moments: [...moments], ...(failed ? { failed } : {}) }),
    advance(count) {
      for (let ran = 0; ran < count && !over(); ran++) {
        const step = steps[next];
        const outcome = runStep(simulation, step);
        if (!outcome.ok) {
          // A refused step may have bumped counters: continue from the last good moment.
          simulation = restoreMoment(project, moments[moments.length - 1], collector);
          failed = { index: next, message: outcome.message };
          break;
        }
        moments.push(momentOf(simulation, step, collector));
        next++;
      }
      return over();
    },
  };
}

/** Runs `steps` from the start at once; stops at the first step that cannot be done. */
export function replaySteps(
  project: Project,
  setup: SessionSetup,
  steps: readonly ScriptStep[],
  collector: EdgeCollector,
): Replayed {
  const job = startReplay(project, setup, steps, collector);
  job.advance(steps.length);
  return job.sofar();
}

export interface SliceOptions {
  /** Steps per slice (default `replaySliceSteps`). */
  sliceSteps?: number;
  /** Resolves once the page has had a turn; the default waits for a macrotask. */
  yieldToPage?: () => Promise<void>;
  /** After every slice but the last. */
  onSlice?(job: ReplayJob): void;
  /** Asked before every slice after the first: true stops the replay where it is. */
  cancelled?(): boolean;
}

/** A macrotask later: rendering and input events get their turn before it resolves. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs `job` a slice at a time, yielding to the page between slices; the first slice runs
 * before this returns. Resolves true when the replay is over, false when it was cancelled
 * (the job then stays where it stopped).
 */
export async function runInSlices(job: ReplayJob, options: SliceOptions = {}): Promise<boolean> {
  const slice = Math.max(1, options.sliceSteps ?? replaySliceSteps);
  const yieldToPage = options.yieldToPage ?? nextMacrotask;
  while (!job.advance(slice)) {
    options.onSlice?.(job);
    await yieldToPage();
    if (options.cancelled?.()) return false;
  }
  return true;
}

/** The moment that holds trace entry `entryIndex` (entries of a step belong to its moment). */
export function momentOfEntry(moments: readonly Moment[], entryIndex: number): number {
  for (let k = 0; k < moments.length; k++) {
    if (entryIndex < moments[k].traceLength) return k;
  }
  return moments.length - 1;
}

/** Script steps that led to moment `cursor` (what a recording of the screen replays). */
export function stepsTo(moments: readonly Moment[], cursor: number): ScriptStep[] {
  const steps: ScriptStep[] = [];
  for (const moment of moments.slice(1, cursor + 1)) if (moment.step) steps.push(moment.step);
  return steps;
}

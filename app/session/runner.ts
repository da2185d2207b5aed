// Drives the engine for the store: starts a simulation from a setup, runs script steps and
// turns each into a Moment (a persisted snapshot plus the edges it took), and replays a
// script on a (new) project. The collector sees every simulation's inspection stream.
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
  const simulation = restoreSimulation(project, moment.snapshot, collector.inspect);
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

/** Runs `steps` from the start; stops at the first step that cannot be done. */
export function replaySteps(
  project: Project,
  setup: SessionSetup,
  steps: readonly ScriptStep[],
  collector: EdgeCollector,
): Replayed {
  let simulation = startSimulation(project, setup, collector);
  const moments: Moment[] = [momentOf(simulation, null, collector)];
  for (const [index, step] of steps.entries()) {
    const outcome = runStep(simulation, step);
    if (!outcome.ok) {
      // A refused step may have bumped counters: continue from the last good moment.
      simulation = restoreMoment(project, moments[moments.length - 1], collector);
      return { simulation, moments, failed: { index, message: outcome.message } };
    }
    moments.push(momentOf(simulation, step, collector));
  }
  return { simulation, moments };
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

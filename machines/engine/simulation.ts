// A live Simulation for the CLI and the UI: created from options, or restored from a
// snapshot (any version this engine has written: snapshot.ts migrates older ones).
import type { Project } from "../format/schema.ts";
import { migrateSnapshot, type StoredSnapshot } from "./snapshot.ts";
import type { ObserveOptions, Simulation, SimulationOptions } from "./types.ts";
import { WorldSimulation } from "./world-simulation.ts";
import { initialWorld } from "./world-state.ts";

export function createSimulation(project: Project, options: SimulationOptions = {}): Simulation {
  const simulation = new WorldSimulation(
    project,
    initialWorld(project, options),
    {},
    options.inspect,
  );
  if (options.onEdge) simulation.onEdge(options.onEdge);
  simulation.start();
  return simulation;
}

export function restoreSimulation(
  project: Project,
  snapshot: StoredSnapshot,
  observe: ObserveOptions = {},
): Simulation {
  const current = migrateSnapshot(project, structuredClone(snapshot));
  const simulation = new WorldSimulation(project, current.world, current.actors, observe.inspect);
  if (observe.onEdge) simulation.onEdge(observe.onEdge);
  return simulation;
}

export { StepRefused } from "./errors.ts";

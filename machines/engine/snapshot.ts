// Saved simulations outlive engine versions (issue 9: nothing saved is lost). Version 1
// (before the routed machines) kept each actor as a snapshot of the old router machine:
// it is rebuilt from the world, which holds everything the new machine needs (the step on
// screen, the visit history, the snoozes), so sessions in IndexedDB and share links open.
import { compiledExperience } from "../compile/compile.ts";
import { type FlowContext, liveContext, storedContext } from "../compile/implementations.ts";
import type { Project } from "../format/schema.ts";
import { keyOf } from "../model/keys.ts";
import type { SimulationSnapshot, WorldState } from "./types.ts";

/** A version 1 snapshot, as stored before issue 9. */
export interface SnapshotV1 {
  version: 1;
  world: WorldState;
  actors: Record<string, unknown>;
}

export type StoredSnapshot = SimulationSnapshot | SnapshotV1;

/** The current snapshot of a stored one (the argument may be changed; pass a copy). */
export function migrateSnapshot(project: Project, stored: StoredSnapshot): SimulationSnapshot {
  if (stored.version === 2) return stored;
  if (stored.version !== 1) {
    throw new Error(
      `Unknown simulation snapshot version ${String((stored as { version?: unknown }).version)}.`,
    );
  }
  const world = stored.world;
  const actors: Record<string, unknown> = {};
  for (const experience of project.experiences) {
    const state = world.experiences[experience.id];
    if (state?.status !== "active") continue;
    const machine = compiledExperience(project, experience.id);
    const value =
      experience.type === "checklist" ? "open" : state.step === null ? null : keyOf(state.step);
    if (value === null) continue;
    state.history ??= state.step === null ? [] : [state.step];
    const resolved = machine.resolveState({
      value,
      context: liveContext({ history: state.history, snoozeCount: state.snoozeCount }),
    });
    const persisted = machine.getPersistedSnapshot(resolved) as unknown as { context: FlowContext };
    Object.defineProperty(actors, experience.id, {
      value: { ...persisted, context: storedContext(persisted.context) },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return { version: 2, world, actors };
}

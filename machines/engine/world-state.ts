// The world's initial state and its projection to the SPEC §4 Result.
import type { Project } from "../format/schema.ts";
import type { ExperienceResult, Result } from "../format/script.ts";
import type { ExperienceState, SimulationOptions, WorldState } from "./types.ts";

/** Script defaults (machines/format/script.ts) for a Simulation created without a script. */
const defaultStart = { url: "/", at: "2026-01-05T09:00:00Z" };

export function freshExperienceState(): ExperienceState {
  return {
    status: "idle",
    step: null,
    history: [],
    visited: [],
    views: 0,
    snoozeCount: 0,
    snoozedUntil: null,
    lastShown: null,
    completedAt: null,
    dismissedAt: null,
    tasksDone: [],
    instance: 0,
  };
}

export function initialWorld(project: Project, options: SimulationOptions): WorldState {
  const at = options.start?.at ?? defaultStart.at;
  const epoch = Date.parse(at);
  return {
    now: 0,
    startEpochMs: Number.isNaN(epoch) ? 0 : epoch,
    user: {
      id: options.user?.id ?? "u1",
      // Copied: runJs's setAttributes must never write into the caller's script.
      attributes: structuredClone(options.user?.attributes ?? {}),
    },
    page: options.start?.url ?? defaultStart.url,
    pageChanges: 0,
    tabs: [],
    experiences: Object.fromEntries(project.experiences.map((e) => [e.id, freshExperienceState()])),
    agent: { open: false, messages: [] },
    rateLog: [],
    effects: [],
    trace: [],
    warnings: [],
    pending: [],
    nextSeq: 0,
    chain: 0,
    chainStopped: false,
    stepIndex: 0,
  };
}

function experienceResult(state: ExperienceState, isChecklist: boolean): ExperienceResult {
  return {
    status: state.status,
    step: state.status === "active" && !isChecklist ? state.step : null,
    visited: state.visited,
    views: state.views,
    snoozeCount: state.snoozeCount,
    tasksDone: state.tasksDone,
  };
}

/** The Result of SPEC §4. Shares arrays with `world`: clone it if the world goes on. */
export function toResult(project: Project, world: WorldState): Result {
  // Ids are data: an experience named "__proto__" is an entry like any other.
  const experiences: Record<string, ExperienceResult> = Object.fromEntries(
    project.experiences.map((experience) => [
      experience.id,
      experienceResult(world.experiences[experience.id], experience.type === "checklist"),
    ]),
  );
  return {
    experiences,
    page: { url: world.page },
    tabs: world.tabs,
    effects: world.effects,
    trace: world.trace,
    warnings: world.warnings,
  };
}

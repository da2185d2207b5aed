// The engine's public API (SPEC §3): compile, simulate, and a live Simulation for the UI.
export {
  compiledExperience,
  compileExperience,
  type MachineConfig,
  machineConfig,
} from "../compile/index.ts";
export { surveyTestHolds, validateAnswer } from "../compile/survey.ts";
export { matchesPage } from "../model/glob.ts";
export { audienceFailures, conditionHolds } from "./audience.ts";
export { describeScriptStep, ScriptStepError } from "./errors.ts";
export {
  countExpectations,
  deepEqual,
  formatMismatches,
  type Mismatch,
  matchExpectation,
  subsequenceKeys,
} from "./expect.ts";
export { simulate } from "./simulate.ts";
export { createSimulation, restoreSimulation } from "./simulation.ts";
export { migrateSnapshot, type SnapshotV1, type StoredSnapshot } from "./snapshot.ts";
export type {
  ActionSource,
  EdgeListener,
  EdgeTaken,
  ExperienceState,
  ExternalInspector,
  ObserveOptions,
  PendingLanding,
  Simulation,
  SimulationOptions,
  SimulationSnapshot,
  TraceListener,
  WorldState,
} from "./types.ts";

// The engine's public API (SPEC §3): compile, simulate, and a live Simulation for the UI.
export {
  compiledExperience,
  compileExperience,
  type MachineConfig,
  machineConfig,
} from "../compile/index.ts";
export { audienceFailures } from "./audience.ts";
export { describeScriptStep, ScriptStepError } from "./errors.ts";
export { matchesPage } from "./glob.ts";
export { simulate } from "./simulate.ts";
export { createSimulation, restoreSimulation } from "./simulation.ts";
export { surveyTestHolds, validateAnswer } from "./survey.ts";
export type {
  ActionSource,
  ExperienceState,
  ExternalInspector,
  PendingLanding,
  Simulation,
  SimulationOptions,
  SimulationSnapshot,
  TraceListener,
  WorldState,
} from "./types.ts";

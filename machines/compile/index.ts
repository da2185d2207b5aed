// Experiences compiled to XState machines (SPEC §3.1).
export { compiledExperience, compileExperience, type ExperienceMachine } from "./compile.ts";
export {
  checklistOpenState,
  type EndState,
  endStates,
  eventTypes,
  type FireParams,
  findExperience,
  isAnswerable,
  type MachineConfig,
  machineConfig,
} from "./machine-config.ts";

// Experiences compiled to XState machines (SPEC §3.1): one model of a flow.
export {
  type AnswerClass,
  agreeingIntervals,
  answerClasses,
  testText,
} from "./answer-classes.ts";
export {
  compiledConfig,
  compiledExperience,
  compileExperience,
  type ExperienceMachine,
  machineFromConfig,
} from "./compile.ts";
export { ctaList, type FireParams, firedList } from "./fired-list.ts";
export {
  type EnteredEvent,
  type FlowContext,
  type FlowEvent,
  flowImplementations,
  liveContext,
  type StoredFlowContext,
  storedContext,
  type VisitStack,
  visitStack,
} from "./implementations.ts";
export {
  type ChecklistMeta,
  checklistClose,
  checklistOpenState,
  type EndState,
  endStates,
  findExperience,
  landEvent,
  type MachineConfig,
  machineConfig,
  type RouteMeta,
  type StateConfig,
  stepKey,
  type TransitionConfig,
} from "./machine-config.ts";
export {
  type EdgeVia,
  edgeIds,
  landingOrder,
  listRoute,
  type Route,
  type ViaKind,
  type Way,
  waysOut,
} from "./routes.ts";
export { type AnswerValue, matchingCondition, surveyTestHolds, validateAnswer } from "./survey.ts";
export { type TaskOpening, taskOpenings } from "./task-openings.ts";

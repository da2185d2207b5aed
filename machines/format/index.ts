// The formats (SPEC §1, §4, §5): the project, script, result, recording and forecast model
// shapes, and JSON text with positions. What app/ and cli/ import of machines/format/ comes
// from here.
// write-json-schema.ts is a Node script (`npm run schema`): it is not exported.
export {
  type DefaultBehaviour,
  defaultStepBehaviour,
  type ForecastModel,
  forecastModel,
  interactionRef,
  namedInteractions,
  type StepBehaviour,
} from "./forecast-model.ts";
export {
  type JsonSyntaxError,
  type JsonTextResult,
  jsonNestingLimit,
  parseJsonText,
  type TextPosition,
} from "./json-text.ts";
export type {
  Action,
  ActionOf,
  ActionType,
  AudienceCondition,
  AutomatedAction,
  Block,
  Cta,
  CustomAnswer,
  Experience,
  ExperienceType,
  Persona,
  Post,
  Project,
  ProjectInput,
  Recurrence,
  Settings,
  Step,
  StepKind,
  SurveyCondition,
  SurveyTest,
  Task,
  Trigger,
} from "./schema.ts";
export {
  attributeCondition,
  booking,
  experience,
  experienceCondition,
  experienceTypes,
  navigateToAction,
  recurrence,
  showOn,
  stepKinds,
  trigger,
} from "./schema.ts";
export {
  type Effect,
  type ExperienceResult,
  type ExperienceStatus,
  type Reason,
  type Recording,
  type Result,
  recording,
  type Script,
  type ScriptInput,
  type ScriptStep,
  script,
  scriptStep,
  type TraceEntry,
  type Warning,
} from "./script.ts";
export { decodeUtf8Text, type Utf8Error, type Utf8Text } from "./utf8-text.ts";

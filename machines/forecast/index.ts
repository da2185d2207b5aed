// Forecasts (SPEC §5): a forecast model checked against its project, and exact mode.
// What app/ and cli/ import of machines/forecast/ comes from here.
export { defaultAnswerWeight } from "../semantics.ts";
export { answerOfKey, uniformAnswerShares } from "./answers.ts";
export { ForecastError } from "./errors.ts";
export {
  type ExactExperienceForecast,
  type ExactForecast,
  exactExperienceForecast,
  exactForecast,
  type StepForecast,
} from "./exact.ts";
export { type ExactEnd, exactEnds, type FlowChoices, flowChoices } from "./flow-choices.ts";
export { blockedReasons, monteCarloEnds } from "./layout.ts";
export { checkForecastModel } from "./model-check.ts";
export {
  drawnUser,
  type ForecastContext,
  forecastContext,
  forecastUsers,
  type MonteCarloExperience,
  type MonteCarloForecast,
  monteCarloResult,
  type Runner,
  type RunOptions,
  routeTraffic,
  type StepReach,
  type UserRun,
  wilson95,
} from "./monte-carlo.ts";
export { checkMonteCarloModel } from "./population.ts";
export { addTally, emptyTally, type TallyData } from "./tally.ts";

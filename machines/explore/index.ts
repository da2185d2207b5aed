// Explorers over a project (SPEC §5): paths, coverage, races, why. What app/ and cli/ import of
// machines/explore/ comes from here.
export { CountBudgetError } from "./count.ts";
export type { Coverage, CoveragePath } from "./coverage.ts";
export { coverageRecordings, coverageVitestFile, type ExportedRecording } from "./export.ts";
export {
  explorePaths,
  type JsonCount,
  type PathsOptions,
  type PathsPhase,
  type PathsProgress,
  type PathsReport,
  type ShortestPath,
} from "./paths.ts";
export {
  exploreRaces,
  type ListRaces,
  type OutcomeGroup,
  type RaceOutcome,
  type RacesOptions,
  type RacesReport,
} from "./races.ts";
export type { ScriptSetup } from "./script-setup.ts";
export {
  type Fix,
  formatDuration,
  type ScreenHolder,
  type WhyReason,
  type WhyReport,
  whyAfterScript,
  whyNotShown,
} from "./why.ts";

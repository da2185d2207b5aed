// Explorers over a project (SPEC §5): paths, coverage, races, why. What app/ and cli/ import of
// machines/explore/ comes from here.
export type { Coverage } from "./coverage.ts";
export {
  coverageRecordings,
  coverageVitestFile,
  type ExportedRecording,
  eachCoverageRecording,
} from "./export.ts";
export {
  type CoveragePath,
  coverageLength,
  expandCoverage,
  expandShortest,
} from "./path-forms.ts";
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

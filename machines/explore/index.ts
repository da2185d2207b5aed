// Explorers over a project (SPEC §5): paths, coverage, races, why, diff. What app/ and cli/ import of
// machines/explore/ comes from here.
export type { Coverage } from "./coverage.ts";
export {
  type ChangeMark,
  type CycleChange,
  type DataChange,
  type DataChangeKind,
  type DiagnosticChange,
  type DiffInput,
  type DiffOptions,
  diffProjects,
  type ExperienceDiff,
  type ExperienceRef,
  formerEdgePrefix,
  type LaunchEdgeChange,
  type MergedFlow,
  mergedFlow,
  type PathsChange,
  type ProjectDiff,
  type RecordingChange,
  type RecordingChangeKind,
  type RecordingInput,
  type RecordingOutcome,
  type RouteChange,
  type RouteChangeKind,
  type RouteSide,
  type StepChange,
} from "./diff.ts";
export {
  cosmeticCount,
  type DiffGroup,
  type DiffLine,
  type DiffTone,
  diffGroups,
} from "./diff-groups.ts";
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
  clickLabels,
  endWords,
  pathWords,
  stepWords,
  userSteps,
} from "./path-words.ts";
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
  csvField,
  csvRow,
  endExpectation,
  markdownText,
  openWords,
  type PlanFormat,
  type PlanInput,
  type PlanPath,
  type PlanReport,
  planChunks,
  planCsv,
  planCsvHeader,
  planMarkdown,
  planPath,
  userWords,
} from "./plan.ts";
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

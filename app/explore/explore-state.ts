// The explorer panel's state as a reducer: which request runs, how far it is, and the last
// report of each job with the project (and experience) it was computed for, so the panel can
// say when a report is stale and a request can skip a job whose report is still current.
import type { PathsReport, RacesReport } from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import type { ExploreAnswer, JobOutcome, ProgressAnswer, Wanted } from "./explore-protocol.ts";

export type RunStatus = "idle" | "running" | "done" | "cancelled" | "failed";

export interface PathsEntry {
  project: Project;
  experienceId: string | null;
  outcome: JobOutcome<PathsReport>;
}

export interface RacesEntry {
  project: Project;
  outcome: JobOutcome<RacesReport>;
}

export interface ExploreState {
  status: RunStatus;
  /** The request whose answers are taken (null when none runs). */
  runId: number | null;
  /** What the last request was for. */
  input: { project: Project; experienceId: string | null; want: Wanted } | null;
  progress: ProgressAnswer | null;
  paths: PathsEntry | null;
  races: RacesEntry | null;
  /** Why the worker failed (status "failed"). */
  error: string | null;
  /** How long the last finished request took (ms). */
  ms: number | null;
}

export const initialExploreState: ExploreState = {
  status: "idle",
  runId: null,
  input: null,
  progress: null,
  paths: null,
  races: null,
  error: null,
  ms: null,
};

export type ExploreEvent =
  | { type: "started"; id: number; project: Project; experienceId: string | null; want: Wanted }
  | { type: "answer"; answer: ExploreAnswer }
  | { type: "cancelled" };

/** The jobs a request for (project, experience) needs, or null when every report is current. */
export function planRequest(
  state: ExploreState,
  project: Project,
  experienceId: string | null,
): Wanted | null {
  const paths = state.paths?.project !== project || state.paths.experienceId !== experienceId;
  const races = state.races?.project !== project;
  return paths || races ? { paths, races } : null;
}

function onAnswer(state: ExploreState, answer: ExploreAnswer): ExploreState {
  if (answer.id !== state.runId || !state.input) return state;
  const project = state.input.project;
  switch (answer.type) {
    case "progress":
      return { ...state, progress: answer };
    case "paths":
      return {
        ...state,
        paths: { project, experienceId: answer.experienceId, outcome: answer.outcome },
      };
    case "races":
      return { ...state, races: { project, outcome: answer.outcome } };
    case "done":
      return { ...state, status: "done", runId: null, progress: null, ms: answer.ms };
    case "failed":
      return { ...state, status: "failed", runId: null, progress: null, error: answer.message };
  }
}

export function exploreReducer(state: ExploreState, event: ExploreEvent): ExploreState {
  switch (event.type) {
    case "started": {
      const { id, project, experienceId, want } = event;
      // Another experience's paths would mislead while this one's are computed.
      const paths = state.paths?.experienceId === experienceId ? state.paths : null;
      return {
        ...state,
        status: "running",
        runId: id,
        input: { project, experienceId, want },
        progress: null,
        paths,
        error: null,
      };
    }
    case "answer":
      return onAnswer(state, event.answer);
    case "cancelled":
      if (state.status !== "running") return state;
      return { ...state, status: "cancelled", runId: null, progress: null };
  }
}

/** The paths report to show for this experience, and whether an older project computed it. */
export function pathsView(
  state: ExploreState,
  project: Project | null,
  experienceId: string | null,
): { entry: PathsEntry; stale: boolean } | null {
  const entry = state.paths;
  if (!entry || entry.experienceId !== experienceId) return null;
  return { entry, stale: entry.project !== project };
}

export function racesView(
  state: ExploreState,
  project: Project | null,
): { entry: RacesEntry; stale: boolean } | null {
  const entry = state.races;
  return entry ? { entry, stale: entry.project !== project } : null;
}

/** Why a shown report is out of date, in words (null when it is current). */
export function staleWords(
  entry: { project: Project; experienceId?: string | null },
  project: Project | null,
  experienceId: string | null,
): string | null {
  if (entry.experienceId !== undefined && entry.experienceId !== experienceId) {
    return "Computed for another experience";
  }
  return entry.project !== project ? "Computed for an earlier version of the project" : null;
}

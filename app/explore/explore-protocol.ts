// The messages between the explorer panel and its worker: one request per (project,
// experience), answered by progress reports, each job's report and a final `done`. Every
// answer carries its request's id so the client can drop answers to a superseded request.
import type { PathsPhase, PathsReport, RacesReport } from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";

export type ExploreJob = "paths" | "races";
export type ExplorePhase = PathsPhase | "races";

/** Which jobs a request asks for (races belong to the project, paths to one experience). */
export type Wanted = Record<ExploreJob, boolean>;

export interface ExploreInput {
  project: Project;
  /** The experience whose paths are wanted (null: none selected). */
  experienceId: string | null;
  want: Wanted;
}

export interface ExploreRequest extends ExploreInput {
  type: "explore";
  id: number;
}

/** A job's report, or why there is none: `none` is not a failure (a checklist has no paths). */
export type JobOutcome<T> =
  | { ok: true; report: T }
  | { ok: false; kind: "none" | "error"; message: string };

export interface ProgressAnswer {
  type: "progress";
  id: number;
  job: ExploreJob;
  phase: ExplorePhase;
  done: number;
  total: number;
}

export interface PathsAnswer {
  type: "paths";
  id: number;
  experienceId: string | null;
  outcome: JobOutcome<PathsReport>;
}

interface RacesAnswer {
  type: "races";
  id: number;
  outcome: JobOutcome<RacesReport>;
}

interface DoneAnswer {
  type: "done";
  id: number;
  ms: number;
}

/** Made by the client, not the worker: the worker itself failed (could not start, crashed). */
interface FailedAnswer {
  type: "failed";
  id: number;
  message: string;
}

export type ExploreAnswer = ProgressAnswer | PathsAnswer | RacesAnswer | DoneAnswer | FailedAnswer;

// What the explorer worker does with one request, as a plain function (the worker file only
// wires it to `self`, so tests call it directly): the paths of the selected experience, then
// the races of the project, with throttled progress reports in between.
import { explorePaths, exploreRaces } from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import type {
  ExploreAnswer,
  ExploreJob,
  ExplorePhase,
  ExploreRequest,
  JobOutcome,
  PathsAnswer,
} from "./explore-protocol.ts";

export type Post = (answer: ExploreAnswer) => void;
export type Clock = () => number;

/** Progress reports are at most this often (ms), except a phase's first and last. */
const progressIntervalMs = 50;

/** A progress callback: a phase's first and last report, the rest throttled, no repeats. */
export function throttledProgress(
  post: Post,
  id: number,
  job: ExploreJob,
  now: Clock,
  intervalMs = progressIntervalMs,
): (done: number, total: number, phase: ExplorePhase) => void {
  let lastPhase: ExplorePhase | null = null;
  let lastDone = -1;
  let lastAt = Number.NEGATIVE_INFINITY;
  return (done, total, phase) => {
    const at = now();
    if (phase === lastPhase && done === lastDone) return;
    const edge = phase !== lastPhase || done >= total;
    if (!edge && at - lastAt < intervalMs) return;
    lastPhase = phase;
    lastDone = done;
    lastAt = at;
    post({ type: "progress", id, job, phase, done, total });
  };
}

function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

/** Why an experience has no paths to explore, or null when it has. */
export function noPathsReason(project: Project, experienceId: string | null): string | null {
  if (experienceId === null) return "No experience selected.";
  const experience = project.experiences.find((e) => e.id === experienceId);
  if (!experience) return `No experience "${experienceId}" in this project.`;
  if (experience.type === "checklist") {
    return `"${experienceId}" is a checklist: it has tasks, not steps, so it has no paths.`;
  }
  return null;
}

function pathsAnswer(request: ExploreRequest, post: Post, now: Clock): PathsAnswer {
  const { id, project, experienceId } = request;
  const reason = noPathsReason(project, experienceId);
  if (reason !== null || experienceId === null) {
    return {
      type: "paths",
      id,
      experienceId,
      outcome: { ok: false, kind: "none", message: reason ?? "" },
    };
  }
  const onProgress = throttledProgress(post, id, "paths", now);
  try {
    // The panel shows counts and coverage: shortest and simple paths are left out (most of
    // the work on a big flow; the CLI has them).
    const parts = { shortest: false, simple: false };
    const report = explorePaths(project, experienceId, { onProgress, parts });
    return { type: "paths", id, experienceId, outcome: { ok: true, report } };
  } catch (thrown) {
    const outcome = { ok: false, kind: "error", message: messageOf(thrown) } as const;
    return { type: "paths", id, experienceId, outcome };
  }
}

function racesOutcome(request: ExploreRequest, post: Post, now: Clock) {
  const onProgress = throttledProgress(post, request.id, "races", now);
  try {
    const outcome: JobOutcome<ReturnType<typeof exploreRaces>> = {
      ok: true,
      report: exploreRaces(request.project, { onProgress }),
    };
    return outcome;
  } catch (thrown) {
    return { ok: false, kind: "error", message: messageOf(thrown) } as const;
  }
}

/** Runs the request's jobs in order, posting progress, each job's answer, then `done`. */
export function handleExplore(request: ExploreRequest, post: Post, now: Clock = Date.now): void {
  const started = now();
  if (request.want.paths) post(pathsAnswer(request, post, now));
  if (request.want.races) {
    post({ type: "races", id: request.id, outcome: racesOutcome(request, post, now) });
  }
  post({ type: "done", id: request.id, ms: now() - started });
}

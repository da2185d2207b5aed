// The explorer panel's state: answers of a superseded request are ignored, a request asks
// only for the reports that are not current, another experience's paths are not shown while
// this one's are computed; the progress bar only moves forward across phases and jobs.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExplorePhase, ProgressAnswer, Wanted } from "../app/explore/explore-protocol.ts";
import {
  type ExploreState,
  exploreReducer,
  initialExploreState,
  pathsView,
  planRequest,
  racesView,
} from "../app/explore/explore-state.ts";
import { overallProgress, progressLabel } from "../app/explore/progress.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { exploreRaces } from "../machines/explore/races.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";

const text = readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8");
const nps = (): Project => projectSchema.parse(JSON.parse(text));
const both: Wanted = { paths: true, races: true };

function started(state: ExploreState, id: number, project: Project, experienceId: string | null) {
  return exploreReducer(state, { type: "started", id, project, experienceId, want: both });
}

function finished(project: Project, experienceId = "quarterly-nps", id = 1): ExploreState {
  let state = started(initialExploreState, id, project, experienceId);
  const paths = { ok: true as const, report: explorePaths(project, experienceId) };
  const races = { ok: true as const, report: exploreRaces(project) };
  state = exploreReducer(state, {
    type: "answer",
    answer: { type: "paths", id, experienceId, outcome: paths },
  });
  state = exploreReducer(state, { type: "answer", answer: { type: "races", id, outcome: races } });
  return exploreReducer(state, { type: "answer", answer: { type: "done", id, ms: 12 } });
}

describe("explore state", () => {
  it("keeps the reports of a finished request with the project they were computed for", () => {
    const project = nps();
    const state = finished(project);
    expect(state.status).toBe("done");
    expect(state.runId).toBeNull();
    expect(state.ms).toBe(12);
    expect(pathsView(state, project, "quarterly-nps")).toMatchObject({ stale: false });
    expect(racesView(state, project)).toMatchObject({ stale: false });
    // An edit (a new project object): the reports are shown as stale until recomputed.
    const edited = nps();
    expect(pathsView(state, edited, "quarterly-nps")?.stale).toBe(true);
    expect(racesView(state, edited)?.stale).toBe(true);
    expect(pathsView(state, project, "other")).toBeNull();
  });

  it("ignores the answers of a superseded request", () => {
    const project = nps();
    let state = started(initialExploreState, 1, project, "quarterly-nps");
    state = started(state, 2, project, "quarterly-nps");
    const progress: ProgressAnswer = {
      type: "progress",
      id: 1,
      job: "paths",
      phase: "count",
      done: 0,
      total: 1,
    };
    expect(exploreReducer(state, { type: "answer", answer: progress })).toBe(state);
    expect(exploreReducer(state, { type: "answer", answer: { type: "done", id: 1, ms: 1 } })).toBe(
      state,
    );
    const current = exploreReducer(state, { type: "answer", answer: { ...progress, id: 2 } });
    expect(current.progress?.id).toBe(2);
  });

  it("asks only for what is not current", () => {
    const project = nps();
    const state = finished(project);
    expect(planRequest(state, project, "quarterly-nps")).toBeNull();
    expect(planRequest(state, project, null)).toEqual({ paths: true, races: false });
    expect(planRequest(state, nps(), "quarterly-nps")).toEqual({ paths: true, races: true });
    expect(planRequest(initialExploreState, project, "quarterly-nps")).toEqual(both);
  });

  it("drops another experience's paths when a request starts, keeps the same one's", () => {
    const project = nps();
    const state = finished(project);
    expect(started(state, 2, nps(), "quarterly-nps").paths).toBe(state.paths);
    expect(started(state, 2, project, "other").paths).toBeNull();
    expect(started(state, 2, project, "other").races).toBe(state.races);
  });

  it("a cancel stops the run and keeps what was already answered", () => {
    const project = nps();
    let state = started(initialExploreState, 1, project, "quarterly-nps");
    const outcome = { ok: true as const, report: explorePaths(project, "quarterly-nps") };
    state = exploreReducer(state, {
      type: "answer",
      answer: { type: "paths", id: 1, experienceId: "quarterly-nps", outcome },
    });
    state = exploreReducer(state, { type: "cancelled" });
    expect(state.status).toBe("cancelled");
    expect(state.runId).toBeNull();
    expect(state.paths?.outcome).toBe(outcome);
    expect(planRequest(state, project, "quarterly-nps")).toEqual({ paths: false, races: true });
    // A late answer of the cancelled request changes nothing.
    const late = exploreReducer(state, { type: "answer", answer: { type: "done", id: 1, ms: 3 } });
    expect(late).toBe(state);
  });

  it("records a worker failure", () => {
    let state = started(initialExploreState, 4, nps(), "quarterly-nps");
    state = exploreReducer(state, {
      type: "answer",
      answer: { type: "failed", id: 4, message: "boom" },
    });
    expect(state).toMatchObject({ status: "failed", error: "boom", runId: null });
  });
});

const phases: { job: "paths" | "races"; phase: ExplorePhase }[] = [
  { job: "paths", phase: "count" },
  { job: "paths", phase: "shortest" },
  { job: "paths", phase: "coverage" },
  { job: "paths", phase: "simple" },
  { job: "races", phase: "races" },
];

describe("progress", () => {
  it("moves forward through the phases and jobs, from 0 to 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(4), fc.nat(50), fc.integer({ min: 1, max: 50 })), {
          minLength: 2,
        }),
        fc.constantFrom<Wanted>(both, { paths: true, races: false }, { paths: false, races: true }),
        (raw, want) => {
          const reports = raw
            .map(([p, done, total]) => ({ ...phases[p], done: Math.min(done, total), total }))
            .filter((r) => want[r.job])
            .sort(
              (a, b) =>
                phases.findIndex((p) => p.phase === a.phase) -
                  phases.findIndex((p) => p.phase === b.phase) ||
                a.done / a.total - b.done / b.total,
            );
          const values = reports.map((r) =>
            overallProgress(want, { type: "progress", id: 1, ...r }),
          );
          for (let i = 1; i < values.length; i++) {
            expect(values[i]).toBeGreaterThanOrEqual(values[i - 1] - 1e-12);
          }
          for (const v of values) {
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
    const last = {
      type: "progress" as const,
      id: 1,
      job: "races" as const,
      phase: "races" as const,
    };
    expect(overallProgress(both, { ...last, done: 9, total: 9 })).toBe(1);
    expect(overallProgress(both, { ...last, done: 0, total: 9 })).toBe(0.5);
    expect(overallProgress(both, null)).toBe(0);
  });

  it("names the phase, with its units when it has several", () => {
    const p = { type: "progress" as const, id: 1, job: "paths" as const };
    expect(progressLabel({ ...p, phase: "coverage", done: 340, total: 1002 })).toBe(
      "Coverage · 340 of 1,002 transitions",
    );
    expect(progressLabel({ ...p, phase: "count", done: 0, total: 1 })).toBe("Counting paths…");
    expect(progressLabel({ ...p, job: "races", phase: "races", done: 3, total: 98 })).toBe(
      "Races · 3 of 98 lists",
    );
    expect(progressLabel(null)).toBe("Starting…");
  });
});

// Replaying a coverage path on the canvas: driven through the app's session store, every
// coverage path of every example ends with the canvas marking exactly the path's edges as
// taken and its end node current; steps are spaced by the delay; a newer click cancels; a
// failed step is not counted; the user acting on the session meanwhile stops the walk.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { canvasModel } from "../app/canvas/graph-model.ts";
import { runMarks } from "../app/canvas/run-marks.ts";
import {
  type PathReplayDriver,
  replayDelay,
  replayPath,
  type Schedule,
  sessionChangedMessage,
} from "../app/explore/path-replay.ts";
import { sessionReplayDriver } from "../app/explore/session-replay-driver.ts";
import { createSessionStore, type SessionStore } from "../app/session/store.ts";
import type { CoveragePath } from "../machines/explore/coverage.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { flowGraph } from "../machines/graph/index.ts";

const examplesDir = new URL("../examples/", import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith(".json"));

/** Runs scheduled tasks when told, recording their delays. */
function manualSchedule() {
  const queue: { task: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (task, ms) => {
    const entry = { task, ms, cancelled: false };
    queue.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  const drain = () => {
    for (let i = 0; i < queue.length; i++) if (!queue[i].cancelled) queue[i].task();
  };
  return { schedule, queue, drain };
}

function storeWith(file: string) {
  const store = createSessionStore({ debounceMs: 0 });
  store.openDocument(file, readFileSync(new URL(file, examplesDir), "utf8"));
  return store;
}

describe("coverage path replay on the session", () => {
  it("ends every coverage path of every example with its edges taken and its end current", () => {
    let replayed = 0;
    for (const file of examples) {
      const store = storeWith(file);
      const project = store.getState().project;
      if (!project) throw new Error(`${file} is not valid`);
      for (const experience of project.experiences.filter((e) => e.type !== "checklist")) {
        const report = explorePaths(project, experience.id);
        const model = canvasModel(flowGraph(project, experience.id), project);
        report.coverage.forEach((path, i) => {
          const { schedule, drain } = manualSchedule();
          let ended: unknown = null;
          let shown = 0;
          const driver = sessionReplayDriver(store, () => shown++);
          replayPath(
            path,
            report.setup,
            experience.id,
            driver,
            { onEnd: (o) => (ended = o) },
            schedule,
          );
          drain();
          const where = `${file} ${experience.id} path ${i + 1}`;
          expect(ended, where).toEqual({ ok: true });
          expect(shown, where).toBe(1);
          const s = store.getState();
          expect(s.experienceId, where).toBe(experience.id);
          expect(s.moments, where).toHaveLength(path.steps.length + 1);
          const marks = runMarks(model, s.world, s.moments, s.cursor);
          expect(marks.current, where).toBe(path.end);
          expect([...marks.visitedEdges].sort(), where).toEqual([...new Set(path.edges)].sort());
          replayed++;
        });
      }
    }
    expect(replayed).toBeGreaterThan(20);
  });

  it("walks one step per delay, and a newer click cancels the walk", () => {
    const store = storeWith("nps-survey.json");
    const project = store.getState().project;
    if (!project) throw new Error("no project");
    const report = explorePaths(project, "quarterly-nps");
    const long = report.coverage.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
    const { schedule, queue } = manualSchedule();
    const steps: number[] = [];
    let ended = false;
    const driver = sessionReplayDriver(store, () => {});
    const cancel = replayPath(
      long,
      report.setup,
      "quarterly-nps",
      driver,
      {
        onStep: (done) => steps.push(done),
        onEnd: () => (ended = true),
      },
      schedule,
    );
    // The launch ran at once; the next step waits for the delay.
    expect(steps).toEqual([1]);
    expect(queue).toHaveLength(1);
    expect(queue[0].ms).toBe(replayDelay(long.steps.length));
    queue[0].task();
    expect(steps).toEqual([1, 2]);
    cancel();
    expect(queue[1].cancelled).toBe(true);
    expect(ended).toBe(false);
    expect(store.getState().moments).toHaveLength(3);
  });

  it("stops at a step that cannot be done and says which", () => {
    const store = storeWith("nps-survey.json");
    const project = store.getState().project;
    if (!project) throw new Error("no project");
    const report = explorePaths(project, "quarterly-nps");
    const broken: CoveragePath = {
      ...report.coverage[0],
      steps: [report.coverage[0].steps[0], { do: "click", cta: "no-such-cta" }],
    };
    const { schedule, drain } = manualSchedule();
    let ended: { ok: boolean; message?: string } | null = null;
    const selected: string[] = [];
    const driver: PathReplayDriver = {
      ...sessionReplayDriver(store, () => {}),
      select: (id) => selected.push(id),
    };
    replayPath(
      broken,
      report.setup,
      "quarterly-nps",
      driver,
      { onEnd: (o) => (ended = o) },
      schedule,
    );
    drain();
    expect(ended).toMatchObject({ ok: false });
    expect((ended as unknown as { message: string }).message).toContain("no-such-cta");
    expect(selected).toEqual(["quarterly-nps"]);
  });

  it("counts only the steps that were done when a step fails", () => {
    const store = storeWith("nps-survey.json");
    const project = store.getState().project;
    if (!project) throw new Error("no project");
    const report = explorePaths(project, "quarterly-nps");
    const first = report.coverage[0];
    const broken: CoveragePath = {
      ...first,
      steps: [first.steps[0], { do: "click", cta: "no-such-cta" }, first.steps[0]],
    };
    const { schedule, drain } = manualSchedule();
    const steps: number[] = [];
    replayPath(
      broken,
      report.setup,
      "quarterly-nps",
      sessionReplayDriver(store, () => {}),
      { onStep: (done) => steps.push(done), onEnd: () => {} },
      schedule,
    );
    drain();
    expect(steps).toEqual([1]);
  });

  const userActions: [string, (store: SessionStore) => void][] = [
    ["travels on the timeline", (store) => store.travelTo(0)],
    ["runs a step in the preview", (store) => store.run({ do: "close" })],
    ["restarts the session", (store) => store.restart()],
    ["previews a step from the canvas", (store) => store.previewFrom("quarterly-nps", "score")],
  ];

  it.each(userActions)("stops when the user %s meanwhile, leaving the session alone", (_, act) => {
    const store = storeWith("nps-survey.json");
    const project = store.getState().project;
    if (!project) throw new Error("no project");
    const report = explorePaths(project, "quarterly-nps");
    const long = report.coverage.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
    expect(long.steps.length).toBeGreaterThan(2);
    const { schedule, queue } = manualSchedule();
    const steps: number[] = [];
    const selected: string[] = [];
    let ended: unknown = null;
    const driver: PathReplayDriver = {
      ...sessionReplayDriver(store, () => {}),
      select: (id) => selected.push(id),
    };
    replayPath(
      long,
      report.setup,
      "quarterly-nps",
      driver,
      { onStep: (done) => steps.push(done), onEnd: (o) => (ended = o) },
      schedule,
    );
    queue[0].task();
    expect(steps).toEqual([1, 2]);
    act(store);
    const after = store.getState();
    queue[1].task();
    expect(ended).toEqual({ ok: false, message: sessionChangedMessage });
    expect(steps).toEqual([1, 2]);
    expect(selected).toEqual([]);
    expect(queue).toHaveLength(2);
    expect(store.getState().moments).toBe(after.moments);
    expect(store.getState().cursor).toBe(after.cursor);
  });

  it("does not take a change of the selected experience for the user acting", () => {
    const store = storeWith("multi-action-cta.json");
    const project = store.getState().project;
    if (!project) throw new Error("no project");
    const report = explorePaths(project, "profile-nudge");
    const long = report.coverage.reduce((a, b) => (b.steps.length > a.steps.length ? b : a));
    expect(long.steps.length).toBeGreaterThan(1);
    const { schedule, drain } = manualSchedule();
    let ended: unknown = null;
    const driver = sessionReplayDriver(store, () => {});
    replayPath(
      long,
      report.setup,
      "profile-nudge",
      driver,
      { onEnd: (o) => (ended = o) },
      schedule,
    );
    store.selectExperience("profile-tour");
    expect(store.getState().experienceId).toBe("profile-tour");
    drain();
    expect(ended).toEqual({ ok: true });
    expect(store.getState().experienceId).toBe("profile-nudge");
  });

  it("lands each step's actions even when the session does not land them by itself", () => {
    const store = storeWith("multi-action-cta.json");
    store.setAutoLand(false);
    const project = store.getState().project;
    if (!project) throw new Error("no project");
    const report = explorePaths(project, "profile-nudge");
    const path = report.coverage.find((p) => p.end === "launched:profile-tour");
    if (!path) throw new Error("a coverage path should launch the profile tour");
    const { schedule, drain } = manualSchedule();
    replayPath(
      path,
      report.setup,
      "profile-nudge",
      sessionReplayDriver(store, () => {}),
      { onEnd: () => {} },
      schedule,
    );
    drain();
    expect(store.getState().world?.pending).toEqual([]);
    expect(store.getState().world?.experiences["profile-tour"].status).toBe("active");
  });

  it("keeps replays short: about 250 ms a step, faster for long paths", () => {
    expect(replayDelay(4)).toBe(250);
    expect(replayDelay(1000)).toBe(20);
    expect(replayDelay(100) * 100).toBeLessThanOrEqual(8000);
  });
});

// Long scripts replay in slices that yield to the page (issue 10 item 7): a share link's or a
// saved session's steps no longer freeze the tab. The runner's job and the store's use of it:
// progress, the whole script kept while replaying, and what stops a replay.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type ReplayJob,
  replaySliceSteps,
  replaySteps,
  runInSlices,
  startReplay,
} from "../app/session/runner.ts";
import { createSessionStore } from "../app/session/store.ts";
import { createEdgeCollector } from "../app/session/taken-edges.ts";
import type { ReplayProgress, ScriptStep, SessionInput } from "../app/session/types.ts";
import { validateText } from "../machines/validate/index.ts";

const nps = readFileSync("examples/nps-survey.json", "utf8");
const project = () => validateText(nps).project ?? expect.fail("the NPS example is not valid");
const setup = {
  user: { id: "u1", attributes: { plan: "pro", role: "admin" } },
  personaId: null,
  start: { url: "/", at: "2026-01-05T09:00:00Z" },
};
const advances = (n: number): ScriptStep[] =>
  Array.from({ length: n }, () => ({ do: "advance", hours: 1 }));

describe("runner: a replay a slice at a time", () => {
  it("runs the same moments as a replay at once, one slice per turn of the page", async () => {
    const steps = advances(120);
    const job = startReplay(project(), setup, steps, createEdgeCollector());
    const seen: number[] = [];
    let turns = 0;
    const over = await runInSlices(job, {
      sliceSteps: 50,
      yieldToPage: async () => {
        turns++;
      },
      onSlice: (at: ReplayJob) => seen.push(at.done()),
    });
    expect(over).toBe(true);
    expect(seen).toEqual([50, 100]);
    expect(turns).toBe(2);
    const whole = replaySteps(project(), setup, steps, createEdgeCollector());
    expect(job.sofar().moments.map((m) => m.snapshot.world)).toEqual(
      whole.moments.map((m) => m.snapshot.world),
    );
  });

  it("runs the first slice before it returns, and stops where it is when cancelled", async () => {
    const job = startReplay(project(), setup, advances(200), createEdgeCollector());
    let cancel = false;
    const finished = runInSlices(job, {
      sliceSteps: 30,
      yieldToPage: async () => {
        cancel = job.done() >= 60;
      },
      cancelled: () => cancel,
    });
    expect(job.done()).toBe(30);
    expect(await finished).toBe(false);
    expect(job.done()).toBe(60);
    expect(job.over()).toBe(false);
    expect(job.sofar().moments).toHaveLength(61);
  });

  it("gives the page real turns: a timer set before the replay fires before it ends", async () => {
    const job = startReplay(
      project(),
      setup,
      advances(3 * replaySliceSteps),
      createEdgeCollector(),
    );
    const events: string[] = [];
    setTimeout(() => events.push(`timer at ${job.done()}`), 0);
    await runInSlices(job, { onSlice: (at) => events.push(`slice ${at.done()}`) });
    events.push("over");
    expect(events[0]).toBe(`slice ${replaySliceSteps}`);
    expect(events).toContain(`timer at ${replaySliceSteps}`);
    expect(events.at(-1)).toBe("over");
  });

  it("stops at the first step that cannot be done, in any slice", async () => {
    const steps = [...advances(70), { do: "click", cta: "nope" } as ScriptStep, ...advances(5)];
    const job = startReplay(project(), setup, steps, createEdgeCollector());
    expect(await runInSlices(job, { sliceSteps: 25, yieldToPage: async () => {} })).toBe(true);
    const replayed = job.sofar();
    expect(replayed.failed?.index).toBe(70);
    expect(replayed.moments).toHaveLength(71);
  });
});

describe("session store: long sessions replay in slices", () => {
  /** A store on the NPS example whose page turns are under the test's control. */
  function slicedStore() {
    const turns: (() => void)[] = [];
    const progress: (ReplayProgress | null)[] = [];
    const store = createSessionStore({
      debounceMs: 0,
      replaySliceSteps: 50,
      yieldToPage: () => new Promise<void>((resolve) => turns.push(resolve)),
    });
    store.openDocument("nps", nps);
    let last = store.getState().replay;
    store.subscribe(() => {
      const { replay } = store.getState();
      if (replay !== last) progress.push(replay);
      last = replay;
    });
    /** Lets the page take one turn: the replay runs its next slice. */
    const turn = async () => {
      turns.shift()?.();
      await Promise.resolve();
      await Promise.resolve();
    };
    /** Lets the page take turns until no replay waits for one. */
    const settle = async () => {
      while (turns.length > 0) await turn();
    };
    return { store, progress, turn, settle, waiting: () => turns.length };
  }

  const session = (steps: ScriptStep[]): SessionInput => ({
    ...setup,
    steps,
    selectedExperience: "quarterly-nps",
  });

  it("replays a short session at once, as before", () => {
    const { store, waiting } = slicedStore();
    expect(store.loadSession(session(advances(50)))).toEqual({ ok: true });
    expect(store.getState().moments).toHaveLength(51);
    expect(store.getState().replay).toBeNull();
    expect(waiting()).toBe(0);
  });

  it("shows each slice and its progress, keeps the whole script meanwhile, ends with all of it", async () => {
    const { store, progress, turn } = slicedStore();
    expect(store.loadSession(session(advances(120)))).toEqual({ ok: true });
    expect(store.getState().replay).toEqual({ done: 50, total: 120 });
    expect(store.getState().moments).toHaveLength(51);
    // A reload or a share meanwhile keeps the whole script, not the part replayed.
    expect(store.exportSession().steps).toHaveLength(120);
    await turn();
    expect(store.getState().replay).toEqual({ done: 100, total: 120 });
    await turn();
    expect(await store.replayed()).toEqual({ ok: true });
    expect(store.getState().replay).toBeNull();
    expect(store.getState().moments).toHaveLength(121);
    expect(store.getState().cursor).toBe(120);
    expect(progress).toEqual([{ done: 50, total: 120 }, { done: 100, total: 120 }, null]);
  });

  it("says where a long session stopped when a late step cannot be done", async () => {
    const { store, turn } = slicedStore();
    store.loadSession(session([...advances(80), { do: "click", cta: "nope" }]));
    await turn();
    expect(await store.replayed()).toMatchObject({ ok: false });
    expect(store.getState().notice?.message).toMatch(/stopped at step 81/);
    expect(store.exportSession().steps).toHaveLength(80);
  });

  it("a step the user takes meanwhile stops the replay there, and the notice says so", async () => {
    const { store, turn, waiting } = slicedStore();
    store.loadSession(session(advances(120)));
    expect(store.run({ do: "advance", hours: 2 })).toEqual({ ok: true });
    await turn();
    expect(waiting()).toBe(0);
    expect(store.getState().replay).toBeNull();
    expect(store.getState().moments).toHaveLength(52);
    expect(store.exportSession().steps).toEqual([...advances(50), { do: "advance", hours: 2 }]);
    expect(store.getState().notice?.message).toBe(
      "The session's replay stopped after 50 of 120 steps because the session changed; the last 70 were dropped.",
    );
    expect(await store.replayed()).toMatchObject({ ok: false });
  });

  it("an edit meanwhile replays the whole script on the new project", async () => {
    const { store, settle } = slicedStore();
    store.loadSession(session(advances(120)));
    store.setText(nps.replace('"title": "', '"title": "Edited: '));
    expect(store.getState().projectText).toContain("Edited: ");
    expect(store.getState().replay).toEqual({ done: 50, total: 120 });
    await settle();
    expect(await store.replayed()).toEqual({ ok: true });
    expect(store.getState().moments).toHaveLength(121);
    expect(store.getState().notice).toBeNull();
  });

  it("a new session or document replaces a replay under way without a notice", async () => {
    const { store, turn } = slicedStore();
    store.loadSession(session(advances(120)));
    store.loadSession(session(advances(3)));
    await turn();
    expect(store.getState().moments).toHaveLength(4);
    expect(store.getState().replay).toBeNull();
    expect(store.getState().notice).toBeNull();
  });
});

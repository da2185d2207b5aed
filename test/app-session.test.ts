// The session store (app/session): last valid project, runs and moments, time travel that
// truncates the script when continued, sessions in and out, replay on an edited project, and
// "preview from a step". Driven with the repository's examples.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultSetup,
  defaultStartUrl,
  followProject,
  pickExperience,
} from "../app/session/defaults.ts";
import { forcedSnapshot, routeBetween, scriptStepFor } from "../app/session/preview-from.ts";
import { momentOfEntry, stepsTo } from "../app/session/runner.ts";
import { createSessionStore } from "../app/session/store.ts";
import type { Moment } from "../app/session/types.ts";
import { createSimulation, restoreSimulation } from "../machines/engine/index.ts";
import { flowGraph } from "../machines/graph/index.ts";
import { validateText } from "../machines/validate/index.ts";
import { scriptStepArb } from "./arbitraries.ts";

const example = (name: string) => readFileSync(`examples/${name}.json`, "utf8");
const nps = example("nps-survey");

function npsProject() {
  const project = validateText(nps).project;
  if (!project) throw new Error("the NPS example is not valid");
  return project;
}

function npsStore() {
  const store = createSessionStore({ debounceMs: 0 });
  store.openDocument("nps", nps);
  return store;
}

const stepOf = (store: ReturnType<typeof npsStore>, id = "quarterly-nps") =>
  store.getState().world?.experiences[id];

describe("session store: text and the last valid project", () => {
  it("opens a valid project with its first persona, a page it shows on, and runs the start", () => {
    const store = npsStore();
    const state = store.getState();
    expect(state.project?.experiences.map((e) => e.id)).toEqual(["quarterly-nps"]);
    expect(state.setup.personaId).toBe("pro-admin");
    expect(state.setup.start.url).toBe("/dashboard");
    expect(stepOf(store)?.step).toBe("score");
    expect(state.moments).toHaveLength(1);
    expect(state.experienceId).toBe("quarterly-nps");
  });

  it("keeps the last valid project while the text is invalid, and says so", () => {
    const store = npsStore();
    const project = store.getState().project;
    store.setText(`${nps}oops`);
    expect(store.getState().checked?.parseError).toBeDefined();
    expect(store.getState().showingLastValid).toBe(true);
    expect(store.getState().project).toBe(project);
    store.setText(nps.replace('"between": [9, 10]', '"between": "nine"'));
    expect(store.getState().checked?.valid).toBe(false);
    expect(store.getState().project).toBe(project);
    store.setText(nps);
    expect(store.getState().showingLastValid).toBe(false);
  });

  it("treats a project with a validation error as invalid (the canvas keeps the old one)", () => {
    const store = npsStore();
    const broken = nps.replace('"step": "thank-you"', '"step": "nowhere"');
    store.setText(broken);
    const checked = store.getState().checked;
    expect(checked?.project).toBeDefined();
    expect(checked?.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(store.getState().showingLastValid).toBe(true);
  });

  it("debounces validation until flush()", () => {
    const store = createSessionStore({ debounceMs: 10_000 });
    store.setText(nps);
    expect(store.getState().checked).toBeNull();
    store.flush();
    expect(store.getState().checked?.valid).toBe(true);
  });
});

describe("session store: runs, moments and time travel", () => {
  it("records one moment per script step and follows the answer's branch", () => {
    const store = npsStore();
    expect(store.run({ do: "answer", value: 10 })).toEqual({ ok: true });
    expect(stepOf(store)?.step).toBe("thank-you");
    expect(store.getState().moments).toHaveLength(2);
    expect(store.getState().moments[1].taken).toEqual([
      { experience: "quarterly-nps", edge: "score/condition/promoters" },
    ]);
  });

  it("refuses a step that cannot be done without changing anything", () => {
    const store = npsStore();
    const before = store.getState().moments;
    const outcome = store.run({ do: "click", cta: "no-such-cta" });
    expect(outcome.ok).toBe(false);
    expect(store.getState().lastError).toMatch(/no-such-cta/);
    expect(store.getState().moments).toBe(before);
    expect(store.run({ do: "answer", value: 3 }).ok).toBe(true);
    expect(stepOf(store)?.step).toBe("tell-us-more");
  });

  it("travels back and forth, and truncates the future when the user continues", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.run({ do: "advance", hours: 24 });
    store.run({ do: "click", cta: "done" });
    expect(stepOf(store)?.status).toBe("completed");
    store.travelTo(1);
    expect(stepOf(store)?.step).toBe("thank-you");
    expect(store.getState().world?.now).toBe(0);
    expect(store.getState().timeline.length).toBeGreaterThan(
      store.getState().moments[1].traceLength,
    );
    // The live simulation is the restored one: a click acts on the thank-you step.
    expect(store.exportSession().steps).toEqual([{ do: "answer", value: 10 }]);
    store.run({ do: "click", cta: "review" });
    expect(store.getState().moments).toHaveLength(3);
    expect(store.getState().world?.tabs).toEqual([
      "https://www.g2.com/products/trellis/take_survey",
    ]);
    expect(store.exportSession().steps.map((s) => s.do)).toEqual(["answer", "click"]);
  });

  it("maps a trace entry to the moment that recorded it", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.run({ do: "click", cta: "done" });
    const { timeline, moments } = store.getState();
    const answered = timeline.findIndex((e) => e.type === "answer.submitted");
    const completed = timeline.findIndex((e) => e.type === "experience.completed");
    expect(momentOfEntry(moments, 0)).toBe(0);
    expect(momentOfEntry(moments, answered)).toBe(1);
    expect(momentOfEntry(moments, completed)).toBe(2);
    store.travelToEntry(answered);
    expect(store.getState().cursor).toBe(1);
  });

  it("with autoLand off, a CTA's actions stay in flight until the clock moves", () => {
    const store = createSessionStore({ debounceMs: 0 });
    store.openDocument("cta", example("multi-action-cta"));
    store.setAutoLand(false);
    store.run({ do: "click", cta: "complete-profile" });
    expect(store.getState().world?.pending.length).toBe(3);
    store.run({ do: "navigate", url: "/inbox" });
    store.run({ do: "advance", hours: 0, settle: true });
    const types = store.getState().timeline.map((e) => e.type);
    expect(types).toContain("launch.interrupted");
    expect(store.getState().world?.page).toBe("/users/usr_8f3k2m/profile");
    expect(store.exportSession().steps[0]).toMatchObject({ settle: false });
  });
});

describe("session store: sessions in and out, project edits", () => {
  it("round-trips a session through export and load", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 3 });
    store.run({ do: "answer", value: "CSV export" });
    const saved = store.exportSession();
    const other = npsStore();
    expect(other.loadSession(saved)).toEqual({ ok: true });
    expect(other.getState().world).toEqual(store.getState().world);
  });

  it("replays the session on an edited project and says where it stopped", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.run({ do: "click", cta: "done" });
    // Promoters now go to the text step, where "done" is no CTA.
    store.setText(nps.replace('"step": "thank-you"', '"step": "tell-us-more"'));
    expect(stepOf(store)?.step).toBe("tell-us-more");
    expect(store.getState().notice?.message).toMatch(/step 2/);
    expect(store.exportSession().steps).toEqual([{ do: "answer", value: 10 }]);
  });

  it("returns to a document's session when it is selected again", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.setText(example("agent"), "agent");
    expect(store.getState().documentId).toBe("agent");
    store.setText(nps, "nps");
    expect(stepOf(store)?.step).toBe("thank-you");
  });

  it("a new persona restarts the session", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.setSetup({ ...store.getState().setup, user: { id: "t", attributes: { plan: "trial" } } });
    expect(store.getState().moments).toHaveLength(1);
    // The audience excludes trial users: nothing is shown.
    expect(stepOf(store)?.status).toBe("idle");
  });
});

describe("session store: each document its own options and persona (issue 12)", () => {
  it("keeps “Land actions at once” per document: off in one is not carried to another", () => {
    const store = npsStore();
    store.setAutoLand(false);
    store.setText(example("multi-action-cta"), "cta");
    expect(store.getState().autoLand).toBe(true);
    // Its own option runs its steps: the CTA's actions land at once.
    store.run({ do: "click", cta: "complete-profile" });
    expect(store.getState().world?.pending).toHaveLength(0);
    store.setText(nps, "nps");
    expect(store.getState().autoLand).toBe(false);
    store.setText(example("multi-action-cta"), "cta");
    expect(store.getState().autoLand).toBe(true);
  });

  it("a new document starts with its own first persona", () => {
    const store = npsStore();
    const starter = store.getState().project?.personas[1];
    if (!starter) throw new Error("the NPS example has a second persona");
    store.setSetup({
      ...store.getState().setup,
      personaId: starter.id,
      user: { id: starter.id, attributes: starter.attributes },
    });
    store.openDocument("tour", example("onboarding-tour"));
    expect(store.getState().setup.personaId).toBe("trial-admin");
    expect(store.getState().setup.user.attributes).toMatchObject({ plan: "trial" });
  });

  it("another project typed into the same document starts with its first persona", () => {
    const store = npsStore();
    expect(store.getState().setup.personaId).toBe("pro-admin");
    store.setText(example("onboarding-tour"));
    expect(store.getState().setup.personaId).toBe("trial-admin");
    expect(store.getState().setup.user.id).toBe("trial-admin");
    const tour = validateText(example("onboarding-tour")).project;
    if (!tour) throw new Error("the tour example is not valid");
    expect(store.getState().setup.start.url).toBe(defaultStartUrl(tour));
  });

  it("a persona's attributes edited in the text reach the session that uses it", () => {
    const store = npsStore();
    store.setText(nps.replace('"plan": "pro"', '"plan": "enterprise"'));
    expect(store.getState().setup.user.attributes).toMatchObject({ plan: "enterprise" });
  });

  it("a user set by hand is kept across edits", () => {
    const store = npsStore();
    const mine = { id: "me", attributes: { plan: "pro", daysSinceSignup: 99 } };
    store.setSetup({ ...store.getState().setup, personaId: null, user: mine });
    store.setText(nps.replace('"plan": "pro"', '"plan": "enterprise"'));
    expect(store.getState().setup.user).toEqual(mine);
  });

  it("a saved session of the document wins over the first persona", () => {
    const store = npsStore();
    const saved = {
      ...defaultSetup(npsProject()),
      personaId: "starter-member",
      user: { id: "s", attributes: { plan: "starter" } },
      steps: [],
      selectedExperience: null,
    };
    store.openDocument("again", nps, saved);
    expect(store.getState().setup.personaId).toBe("starter-member");
    expect(store.getState().setup.user.id).toBe("s");
  });

  it("followProject: a project that gains personas leaves the untouched default for its first", () => {
    const project = npsProject();
    const bare = { ...project, personas: [] };
    expect(followProject(defaultSetup(bare), bare, project).personaId).toBe("pro-admin");
    const typed = { ...defaultSetup(bare), user: { id: "me", attributes: { plan: "x" } } };
    expect(followProject(typed, bare, project)).toBe(typed);
  });
});

describe("preview from a step", () => {
  it("reaches a step by a real script when there is a route", () => {
    const store = npsStore();
    store.previewFrom("quarterly-nps", "book-call");
    expect(stepOf(store)?.step).toBe("book-call");
    expect(store.getState().replayable).toBe(true);
    const steps = store.exportSession().steps;
    expect(steps.length).toBeGreaterThan(0);
    // The recorded steps replay to the same place.
    const replay = npsStore();
    replay.loadSession(store.exportSession());
    expect(stepOf(replay)?.step).toBe("book-call");
  });

  it("forces the step when the persona cannot see the experience", () => {
    const store = npsStore();
    store.setSetup({ ...store.getState().setup, user: { id: "t", attributes: { plan: "trial" } } });
    store.previewFrom("quarterly-nps", "thank-you");
    expect(stepOf(store)?.step).toBe("thank-you");
    expect(store.getState().replayable).toBe(false);
    expect(store.getState().notice?.kind).toBe("warning");
    // And the forced simulation runs on: its CTA completes the survey.
    expect(store.run({ do: "click", cta: "done" }).ok).toBe(true);
    expect(stepOf(store)?.status).toBe("completed");
  });

  it("a forced snapshot restores to an actor on that step", () => {
    const project = npsProject();
    const base = createSimulation(project, { start: { url: "/nowhere" } }).snapshot();
    const forced = forcedSnapshot(project, base, "quarterly-nps", "passive-reason");
    const sim = restoreSimulation(project, forced);
    sim.run({ do: "answer", value: "Lower price" });
    expect(sim.world().experiences["quarterly-nps"].step).toBe("book-call");
  });

  it("routes by breadth first and turns edges into script steps", () => {
    const project = npsProject();
    const graph = flowGraph(project, "quarterly-nps");
    const route = routeBetween(graph.edges, "score", "book-call") ?? [];
    expect(route.map((e) => e.id)).toEqual(["score/condition/detractors", "tell-us-more/fallback"]);
    expect(route.map((e) => scriptStepFor(e, "quarterly-nps")?.do)).toEqual(["answer", "answer"]);
    expect(routeBetween(graph.edges, "book-call", "score")).toBeUndefined();
  });
});

describe("defaults and helpers", () => {
  it("starts on a literal page of a live automatic experience", () => {
    const project = npsProject();
    expect(defaultStartUrl(project)).toBe("/dashboard");
    expect(defaultSetup({ ...project, personas: [] }).user).toEqual({ id: "u1", attributes: {} });
    expect(pickExperience(project, "missing")).toBe("quarterly-nps");
  });

  it("stepsTo lists the steps up to the cursor, whatever the moments hold", () => {
    fc.assert(
      fc.property(fc.array(scriptStepArb, { maxLength: 8 }), fc.nat(8), (steps, cursor) => {
        const moments = [null, ...steps].map((step) => ({ step }) as unknown as Moment);
        const at = Math.min(cursor, moments.length - 1);
        expect(stepsTo(moments, at)).toEqual(steps.slice(0, at));
      }),
    );
  });
});

// The "Why not shown?" panel's model: plain words for each reason, the snooze's time left
// derived from the simulated clock, and Apply plans that really lift the reason when the
// session runs them (a script step, or a new setup for attribute changes).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultSetup } from "../app/session/defaults.ts";
import type { SessionSetup } from "../app/session/types.ts";
import {
  applyLabel,
  applyPlan,
  conditionWords,
  fixNote,
  reasonDetail,
  type WhyView,
  whyView,
} from "../app/why/why-model.ts";
import { createSimulation, type WorldState } from "../machines/engine/index.ts";
import type { Fix, WhyReason } from "../machines/explore/why.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { type Script, script as scriptSchema } from "../machines/format/script.ts";

const hourMs = 3_600_000;

function projectFile(path: string): Project {
  return projectSchema.parse(JSON.parse(readFileSync(path, "utf8")));
}

function hidden(name: string): { project: Project; script: Script } {
  const read = (file: string) => JSON.parse(readFileSync(`examples/hidden/${file}`, "utf8"));
  return {
    project: projectSchema.parse(read(`${name}.json`)),
    script: scriptSchema.parse(read(`${name}.script.json`)),
  };
}

function setupOf(script: Script): SessionSetup {
  return { user: script.user, personaId: null, start: script.start };
}

/** The simulation at the end of a hidden example's script, and its setup. */
function atEnd(name: string) {
  const { project, script } = hidden(name);
  const setup = setupOf(script);
  const sim = createSimulation(project, setup);
  for (const step of script.steps) sim.run(step);
  return { project, script, setup, sim };
}

function view(project: Project, id: string, world: WorldState, setup: SessionSetup): WhyView {
  const result = whyView(project, id, world, setup);
  if (!result) throw new Error(`no view for ${id}`);
  return result;
}

const nps = () => projectFile("examples/snoozable-nps.json");

/** The snoozable NPS snoozed by its closing cross at the start, then `elapsedMs` later. */
function snoozedNps(elapsedMs: number) {
  const project = nps();
  const setup = defaultSetup(project);
  const sim = createSimulation(project, setup);
  sim.run({ do: "close" });
  if (elapsedMs > 0) sim.run({ do: "advance", hours: elapsedMs / hourMs });
  return { project, setup, sim };
}

describe("whyView", () => {
  it("says the survey is on screen when it is, with no reasons", () => {
    const project = nps();
    const setup = defaultSetup(project);
    const sim = createSimulation(project, setup);
    const v = view(project, "snoozable-nps", sim.world() as WorldState, setup);
    expect(v.onScreen).toBe(true);
    expect(v.step).toBe("score");
    expect(v.reasons).toEqual([]);
    expect(v.snooze).toBeNull();
  });

  it("a snoozed survey: the time left is the snooze minus the simulated time since", () => {
    const { project, setup, sim } = snoozedNps(hourMs);
    const v = view(project, "snoozable-nps", sim.world() as WorldState, setup);
    expect(v.onScreen).toBe(false);
    expect(v.status).toBe("snoozed");
    expect(v.reasons.map((r) => r.code)).toEqual(["snoozed", "rateLimited"]);
    expect(v.snooze?.ms).toBe(23 * hourMs);
    expect(v.snooze?.text).toBe("23 h");
    expect(v.snooze?.until).toBe("2026-01-06 09:00:00 UTC");
    const snoozed = v.reasons[0];
    expect(snoozed.detail).toBe("The user snoozed it (1 time).");
    expect(snoozed.fixes.map((f) => f.text)).toEqual(["wait 23 h"]);
    expect(snoozed.fixes[0].apply).toMatchObject({
      kind: "run",
      step: { do: "advance", hours: 23 },
    });
    expect(v.reasons[1].detail).toBe("1 experience shown in the last 4 h; the project allows 1.");
  });

  it("Apply on the snooze's wait, at any moment of the snooze, brings the survey back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 - 1 }), (minutes) => {
        const { project, setup, sim } = snoozedNps(minutes * 60_000);
        const v = view(project, "snoozable-nps", sim.world() as WorldState, setup);
        expect(v.snooze?.ms).toBe(24 * hourMs - minutes * 60_000);
        const plan = v.reasons.find((r) => r.code === "snoozed")?.fixes[0].apply;
        if (plan?.kind !== "run") throw new Error("the wait has no run plan");
        sim.run(plan.step);
        expect(sim.world().experiences["snoozable-nps"].status).toBe("active");
      }),
      { numRuns: 25 },
    );
  });

  it("an attribute fix restarts with the changed user (other attributes kept)", () => {
    const { project, setup, sim } = atEnd("wrong-plan");
    const v = view(project, "sso-tour", sim.world() as WorldState, setup);
    expect(v.reasons.map((r) => r.code)).toEqual(["audience"]);
    expect(v.reasons[0].detail).toBe(
      "This user is not in its audience: plan is pro, it must be enterprise.",
    );
    const plan = v.reasons[0].fixes[0].apply;
    if (plan?.kind !== "setup") throw new Error("expected a setup plan");
    expect(plan.title).toMatch(/restarts the session/);
    expect(plan.setup.user.attributes).toEqual({ email: "ana@acme.io", plan: "enterprise" });
    expect(setup.user.attributes.plan).toBe("pro");
    const restarted = createSimulation(project, plan.setup);
    expect(restarted.world().experiences["sso-tour"].status).toBe("active");
  });

  it("a page fix navigates to a page its pattern matches, and the tour shows", () => {
    const { project, setup, sim } = atEnd("wrong-page");
    const v = view(project, "app-tour", sim.world() as WorldState, setup);
    expect(v.reasons[0].detail).toBe("This page, /pricing, matches none of its pages (/app/*).");
    const plan = v.reasons[0].fixes[0].apply;
    expect(plan).toMatchObject({ kind: "run", step: { do: "navigate", url: "/app/" } });
    if (plan?.kind === "run") sim.run(plan.step);
    expect(sim.world().experiences["app-tour"].status).toBe("active");
  });

  it("fixes that edit the project have no Apply", () => {
    const draft = atEnd("draft");
    const d = view(draft.project, "reports-banner", draft.sim.world() as WorldState, draft.setup);
    expect(d.reasons[0]).toMatchObject({ code: "notLive", title: "Not live" });
    expect(d.reasons[0].fixes[0].apply).toBeNull();
    const once = atEnd("once-dismissed");
    const o = view(once.project, "import-hint-tour", once.sim.world() as WorldState, once.setup);
    expect(o.reasons[0].detail).toBe("It shows once, and the user already dismissed it.");
    expect(o.reasons[0].fixes[0].apply).toBeNull();
  });

  it("every reason of the everything-wrong example, with the fixes the UI can apply", () => {
    const { project, setup, sim } = atEnd("everything-wrong");
    const v = view(project, "billing-survey", sim.world() as WorldState, setup);
    expect(v.reasons.map((r) => r.code)).toEqual(["page", "notLive", "audience", "flowOnScreen"]);
    expect(v.reasons[2].detail).toBe(
      "This user is not in its audience: plan is pro, it must be enterprise; trial is true, " +
        "it must be unset; has not completed “Onboarding (on screen)”.",
    );
    const [plan, trial, onboarding] = v.reasons[2].fixes.map((f) => f.apply);
    expect(plan?.kind).toBe("setup");
    if (trial?.kind !== "setup") throw new Error("expected a setup plan");
    expect(Object.hasOwn(trial.setup.user.attributes, "trial")).toBe(false);
    expect(onboarding).toBeNull();
    const close = v.reasons[3].fixes[0].apply;
    expect(close).toMatchObject({ kind: "run", step: { do: "close", experience: "onboarding" } });
    if (close?.kind === "run") sim.run(close.step);
    expect(sim.world().experiences.onboarding.status).toBe("dismissed");
  });

  it("another flow on screen is named from the report's structured field", () => {
    const { project, setup, sim } = atEnd("everything-wrong");
    const world = sim.world() as WorldState;
    const v = view(project, "billing-survey", world, setup);
    const onboarding = project.experiences.find((e) => e.id === "onboarding");
    expect(v.reasons[3].detail).toBe(
      `Only one tour, survey or banner is on screen at a time, and “${onboarding?.name}” is.`,
    );
    // The wording follows `screen`, whatever the engine's message says.
    const survey = project.experiences.find((e) => e.id === "billing-survey");
    if (!survey) throw new Error("no billing-survey");
    const reason = (screen: WhyReason["screen"]): WhyReason => ({
      code: "flowOnScreen",
      message: '"onboarding" is on screen',
      fixes: [],
      ...(screen ? { screen } : {}),
    });
    expect(reasonDetail(reason({ by: "itself" }), survey, project, world)).toBe(
      "It is already on screen.",
    );
    expect(reasonDetail(reason({ by: "launch" }), survey, project, world)).toMatch(
      /a launched flow is about to show\.$/,
    );
    expect(reasonDetail(reason(undefined), survey, project, world)).toBe(
      "Only one tour, survey or banner is on screen at a time.",
    );
  });

  it("a manual experience is explained by its trigger and launched by Apply", () => {
    const project = projectSchema.parse({
      version: 1,
      experiences: [
        {
          id: "tips",
          type: "tour",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [{ id: "s", kind: "modal" }],
        },
      ],
    });
    const setup = defaultSetup(project);
    const sim = createSimulation(project, setup);
    const v = view(project, "tips", sim.world() as WorldState, setup);
    expect(v.reasons.map((r) => r.code)).toEqual(["page"]);
    const plan = v.reasons[0].fixes[0].apply;
    expect(plan).toMatchObject({ kind: "run", step: { do: "launch", experience: "tips" } });
    if (plan?.kind === "run") sim.run(plan.step);
    expect(sim.world().experiences.tips.status).toBe("active");
  });

  it("nothing keeping it off screen offers a reload of the page; unknown ids give null", () => {
    const project = nps();
    const setup = defaultSetup(project);
    const world = structuredClone(createSimulation(project, setup).world()) as WorldState;
    world.experiences["snoozable-nps"].status = "idle";
    world.rateLog = [];
    const v = view(project, "snoozable-nps", world, setup);
    expect(v.wouldShow).toBe(true);
    expect(v.recheck).toMatchObject({ step: { do: "navigate", url: "/dashboard" } });
    expect(whyView(project, "nope", world, setup)).toBeNull();
  });
});

describe("applyPlan", () => {
  const project = nps();
  const experience = project.experiences[0];
  const setup = defaultSetup(project);

  it("refuses unsafe pages and waits of nothing", () => {
    for (const url of ["javascript:alert(1)", " data:text/html,x", "VBSCRIPT:x", "file:///etc"]) {
      const fix = { text: "", change: { kind: "openPage" as const, pattern: url, url } };
      expect(applyPlan(fix, experience, setup)).toBeNull();
    }
    expect(applyPlan({ text: "", change: { kind: "wait", ms: 0 } }, experience, setup)).toBeNull();
  });

  it("a pattern that is only * opens /", () => {
    const fix = { text: "", change: { kind: "openPage" as const, pattern: "*", url: "" } };
    expect(applyPlan(fix, experience, setup)).toMatchObject({ step: { url: "/" } });
  });
});

describe("fixNote", () => {
  const project = nps();
  const note = (change: Fix["change"]) => fixNote({ text: "", change }, null, project);

  it("a wait of nothing happens by itself; it is not an edit of the project", () => {
    expect(note({ kind: "wait", ms: 0 })).toEqual({
      label: "by itself",
      title: "Happens by itself once the launched flow ends",
    });
  });

  it("says what to do when there is no Apply, and nothing when there is", () => {
    expect(note({ kind: "publish" })?.label).toBe("edit");
    expect(note({ kind: "experience", experience: "snoozable-nps", has: "seen" })?.title).toBe(
      "Play “NPS you can snooze” in the preview first",
    );
    expect(note({ kind: "openPage", pattern: "javascript:x", url: "javascript:x" })?.label).toBe(
      "refused",
    );
    const wait = { text: "wait 1 h", change: { kind: "wait" as const, ms: hourMs } };
    const plan = applyPlan(wait, project.experiences[0], defaultSetup(project));
    expect(fixNote(wait, plan, project)).toBeNull();
  });

  it("the panel's fixes carry the note: the draft's publish is an edit", () => {
    const draft = atEnd("draft");
    const d = view(draft.project, "reports-banner", draft.sim.world() as WorldState, draft.setup);
    expect(d.reasons[0].fixes[0].note?.label).toBe("edit");
  });
});

describe("applyLabel", () => {
  it("names each Apply by what it does, starting with the words it shows", () => {
    const { project, setup, sim } = snoozedNps(hourMs);
    const v = view(project, "snoozable-nps", sim.world() as WorldState, setup);
    const plans = v.reasons.flatMap((r) => r.fixes.flatMap((f) => (f.apply ? [f.apply] : [])));
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(applyLabel(plan)).toBe(`Apply: ${plan.title}`);
    }
    expect(applyLabel(plans[0])).toBe("Apply: Advance the clock by 23 h");
    const setupPlan = applyPlan(
      { text: "", change: { kind: "removeAttribute", attribute: "plan" } },
      project.experiences[0],
      setup,
    );
    if (!setupPlan) throw new Error("expected a plan");
    expect(applyLabel(setupPlan)).toMatch(/^Apply & restart: Remove plan: restarts the session/);
  });
});

describe("conditionWords", () => {
  const world = {
    user: { id: "u", attributes: { plan: "pro", seats: 3 } },
  } as unknown as WorldState;
  const project = nps();
  it.each([
    [{ attribute: "plan", op: "eq", value: "team" }, "plan is pro, it must be team"],
    [{ attribute: "plan", op: "neq", value: "pro" }, "plan is pro, it must not be"],
    [{ attribute: "role", op: "exists" }, "role is unset, it must be set"],
    [{ attribute: "seats", op: "notExists" }, "seats is 3, it must be unset"],
    [{ attribute: "tags", op: "contains", value: "beta" }, "tags is unset, it must contain beta"],
    [{ experience: "snoozable-nps", has: "seen" }, "has not seen “NPS you can snooze”"],
  ] as const)("%o", (condition, words) => {
    expect(conditionWords(condition, world, project)).toBe(words);
  });
});

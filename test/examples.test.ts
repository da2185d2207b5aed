// Every example project is valid (SPEC §1–§2) and shows what it is there to show; the
// bench generator's projects are valid too.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSteps, generateProject, generateProjectText } from "../bench/generate.ts";
import type { Action, Project } from "../machines/format/schema.ts";
import { validateText } from "../machines/validate/index.ts";

const examplesDir = join(import.meta.dirname, "..", "examples");
const exampleFiles = readdirSync(examplesDir)
  .filter((name) => name.endsWith(".json"))
  .sort();

/** Only multi-action-cta.json may warn: showing the seed's warnings is its purpose. */
const expectedWarningCodes: Record<string, string[]> = {
  "multi-action-cta.json": ["navigateBesideRender", "twoViewChanges"],
};

function load(name: string) {
  const text = readFileSync(join(examplesDir, name), "utf8");
  const result = validateText(text);
  return { text, result, project: result.project as Project };
}

function codes(diagnostics: readonly { code: string }[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}

/** Every action list of a project, with where it sits. */
function allActionLists(project: Project): { where: string; actions: readonly Action[] }[] {
  const lists: { where: string; actions: readonly Action[] }[] = [];
  for (const experience of project.experiences) {
    for (const step of experience.steps) {
      for (const cta of step.ctas) lists.push({ where: "cta", actions: cta.actions });
      for (const trigger of step.triggers)
        lists.push({ where: "trigger", actions: trigger.actions });
      for (const condition of step.conditions) {
        lists.push({ where: "condition", actions: condition.actions });
      }
      if (step.closingCross) lists.push({ where: "cross", actions: step.closingCross });
    }
    for (const task of experience.tasks) lists.push({ where: "task", actions: task.actions });
  }
  for (const post of project.posts)
    if (post.cta) lists.push({ where: "post", actions: post.cta.actions });
  for (const block of project.resourceCenter.blocks)
    lists.push({ where: "block", actions: block.actions });
  for (const answer of project.agent.customAnswers)
    lists.push({ where: "answer", actions: answer.actions });
  for (const automated of project.agent.automatedActions) {
    lists.push({ where: "automated", actions: automated.actions });
  }
  return lists;
}

function actionsOf(project: Project, where?: string): Action[] {
  return allActionLists(project)
    .filter((list) => where === undefined || list.where === where)
    .flatMap((list) => list.actions);
}

describe("examples", () => {
  it("are all here", () => {
    expect(exampleFiles).toEqual([
      "agent.json",
      "feature-banner.json",
      "getting-started-checklist.json",
      "launch-week.json",
      "multi-action-cta.json",
      "nps-survey.json",
      "onboarding-tour.json",
      "resource-center.json",
      "snoozable-nps.json",
    ]);
  });

  it.each(exampleFiles)("%s parses, has no error and only its expected warnings", (name) => {
    const { text, result } = load(name);
    expect(result.parseError).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toEqual([]);
    const warnings = result.diagnostics.filter((d) => d.severity === "warning");
    expect(codes(warnings)).toEqual(expectedWarningCodes[name] ?? []);
    const document = JSON.parse(text);
    expect(document.$schema).toBe("../schema/project.schema.json");
    expect(document.personas.length).toBeGreaterThan(0);
  });
});

describe("what each example shows", () => {
  it("onboarding-tour: skip ahead, go back, click and URL progress triggers, targets", () => {
    const { project } = load("onboarding-tour.json");
    const tour = project.experiences[0];
    const stepIds = tour.steps.map((s) => s.id);
    const skip = tour.steps[0].ctas.find((c) => c.label === "I already know this");
    const target = skip?.actions[0];
    expect(target?.type).toBe("goToStep");
    expect(stepIds.indexOf((target as { step: string }).step)).toBeGreaterThan(1);
    expect(actionsOf(project, "cta")).toContainEqual({ type: "goToStep", step: "previous" });
    const triggers = tour.steps.flatMap((s) => s.triggers.map((t) => Object.keys(t.on)[0]));
    expect(triggers).toEqual(expect.arrayContaining(["click", "url"]));
    for (const step of tour.steps.filter((s) => s.kind === "tooltip")) {
      expect(step.target, step.id).toBeTruthy();
    }
  });

  it("nps-survey: 9–10 and 0–6 branch, fallback next, ends on a calendly bookInterview", () => {
    const { project } = load("nps-survey.json");
    const [score, ...rest] = project.experiences[0].steps;
    expect(score.kind).toBe("nps");
    expect(score.conditions.map((c) => c.if)).toEqual([{ between: [9, 10] }, { between: [0, 6] }]);
    expect(score.fallback).toEqual([{ type: "goToStep", step: "next" }]);
    const kindOf = (id: string) => rest.find((s) => s.id === id)?.kind;
    const [promoters, detractors] = score.conditions.map(
      (c) => (c.actions[0] as { step: string }).step,
    );
    expect(kindOf(promoters)).toBe("message");
    expect(kindOf(detractors)).toBe("text");
    const last = rest[rest.length - 1];
    expect(last.kind).toBe("bookInterview");
    expect(last.booking?.provider).toBe("calendly");
  });

  it("feature-banner: an auto banner on /dashboard launches a live manual tour", () => {
    const { project } = load("feature-banner.json");
    const banner = project.experiences.find((e) => e.type === "banner");
    expect(banner?.showOn).toEqual({ trigger: "auto", urls: ["/dashboard"] });
    const launch = banner?.steps[0].ctas[0].actions[0];
    expect(launch?.type).toBe("launchExperience");
    const tour = project.experiences.find(
      (e) => e.id === (launch as { experience: string }).experience,
    );
    expect(tour).toMatchObject({ type: "tour", status: "live", showOn: { trigger: "manual" } });
  });

  it("launch-week: an auto banner, tour and survey on shared pages, one rate limit; the banner launches the tour", () => {
    const { project } = load("launch-week.json");
    expect(project.settings.rateLimit).toEqual({ max: 1, hours: 24 });
    const byType = (type: string) => project.experiences.find((e) => e.type === type);
    const [banner, tour, survey] = ["banner", "tour", "survey"].map(byType);
    for (const experience of [banner, tour, survey]) {
      expect(experience?.showOn.trigger).toBe("auto");
      expect(experience?.ignoreRateLimit).toBe(false);
    }
    // Every page the tour and the survey show on, the banner shows on too (and comes first).
    const bannerUrls = banner?.showOn.urls ?? [];
    for (const url of [...(tour?.showOn.urls ?? []), ...(survey?.showOn.urls ?? [])]) {
      expect(bannerUrls).toContain(url);
    }
    expect(project.experiences[0]).toBe(banner);
    const launches = banner?.steps[0].ctas.flatMap((c) => c.actions) ?? [];
    expect(launches).toContainEqual({ type: "launchExperience", experience: tour?.id });
  });

  it("getting-started-checklist: tasks launch tours and open posts that exist", () => {
    const { project } = load("getting-started-checklist.json");
    const types = new Set(actionsOf(project, "task").map((a) => a.type));
    expect(types).toEqual(new Set(["launchExperience", "openPost", "navigateTo"]));
    expect(project.experiences[0].type).toBe("checklist");
  });

  it("resource-center: blocks launch, open a post, open docs in a new tab, run JS", () => {
    const { project } = load("resource-center.json");
    expect(project.settings.runJsEnabled).toBe(false);
    const blockActions = actionsOf(project, "block");
    expect(blockActions.map((a) => a.type).sort()).toEqual(
      ["launchExperience", "navigateTo", "openPost", "runJs"].sort(),
    );
    expect(blockActions).toContainEqual(expect.objectContaining({ openIn: "newTab" }));
    const postActions = actionsOf(project, "post").map((a) => a.type);
    expect(postActions).toEqual(expect.arrayContaining(["launchExperience", "navigateTo"]));
  });

  it("snoozable-nps: the first step's cross and a CTA snooze 24 h, up to 3 times", () => {
    const { project } = load("snoozable-nps.json");
    const survey = project.experiences[0];
    expect(survey.showOn.trigger).toBe("auto");
    const first = survey.steps[0];
    const snooze = { type: "snooze", hours: 24, maxTimes: 3 };
    expect(first.closingCross).toEqual([snooze]);
    expect(first.ctas.flatMap((c) => c.actions)).toContainEqual(snooze);
    const later = survey.steps.slice(1).flatMap((s) => [...s.ctas.flatMap((c) => c.actions)]);
    expect(later.some((a) => a.type === "snooze")).toBe(false);
  });

  it("agent: answers launch, open posts and navigate; automated actions navigate", () => {
    const { project } = load("agent.json");
    const answerTypes = new Set(actionsOf(project, "answer").map((a) => a.type));
    expect(answerTypes).toEqual(new Set(["launchExperience", "openPost", "navigateTo"]));
    expect(new Set(actionsOf(project, "automated").map((a) => a.type))).toEqual(
      new Set(["navigateTo"]),
    );
    expect(actionsOf(project, "cta")).toContainEqual({
      type: "launchAgent",
      message: "Explain pricing tiers for {email}",
    });
  });

  it("multi-action-cta: runJs + launchExperience + same-tab navigateTo away from the target", () => {
    const { project } = load("multi-action-cta.json");
    expect(project.settings.runJsEnabled).toBe(true);
    const list = allActionLists(project).find((l) => l.actions.length === 3)?.actions ?? [];
    expect(list.map((a) => a.type)).toEqual(["runJs", "launchExperience", "navigateTo"]);
    const [, launch, navigate] = list as [Action, { experience: string }, Action & { url: string }];
    expect(navigate).toMatchObject({ openIn: "sameTab", url: expect.stringContaining("{userId}") });
    const target = project.experiences.find((e) => e.id === launch.experience);
    const destination = navigate.url.replace("{userId}", "usr_8f3k2m");
    expect(target?.showOn.urls.length).toBeGreaterThan(0);
    expect(target?.showOn.urls).not.toContain(destination);
    expect(project.personas.some((p) => "userId" in p.attributes)).toBe(true);
  });
});

describe("bench generator", () => {
  it("makes the 10,000-step default project", () => {
    expect(countSteps(generateProject())).toBe(10_000);
  });

  it("is deterministic for a seed", () => {
    const options = { tours: 3, stepsPerTour: 6, surveys: 1, seed: 7 };
    expect(generateProjectText(options)).toBe(generateProjectText(options));
    expect(generateProjectText(options)).not.toBe(generateProjectText({ ...options, seed: 8 }));
  });

  it("makes projects of the requested size without a diagnostic", () => {
    fc.assert(
      fc.property(
        fc.record({
          tours: fc.integer({ min: 0, max: 6 }),
          stepsPerTour: fc.integer({ min: 1, max: 25 }),
          surveys: fc.integer({ min: 0, max: 3 }),
          stepsPerSurvey: fc.integer({ min: 3, max: 8 }),
          seed: fc.integer(),
        }),
        (options) => {
          const project = generateProject(options);
          const expected =
            options.tours * options.stepsPerTour + options.surveys * options.stepsPerSurvey;
          expect(countSteps(project)).toBe(expected);
          // Clean, not merely error-free: the bench measures the validator on a tidy project.
          expect(validateText(JSON.stringify(project)).diagnostics).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

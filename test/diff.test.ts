// `diff` (issue 11, item 3) on the examples: identical and reformatted files are the same; a
// relabelled one is the same with its cosmetic changes listed; rerouted promoters and a new
// launch cycle differ, in words. Plus the parts: data changes, diagnostics by id path,
// recordings replayed on both versions, and the merged flow the Compare view draws.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type DiffInput,
  diffGroups,
  diffProjects,
  mergedFlow,
  type ProjectDiff,
} from "../machines/explore/index.ts";
import { recording as recordingSchema } from "../machines/format/index.ts";
import { validateText } from "../machines/validate/index.ts";

const examples = join(import.meta.dirname, "..", "examples");

function text(name: string): string {
  return readFileSync(join(examples, name), "utf8");
}

// biome-ignore lint/suspicious/noExplicitAny: project documents edited freely in tests
type Doc = any;

function doc(name: string): Doc {
  return JSON.parse(text(name));
}

function version(source: string | Doc): DiffInput {
  const result = validateText(typeof source === "string" ? source : JSON.stringify(source));
  if (!result.project) throw new Error("not a project");
  return { project: result.project, diagnostics: result.diagnostics };
}

function diff(before: string | Doc, after: string | Doc): ProjectDiff {
  return diffProjects(version(before), version(after));
}

/** Every object's keys in reverse order, all the way down. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((key) => [key, reverseKeys((value as Record<string, unknown>)[key])]),
  );
}

const projects = readdirSync(examples).filter((f) => f.endsWith(".json"));

function allCosmetic(report: ProjectDiff): string[] {
  return [...report.experiences.flatMap((e) => e.cosmetic), ...report.project.cosmetic].map(
    (c) => c.text,
  );
}

describe("diff: the same behaviour", () => {
  it.each(projects)("%s against itself: same, nothing listed", (name) => {
    const report = diff(text(name), text(name));
    expect(report.same).toBe(true);
    expect(report.experiences).toEqual([]);
    expect(report.unchanged.length).toBe(doc(name).experiences.length);
    expect(allCosmetic(report)).toEqual([]);
  });

  it.each(projects)("%s reformatted (other indentation, keys reversed): same", (name) => {
    const reformatted = JSON.stringify(reverseKeys(doc(name)), null, "\t");
    const report = diff(text(name), reformatted);
    expect(report.same).toBe(true);
    expect(report.experiences).toEqual([]);
    expect(report.diagnostics).toEqual({ introduced: [], fixed: [] });
  });

  it("nps-survey relabelled (names, labels, titles, bodies, question texts): same, cosmetic listed", () => {
    const after = doc("nps-survey.json");
    const survey = after.experiences[0];
    survey.name = "NPS — Q3";
    survey.steps[3].name = "Thanks";
    survey.steps[3].title = "Thanks a lot!";
    survey.steps[3].body = "A review helps.";
    survey.steps[3].ctas[0].label = "Close";
    survey.steps[0].question.text = "Would you recommend us?";
    survey.steps[0].question.maxLabel = "Surely";
    after.personas[0].name = "Ana";
    const report = diff(text("nps-survey.json"), JSON.stringify(after, null, 4));
    expect(report.same).toBe(true);
    expect(report.experiences).toHaveLength(1);
    expect(report.experiences[0].same).toBe(true);
    expect(report.experiences[0].routes).toEqual([]);
    expect(allCosmetic(report)).toEqual(
      expect.arrayContaining([
        "experience renamed “Quarterly NPS” → “NPS — Q3”",
        "step “thank-you” renamed “Thank you” → “Thanks”",
        "CTA “done” of step “thank-you” relabelled “Done” → “Close”",
        "step “thank-you”: title changed: “Thank you!” → “Thanks a lot!”",
        "step “score”: question.text changed: “How likely are you to recommend Trellis to a colleague?” → “Would you recommend us?”",
        "persona “pro-admin” renamed “Admin on the Pro plan” → “Ana”",
      ]),
    );
    expect(allCosmetic(report)).toHaveLength(8);
  });

  it("reordered CTAs are cosmetic; a step reorder that changes no route is too", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].steps[3].ctas.reverse();
    const report = diff(text("nps-survey.json"), after);
    expect(report.same).toBe(true);
    expect(allCosmetic(report)).toEqual([
      "order of CTAs of step “thank-you”: done, review → review, done",
    ]);
  });
});

describe("diff: defaults, triggers, checklists", () => {
  it("an explicit default (closing cross dismiss, fallback next) is the omitted one", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].steps[0].closingCross = [{ type: "dismiss" }];
    after.experiences[0].steps[0].fallback = [{ type: "goToStep", step: "next" }];
    after.experiences[0].steps[2].closingCross = [{ type: "dismiss" }];
    const report = diff(text("nps-survey.json"), after);
    expect(report.same).toBe(true);
    expect(report.experiences).toEqual([]);
  });

  it("a trigger's selector is behaviour: the route reads with its old selector", () => {
    const after = doc("onboarding-tour.json");
    after.experiences[0].steps[1].triggers[0].on = { click: "#create" };
    const report = diff(text("onboarding-tour.json"), after);
    expect(report.same).toBe(false);
    expect(report.experiences[0].routes.map((r) => r.text)).toEqual([
      "clicking #create (was clicking #new-project-button) on “Create a project” still goes to “Name the project”",
    ]);
  });

  it("a checklist's task label is cosmetic, its actions are behaviour", () => {
    const relabelled = doc("getting-started-checklist.json");
    relabelled.experiences[0].tasks[0].label = "Make a project";
    expect(diff(text("getting-started-checklist.json"), relabelled).same).toBe(true);
    const relaunched = doc("getting-started-checklist.json");
    relaunched.experiences[0].tasks[0].actions = [];
    const report = diff(text("getting-started-checklist.json"), relaunched);
    expect(report.same).toBe(false);
    expect(report.experiences[0].changes.map((c) => c.path)).toEqual([
      "/experiences/getting-started/tasks/t-create-project/actions",
    ]);
    expect(report.launchGraph.edgesRemoved.map((e) => e.where)).toEqual(["task/t-create-project"]);
  });
});

describe("diff: behaviour that differs", () => {
  it("rerouted promoters: exit-worthy, the route named in words, paths and reachability", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
    const report = diff(text("nps-survey.json"), after);
    expect(report.same).toBe(false);
    const [survey] = report.experiences;
    expect(survey.id).toBe("quarterly-nps");
    expect(survey.routes).toEqual([
      {
        kind: "rerouted",
        edge: "score/condition/promoters",
        step: "score",
        via: "condition",
        before: {
          to: "thank-you",
          label: "9–10",
          actions: [{ type: "goToStep", step: "thank-you" }],
        },
        after: {
          to: "completed",
          label: "9–10",
          actions: [{ type: "goToStep", step: "complete" }],
        },
        text: "answers 9–10 on “How likely to recommend” now complete the survey instead of going to “Thank you”",
      },
    ]);
    expect(survey.paths).toMatchObject({
      changed: true,
      exact: true,
      before: { total: 10, completed: 4, dismissed: 6 },
      after: { total: 8, completed: 3, dismissed: 5 },
    });
    expect(survey.reachability.map((s) => s.text)).toEqual([
      "step “Thank you” is no longer reachable from the first step",
    ]);
    expect(report.diagnostics.introduced.map((d) => [d.code, d.path])).toEqual([
      ["unreachableStep", "/experiences/quarterly-nps/steps/thank-you"],
    ]);
  });

  it("a new launch cycle (the tour launches the banner back): cycle, edge and launchLoop", () => {
    const after = doc("feature-banner.json");
    after.experiences[1].steps[2].ctas[1].actions = [
      { type: "launchExperience", experience: "saved-views-banner" },
    ];
    const report = diff(text("feature-banner.json"), after);
    expect(report.same).toBe(false);
    expect(report.launchGraph.cyclesAdded).toHaveLength(1);
    expect(report.launchGraph.cyclesAdded[0]).toMatchObject({
      members: ["experience:saved-views-banner", "experience:saved-views-tour"],
      text: "“Saved views announcement” → “Saved views tour” → “Saved views announcement”, closed by share-view/cta/finish",
    });
    expect(report.launchGraph.edgesAdded.map((e) => e.text)).toEqual([
      "“Saved views tour” launches “Saved views announcement” (share-view/cta/finish)",
    ]);
    expect(report.diagnostics.introduced.map((d) => d.code)).toEqual(["launchLoop"]);
    const tour = report.experiences.find((e) => e.id === "saved-views-tour");
    expect(tour?.routes.map((r) => r.text)).toEqual([
      "“Got it” on “Share the view” now launches “Saved views announcement” instead of completing the tour",
    ]);
    expect(report.unchanged).toEqual(["saved-views-banner"]);
  });

  it("routes added and removed, steps added, answers that take a route", () => {
    const after = doc("nps-survey.json");
    const score = after.experiences[0].steps[0];
    score.conditions[0].if = { between: [8, 10] };
    const thanks = after.experiences[0].steps[3];
    thanks.ctas = thanks.ctas.filter((c: { id: string }) => c.id !== "review");
    thanks.ctas.push({
      id: "more",
      label: "Tell us more",
      actions: [{ type: "goToStep", step: "extra" }],
    });
    after.experiences[0].steps.push({ id: "extra", name: "Extra", kind: "text" });
    const report = diff(text("nps-survey.json"), after);
    const texts = report.experiences[0].routes.map((r) => `${r.kind}: ${r.text}`);
    expect(texts).toEqual(
      expect.arrayContaining([
        "changed: answers 8–10 (was 9–10) on “How likely to recommend” still go to “Thank you”",
        "changed: other answers (7, was 7–8) on “How likely to recommend” still go to “What would make it a 10”",
        "added: new route: “Tell us more” on “Thank you” goes to “Extra”",
        "removed: route removed: “Leave a review” on “Thank you” no longer completes the survey",
      ]),
    );
    const added = report.experiences[0].routes.find((r) => r.kind === "added");
    expect(added).toMatchObject({
      edge: "thank-you/cta/more",
      step: "thank-you",
      via: "cta",
      after: { to: "extra", label: "Tell us more" },
    });
    expect(added?.before).toBeUndefined();
    const removed = report.experiences[0].routes.find((r) => r.kind === "removed");
    expect(removed).toMatchObject({ edge: "thank-you/cta/review", before: { to: "completed" } });
    expect(removed?.after).toBeUndefined();
    expect(report.experiences[0].stepsAdded).toEqual([
      {
        step: "extra",
        name: "Extra",
        reachable: true,
        text: "step “Extra” added (reachable from the first step)",
      },
    ]);
  });

  it("settings, audience and pages are behaviour, listed as data changes", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].audience = [];
    after.experiences[0].showOn.urls = ["/dashboard"];
    after.settings.rateLimit = { max: 1, hours: 4 };
    const report = diff(text("nps-survey.json"), after);
    expect(report.same).toBe(false);
    expect(report.experiences[0].routes).toEqual([]);
    expect(report.experiences[0].changes.map((c) => c.text)).toEqual([
      'audience changed: [{"attribute":"plan","op":"neq","value":"trial"}] → []',
      "showOn.urls changed: [/dashboard, /reports/*] → [/dashboard]",
    ]);
    expect(report.project.changes.map((c) => [c.path, c.kind])).toEqual([
      ["/settings/rateLimit/hours", "added"],
      ["/settings/rateLimit/max", "added"],
    ]);
  });

  it("diagnostics compare by id path, not index: an experience inserted first shifts none", () => {
    const after = doc("multi-action-cta.json");
    after.experiences.unshift({
      id: "hello",
      type: "tour",
      status: "draft",
      steps: [{ id: "s", kind: "modal" }],
    });
    const report = diff(text("multi-action-cta.json"), JSON.stringify(after, null, 1));
    expect(report.experiencesAdded.map((e) => e.id)).toEqual(["hello"]);
    expect(report.diagnostics.fixed).toEqual([]);
    expect(report.diagnostics.introduced.every((d) => d.experience === "hello")).toBe(true);
    // The experiences both versions have keep their order: nothing else changed.
    expect(report.project.changes).toEqual([]);
  });

  it("experiences added and removed are listed by id", () => {
    const after = doc("feature-banner.json");
    after.experiences[0].steps[0].ctas[0].actions = [{ type: "dismiss" }];
    after.experiences.pop();
    const report = diff(text("feature-banner.json"), after);
    expect(report.experiencesRemoved.map((e) => e.text)).toEqual([
      "tour “Saved views tour” (saved-views-tour) removed",
    ]);
    expect(report.launchGraph.edgesRemoved).toHaveLength(1);
  });
});

describe("diff: a big flow cut in two", () => {
  const tour = (cutAt?: number) => ({
    version: 1,
    experiences: [
      {
        id: "big",
        type: "tour",
        status: "live",
        steps: Array.from({ length: 20 }, (_, i) => ({
          id: `s${i}`,
          kind: "modal",
          ctas: [
            {
              id: "next",
              label: "Next",
              actions: [{ type: "goToStep", step: i === cutAt ? "complete" : "next" }],
            },
            { id: "back", label: "Back", actions: [{ type: "goToStep", step: "previous" }] },
          ],
        })),
      },
    ],
  });

  it("lists every step in JSON, one line per direction in words; a Back with nowhere to go stays", () => {
    const report = diff(tour(), tour(9));
    const [big] = report.experiences;
    expect(big.reachability).toHaveLength(10);
    expect(big.routes.map((r) => r.text)).toEqual([
      "“Next” on “s9” now completes the tour instead of going to “s10”",
      "“Back” on “s10” now stays on the step instead of going back",
    ]);
    const lines = diffGroups(report)[0].lines.map((l) => l.text);
    expect(lines).toContain(
      "10 steps are no longer reachable from the first step: “s10”, “s11”, “s12”, “s13”, “s14”, “s15”, “s16”, “s17” and 2 more",
    );
  });
});

describe("diff: recordings", () => {
  const recordings = readdirSync(join(examples, "recordings"))
    .filter((f) => f.startsWith("nps-"))
    .map((name) => ({
      name,
      recording: recordingSchema.parse(JSON.parse(text(join("recordings", name)))),
    }));

  it("rerouted promoters: the promoter recording passes, then stops; the others keep theirs", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
    const report = diffProjects(version(text("nps-survey.json")), version(after), { recordings });
    expect(report.same).toBe(false);
    const byName = Object.fromEntries((report.recordings ?? []).map((r) => [r.name, r]));
    expect(byName["nps-promoter-10.json"]).toMatchObject({
      change: "passToFail",
      before: { status: "pass" },
      after: { status: "error" },
    });
    expect(byName["nps-detractor-3.json"].change).toBe("none");
    expect(byName["nps-passive-7.json"].change).toBe("none");
  });

  it("recordings that pass on both with the same result keep behaviour the same", () => {
    const report = diffProjects(
      version(text("nps-survey.json")),
      version(text("nps-survey.json")),
      {
        recordings,
      },
    );
    expect(report.same).toBe(true);
    expect(report.recordings?.every((r) => r.change === "none" && r.after.status === "pass")).toBe(
      true,
    );
  });
});

describe("mergedFlow (the Compare canvas)", () => {
  it("a rerouted edge is drawn twice: its new target added, its old one removed", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
    const merged = mergedFlow(
      version(text("nps-survey.json")).project,
      version(after).project,
      "quarterly-nps",
    );
    expect(merged?.edges["score/condition/promoters"]).toBe("added");
    expect(merged?.edges["was:score/condition/promoters"]).toBe("removed");
    const former = merged?.graph.edges.find((e) => e.id === "was:score/condition/promoters");
    expect(former?.to).toBe("thank-you");
    expect(Object.values(merged?.edges ?? {}).filter((m) => m !== "same")).toHaveLength(2);
  });

  it("a removed step and its edges come from the old version", () => {
    const after = doc("nps-survey.json");
    after.experiences[0].steps.splice(1, 1); // passive-reason
    const merged = mergedFlow(
      version(text("nps-survey.json")).project,
      version(after).project,
      "quarterly-nps",
    );
    expect(merged?.nodes["passive-reason"]).toBe("removed");
    expect(merged?.graph.nodes.some((n) => n.id === "passive-reason")).toBe(true);
    expect(merged?.edges["passive-reason/fallback"]).toBe("removed");
  });

  it("an experience only one version has is drawn all added or all removed", () => {
    const before = version(text("feature-banner.json")).project;
    const after = doc("feature-banner.json");
    after.experiences.pop();
    const merged = mergedFlow(before, version(after).project, "saved-views-tour");
    expect(merged?.only).toBe("old");
    expect(new Set(Object.values(merged?.edges ?? {}))).toEqual(new Set(["removed"]));
  });
});

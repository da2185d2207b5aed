// The side form's edits of the JSON text (issue 12): each is minimal (the text outside the
// span it changes is the same, byte for byte), finds what it edits by id, writes new text in
// the document's own layout, and leaves a project the validator accepts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addAction,
  effectiveActions,
  moveAction,
  removeAction,
  resetToDefault,
  setActionField,
} from "../app/authoring/action-edits.ts";
import { goToStepIn } from "../app/authoring/connect.ts";
import {
  addAudienceCondition,
  addExperience,
  addTask,
  addUrl,
  removeAudienceCondition,
  removeExperience,
  removeTask,
  removeUrl,
  setAudienceCondition,
  setExperienceValue,
  setTaskField,
  setUrl,
} from "../app/authoring/experience-edits.ts";
import {
  addConditionPerOption,
  addItem,
  moveItemTo,
  removeItem,
  setItemField,
} from "../app/authoring/item-edits.ts";
import { addOption, removeOption, renameOption } from "../app/authoring/question-edits.ts";
import { stepNode } from "../app/authoring/refs.ts";
import {
  addStep,
  changeStepKind,
  deleteStep,
  duplicateStep,
  moveStep,
  newStep,
  setStepValue,
} from "../app/authoring/step-edits.ts";
import { addFromTemplate, templates } from "../app/authoring/templates.ts";
import { member, parseText } from "../app/authoring/text-edits.ts";
import { diffTexts } from "../app/workspace/history.ts";
import { validateText } from "../machines/validate/index.ts";

const examples = join(import.meta.dirname, "..", "examples");
const nps = readFileSync(join(examples, "nps-survey.json"), "utf8");
const checklist = readFileSync(join(examples, "getting-started-checklist.json"), "utf8");

/** The changed span of `after` against `before`, with the lines it touches. */
function changedSpan(before: string, after: string) {
  const change = diffTexts(before, after);
  if (!change) throw new Error("the edit changed nothing");
  return change;
}

/** Everything outside [from, to) of `before` is in `after` unchanged, around one span. */
function expectOnlyWithin(before: string, after: string, from: number, to: number) {
  const change = changedSpan(before, after);
  expect(change.offset).toBeGreaterThanOrEqual(from);
  expect(change.offset + change.removed.length).toBeLessThanOrEqual(to);
}

/** Offsets of the first occurrence of `needle` in `text` (the span an edit may touch). */
function spanOf(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in the text: ${needle}`);
  return [at, at + needle.length];
}

function expectValid(text: string) {
  const result = validateText(text);
  expect(result.parseError).toBeUndefined();
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}

const score = { experience: "quarterly-nps", step: "score" };

/** Step `id` of the NPS example's experience, parsed from `text`. */
function stepOf(text: string, id: string) {
  return JSON.parse(text).experiences[0].steps.find((step: { id: string }) => step.id === id);
}

describe("step fields", () => {
  it("replaces only the value of a field that is there", () => {
    const after = setStepValue(nps, score, ["question", "text"], "How likely, 0 to 10?");
    const [from, to] = spanOf(nps, '"How likely are you to recommend Trellis to a colleague?"');
    expectOnlyWithin(nps, after, from, to);
    expect(after).toContain('"text": "How likely, 0 to 10?"');
    expectValid(after);
  });

  it("inserts a missing field where SPEC lists it, with the document's indentation", () => {
    const after = setStepValue(nps, score, ["title"], "Quick question");
    const change = changedSpan(nps, after);
    expect(change.removed).toBe("");
    // After "kind", before "question", on a line of its own at the step's depth.
    expect(after).toMatch(/"kind": "nps",\n {10}"title": "Quick question",\n {10}"question"/);
    expectValid(after);
  });

  it("removes a field with its comma and nothing else", () => {
    const withTitle = setStepValue(nps, score, ["title"], "Quick question");
    expect(setStepValue(withTitle, score, ["title"], undefined)).toBe(nps);
  });

  it("finds the step by id, whatever the id (ids are data)", () => {
    const odd = nps.replaceAll('"score"', '"__proto__"').replaceAll('"thank-you"', '"a.b#c"');
    const ref = { experience: "quarterly-nps", step: "__proto__" };
    const after = setStepValue(odd, ref, ["name"], "Renamed");
    expect(after).toContain('"id": "__proto__",\n          "name": "Renamed"');
    const jumped = setStepValue(odd, { ...ref, step: "a.b#c" }, ["title"], "Thanks");
    expect(jumped).toContain('"title": "Thanks"');
  });

  it("changes nothing when the step is not there or the text is not JSON", () => {
    expect(setStepValue(nps, { ...score, step: "nope" }, ["title"], "x")).toBe(nps);
    const broken = nps.slice(0, -10);
    expect(setStepValue(broken, score, ["title"], "x")).toBe(broken);
  });

  it("a new kind reshapes the question and drops conditions the kind cannot take", () => {
    const after = changeStepKind(nps, score, "choice");
    const step = JSON.parse(after).experiences[0].steps[0];
    expect(step.kind).toBe("choice");
    expect(step.question).toEqual({
      text: "How likely are you to recommend Trellis to a colleague?",
      options: ["Option 1", "Option 2"],
    });
    expect(step.conditions).toEqual([]);
    const booked = changeStepKind(after, score, "bookInterview");
    const book = JSON.parse(booked).experiences[0].steps[0];
    expect(book.booking.provider).toBe("calendly");
    expect(book.ctas[0].id).toBe("book");
  });
});

describe("page URLs written packed stay packed", () => {
  const ref = { experience: "quarterly-nps" };
  it("adds, sets and removes a URL inside the one-line array", () => {
    const line = '"urls": ["/dashboard", "/reports/*"]';
    const [from, to] = spanOf(nps, line);
    const added = addUrl(nps, ref, "/billing*");
    expect(added).toContain('"urls": ["/dashboard", "/reports/*", "/billing*"]');
    expectOnlyWithin(nps, added, from, to);
    const set = setUrl(added, ref, 0, "/home");
    expect(set).toContain('"urls": ["/home", "/reports/*", "/billing*"]');
    expect(removeUrl(removeUrl(set, ref, 2), ref, 0)).toContain('"urls": ["/reports/*"]');
    expect(removeUrl(removeUrl(added, ref, 2), ref, 1)).toBe(
      nps.replace('["/dashboard", "/reports/*"]', '["/dashboard"]'),
    );
  });
});

describe("experience settings", () => {
  const ref = { experience: "quarterly-nps" };
  it("sets status, recurrence and the show-on trigger where they are", () => {
    const live = setExperienceValue(nps, ref, ["status"], "draft");
    expectOnlyWithin(nps, live, ...spanOf(nps, '"live"'));
    const every = setExperienceValue(nps, ref, ["recurrence", "hours"], 24);
    expectOnlyWithin(nps, every, ...spanOf(nps, "2160"));
    const once = setExperienceValue(nps, ref, ["recurrence"], { kind: "once" });
    expect(once).toContain('"recurrence": { "kind": "once" }');
    expectValid(once);
  });

  it("edits audience conditions, changing only the keys that changed", () => {
    const before = '{ "attribute": "plan", "op": "neq", "value": "trial" }';
    const eq = setAudienceCondition(nps, ref, 0, { attribute: "plan", op: "eq", value: "trial" });
    expect(eq).toContain('{ "attribute": "plan", "op": "eq", "value": "trial" }');
    expectOnlyWithin(nps, eq, ...spanOf(nps, before));
    const seen = setAudienceCondition(nps, ref, 0, { experience: "quarterly-nps", has: "seen" });
    expect(JSON.parse(seen).experiences[0].audience).toEqual([
      { experience: "quarterly-nps", has: "seen" },
    ]);
    const two = addAudienceCondition(nps, ref, { attribute: "beta", op: "exists" });
    expect(two).toContain(`[${before}, {`);
    expect(JSON.parse(two).experiences[0].audience[1]).toEqual({ attribute: "beta", op: "exists" });
    expect(removeAudienceCondition(two, ref, 1)).toBe(nps);
  });
});

describe("routes and their actions", () => {
  const primary = { ...score, kind: "condition" as const, id: "promoters" };
  it("sets an action's field in a one-line action object", () => {
    const after = setActionField(nps, primary, 0, "step", "complete");
    expect(after).toContain('"actions": [{ "type": "goToStep", "step": "complete" }]');
    expectOnlyWithin(nps, after, ...spanOf(nps, '"thank-you" }]'));
  });

  it("adds, moves and removes actions, and each undoes the other exactly", () => {
    const added = addAction(nps, primary, { type: "navigateTo", url: "/thanks", openIn: "newTab" });
    expect(effectiveActions(parseText(added).root, primary).map((a) => a.type)).toEqual([
      "goToStep",
      "navigateTo",
    ]);
    const moved = moveAction(added, primary, 1, 0);
    expect(effectiveActions(parseText(moved).root, primary).map((a) => a.type)).toEqual([
      "navigateTo",
      "goToStep",
    ]);
    expect(moveAction(moved, primary, 0, 1)).toBe(added);
    expect(removeAction(added, primary, 1)).toBe(nps);
  });

  it("writes out the seed's default closing cross before changing it, and can go back", () => {
    const cross = { ...score, kind: "cross" as const };
    const emptied = removeAction(nps, cross, 0);
    expect(JSON.parse(emptied).experiences[0].steps[0].closingCross).toEqual([]);
    const snooze = addAction(emptied, cross, { type: "snooze", hours: 24, maxTimes: 2 });
    expect(JSON.parse(snooze).experiences[0].steps[0].closingCross).toEqual([
      { type: "snooze", hours: 24, maxTimes: 2 },
    ]);
    expectValid(snooze);
    expect(resetToDefault(snooze, cross)).toBe(nps);
  });

  it("adds, moves, edits and removes CTAs, triggers and conditions by id", () => {
    const thanks = { experience: "quarterly-nps", step: "thank-you" };
    const added = addItem(nps, thanks, "cta", { id: "later", label: "Later", actions: [] });
    const later = { ...thanks, kind: "cta" as const, id: "later" };
    const labelled = setItemField(added, later, "label", "Not now");
    expect(stepOf(labelled, "thank-you").ctas.at(-1)).toEqual({
      id: "later",
      label: "Not now",
      actions: [],
    });
    const first = moveItemTo(labelled, later, 0);
    expect(stepOf(first, "thank-you").ctas[0].id).toBe("later");
    expect(removeItem(added, later)).toBe(nps);
    const trigger = addItem(nps, score, "trigger", { id: "t", on: { url: "/x" }, actions: [] });
    expectValid(trigger);
  });

  it("adds one anyOf condition per answer of a choice step, each going to the next step", () => {
    const choice = changeStepKind(nps, score, "choice");
    const answers = renameOption(
      renameOption(choice, score, 0, "Too expensive"),
      score,
      1,
      "Other",
    );
    const branched = addConditionPerOption(answers, score);
    const step = JSON.parse(branched).experiences[0].steps[0];
    expect(step.conditions).toEqual([
      {
        id: "too-expensive",
        if: { anyOf: ["Too expensive"] },
        actions: [{ type: "goToStep", step: "next" }],
      },
      { id: "other", if: { anyOf: ["Other"] }, actions: [{ type: "goToStep", step: "next" }] },
    ]);
    // Renaming an answer renames it in the conditions that name it.
    const renamed = renameOption(branched, score, 0, "Pricey");
    expect(JSON.parse(renamed).experiences[0].steps[0].conditions[0].if).toEqual({
      anyOf: ["Pricey"],
    });
    expect(addConditionPerOption(branched, score)).toBe(branched);
    const more = addOption(branched, score, "Missing a feature");
    expect(removeOption(more, score, 2)).toBe(branched);
    expectValid(branched);
  });

  it("connects a CTA to a step: replaces its goToStep, else adds one", () => {
    const thanks = { experience: "quarterly-nps", step: "thank-you" };
    const promoters = { ...score, kind: "condition" as const, id: "promoters" };
    const replaced = goToStepIn(nps, promoters, "tell-us-more");
    expectOnlyWithin(nps, replaced, ...spanOf(nps, '"thank-you" }]'));
    const withCta = addItem(nps, thanks, "cta", {
      id: "again",
      label: "Again",
      actions: [{ type: "dismiss" }],
    });
    const ref = { ...thanks, kind: "cta" as const, id: "again" };
    const once = goToStepIn(withCta, ref, "score");
    expect(effectiveActions(parseText(once).root, ref)).toEqual([
      { type: "dismiss" },
      { type: "goToStep", step: "score" },
    ]);
    expect(goToStepIn(withCta, ref, "no-such-step")).toBe(withCta);
  });
});

describe("whole steps", () => {
  const ref = { experience: "quarterly-nps" };
  it("duplicates a step as written, under a fresh id, right after it", () => {
    const copy = duplicateStep(nps, score);
    const steps = JSON.parse(copy).experiences[0].steps;
    expect(steps[1]).toEqual({ ...steps[0], id: "score-copy" });
    const again = duplicateStep(copy, score);
    expect(JSON.parse(again).experiences[0].steps[1].id).toBe("score-copy-2");
    expect(deleteStep(copy, { ...ref, step: "score-copy" })).toBe(nps);
  });

  it("adds a step after another, moves it, deletes it", () => {
    const added = addStep(nps, ref, newStep("extra", "message"), "score");
    const ids = (text: string) =>
      JSON.parse(text).experiences[0].steps.map((s: { id: string }) => s.id);
    expect(ids(added)).toEqual(["score", "extra", ...ids(nps).slice(1)]);
    const last = moveStep(added, { ...ref, step: "extra" }, ids(added).length - 1);
    expect(ids(last).at(-1)).toBe("extra");
    expect(moveStep(last, { ...ref, step: "extra" }, 1)).toBe(added);
    expect(deleteStep(added, { ...ref, step: "extra" })).toBe(nps);
  });
});

describe("checklist tasks", () => {
  const parsed = JSON.parse(checklist);
  const ref = { experience: parsed.experiences[0].id };
  it("adds, relabels and removes a task", () => {
    const added = addTask(checklist, ref, { id: "t-new", label: "New", actions: [] });
    const task = { ...ref, task: "t-new" };
    const relabelled = setTaskField(added, task, "label", "Invite the team");
    expect(JSON.parse(relabelled).experiences[0].tasks.at(-1).label).toBe("Invite the team");
    const listRef = { ...task, kind: "task" as const };
    const withLaunch = addAction(relabelled, listRef, {
      type: "launchExperience",
      experience: ref.experience,
    });
    expect(JSON.parse(withLaunch).experiences[0].tasks.at(-1).actions).toHaveLength(1);
    expect(removeTask(added, task)).toBe(checklist);
  });
});

describe("experiences", () => {
  it("every template adds an experience the validator accepts, to the new-project text too", () => {
    const start = '{\n  "version": 1,\n  "experiences": []\n}\n';
    for (const template of templates) {
      const text = addFromTemplate(start, template, template.label, template.id);
      expectValid(text);
      expect(JSON.parse(text).experiences[0].id).toBe(template.id);
      expect(removeExperience(text, { experience: template.id })).toBe(
        '{\n  "version": 1,\n  "experiences": []\n}\n',
      );
    }
  });

  it("writes into a minified project without adding line breaks", () => {
    const minified = JSON.stringify(JSON.parse(nps));
    const after = addExperience(minified, templates[2].build("b", "B"));
    expect(after).not.toContain("\n");
    expect(JSON.parse(after).experiences.at(-1).id).toBe("b");
  });

  it("writes into a JSON.stringify(…, 2) project in its expanded layout", () => {
    const expanded = `${JSON.stringify(JSON.parse(nps), null, 2)}\n`;
    const after = setExperienceValue(expanded, { experience: "quarterly-nps" }, ["recurrence"], {
      kind: "every",
      hours: 24,
    });
    expect(after).toContain(
      '"recurrence": {\n        "kind": "every",\n        "hours": 24\n      }',
    );
  });
});

describe("any edit is minimal", () => {
  // Property: writing any string to a step field changes only the old value's bytes (or
  // inserts without removing anything when the field was missing), and reads back.
  it("writing a value touches only that value", () => {
    const fields = [["title"], ["body"], ["name"], ["question", "text"], ["question", "minLabel"]];
    const step = stepNode(parseText(nps).root, score);
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.oneof(fc.string(), fc.constant("__proto__"), fc.constant('a"b\\c\n')),
        (keys, value) => {
          const after = setStepValue(nps, score, keys, value);
          const written = JSON.parse(after).experiences[0].steps[0];
          expect(keys.reduce((at, key) => at[key], written)).toBe(value);
          const change = diffTexts(nps, after);
          const old = keys.reduce<ReturnType<typeof member>>((at, key) => member(at, key), step);
          if (!change) {
            expect(old?.value).toBe(value);
          } else if (old) {
            expect(change.offset).toBeGreaterThanOrEqual(old.offset);
            expect(change.offset + change.removed.length).toBeLessThanOrEqual(
              old.offset + old.length,
            );
          } else {
            expect(change.removed).toBe("");
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});

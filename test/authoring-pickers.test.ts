// The action pickers (issue 12, SPEC §2) against the validator, the rules' other reader: in
// any list of any context, an action the picker offers enabled is one the validator accepts
// there, and one it leaves out or disables is one the validator refuses. Lists are built by
// picking only enabled actions, so each pick is checked on lists the picker itself made.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addAction, effectiveActions } from "../app/authoring/action-edits.ts";
import { newAction } from "../app/authoring/new-action.ts";
import {
  actionChoices,
  choicesForList,
  isFixedAction,
  placeOfList,
  runJsInactive,
} from "../app/authoring/pickers.ts";
import type { ListRef } from "../app/authoring/refs.ts";
import { parseText } from "../app/authoring/text-edits.ts";
import { actionTypes } from "../machines/rules/index.ts";
import { validateText } from "../machines/validate/index.ts";

type Where = "cta" | "trigger" | "condition" | "fallback" | "cross" | "task";

interface Case {
  where: Where;
  type: "tour" | "banner" | "survey" | "hint";
  first: boolean;
  book: boolean;
  runJs: boolean;
}

/** A project with one list at the place the case names (empty, or the seed's default). */
function projectFor(c: Case): { text: string; ref: ListRef; pointer: string } {
  const other = {
    id: "other",
    type: "tour",
    status: "live",
    steps: [{ id: "o", kind: "modal", ctas: [{ id: "d", label: "Done", actions: [] }] }],
  };
  const base = {
    version: 1,
    settings: { runJsEnabled: c.runJs },
    posts: [{ id: "p1", title: "News" }],
  };
  if (c.where === "task") {
    const experience = {
      id: "x",
      type: "checklist",
      status: "live",
      tasks: [{ id: "t", label: "Task", actions: [] }],
    };
    return {
      text: JSON.stringify({ ...base, experiences: [experience, other] }, null, 2),
      ref: { experience: "x", task: "t", kind: "task" },
      pointer: "/experiences/0/tasks/0/actions",
    };
  }
  const survey = c.where === "condition" || c.where === "fallback" || c.book || c.type === "survey";
  const type = survey ? "survey" : c.type;
  const kind = survey
    ? c.book && c.where === "cta"
      ? "bookInterview"
      : "nps"
    : { tour: "modal", banner: "banner", hint: "hint", survey: "nps" }[c.type];
  const step = (id: string, withList: boolean) => {
    const s: Record<string, unknown> = { id, kind };
    if (kind === "hint") s.target = "#x";
    if (kind === "nps") s.question = { min: 0, max: 10 };
    if (kind === "bookInterview") s.booking = { provider: "zcal", link: "https://zcal.co/x" };
    if (!withList) return s;
    if (c.where === "cta") s.ctas = [{ id: "a", label: "A", actions: [] }];
    if (c.where === "trigger") s.triggers = [{ id: "a", on: { click: "#b" }, actions: [] }];
    if (c.where === "condition") s.conditions = [{ id: "a", if: { between: [0, 6] }, actions: [] }];
    return s;
  };
  const at = c.first ? 0 : 1;
  const experience = {
    id: "x",
    type,
    status: "live",
    steps: [step("s0", at === 0), step("s1", at === 1)],
  };
  const stepPointer = `/experiences/0/steps/${at}`;
  const tail = {
    cta: "/ctas/0/actions",
    trigger: "/triggers/0/actions",
    condition: "/conditions/0/actions",
    fallback: "/fallback",
    cross: "/closingCross",
  }[c.where];
  const stepRef = { experience: "x", step: `s${at}` };
  const ref: ListRef =
    c.where === "fallback" || c.where === "cross"
      ? { ...stepRef, kind: c.where }
      : { ...stepRef, kind: c.where, id: "a" };
  return {
    text: JSON.stringify({ ...base, experiences: [experience, other] }, null, 2),
    ref,
    pointer: `${stepPointer}${tail}`,
  };
}

/** The errors the validator reports on action `index` of the list at `pointer`. */
function errorsAt(text: string, pointer: string, index: number): string[] {
  const at = `${pointer}/${index}`;
  return validateText(text)
    .diagnostics.filter((d) => d.severity === "error")
    .filter((d) => d.pointer === at || d.pointer.startsWith(`${at}/`))
    .map((d) => `${d.code}: ${d.message}`);
}

const caseArb: fc.Arbitrary<Case> = fc.record({
  where: fc.constantFrom<Where>("cta", "trigger", "condition", "fallback", "cross", "task"),
  type: fc.constantFrom("tour", "banner", "survey", "hint"),
  first: fc.boolean(),
  book: fc.boolean(),
  runJs: fc.boolean(),
});

describe("the action picker follows the rules the validator applies", () => {
  it("offers enabled only what the validator accepts next in the list (property)", () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.nat(50), { maxLength: 4 }),
        fc.constantFrom(...actionTypes),
        (c, picks, candidate) => {
          const { ref, pointer } = projectFor(c);
          let { text } = projectFor(c);
          // A list made of enabled picks only: valid at every length.
          for (const pick of picks) {
            const enabled = choicesForList(parseText(text).root, ref).filter((ch) => !ch.disabled);
            if (enabled.length === 0) break;
            const type = enabled[pick % enabled.length].type;
            text = addAction(text, ref, newAction(type, parseText(text).root, ref));
            const index = effectiveActions(parseText(text).root, ref).length - 1;
            expect(errorsAt(text, pointer, index)).toEqual([]);
          }
          const root = parseText(text).root;
          const choice = choicesForList(root, ref).find((ch) => ch.type === candidate);
          const withCandidate = addAction(text, ref, newAction(candidate, root, ref));
          const index = effectiveActions(parseText(withCandidate).root, ref).length - 1;
          const refused = errorsAt(withCandidate, pointer, index);
          const fixedPlace = placeOfList(root, ref).fixedBookInterview && index === 0;
          if (choice && !choice.disabled) expect(refused).toEqual([]);
          else if (candidate === "bookInterview" && fixedPlace) expect(refused).toEqual([]);
          else expect(refused.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("shows a refused combination disabled, with the matrix's reason", () => {
    const { text, ref } = projectFor({
      where: "task",
      type: "tour",
      first: true,
      book: false,
      runJs: false,
    });
    const launched = addAction(text, ref, { type: "launchExperience", experience: "other" });
    const choices = choicesForList(parseText(launched).root, ref);
    expect(choices.map((ch) => ch.type)).toEqual(["launchExperience", "openPost", "navigateTo"]);
    expect(choices.find((ch) => ch.type === "openPost")).toEqual({
      type: "openPost",
      label: "Open Post",
      disabled: true,
      reason:
        "Open Post cannot be added after Launch experience: the seed's combination matrix does not allow it.",
    });
    expect(choices.find((ch) => ch.type === "launchExperience")?.reason).toMatch(
      /already in this list/,
    );
    expect(choices.find((ch) => ch.type === "navigateTo")?.disabled).toBe(false);
  });

  it("offers snooze only on a first step, Run JS greyed out until activated", () => {
    const place = {
      context: "cta" as const,
      firstStep: false,
      runJsEnabled: false,
      fixedBookInterview: false,
    };
    const later = actionChoices(place, []);
    expect(later.map((ch) => ch.type)).not.toContain("snooze");
    expect(later.find((ch) => ch.type === "runJs")).toMatchObject({
      disabled: true,
      reason: runJsInactive,
    });
    const first = actionChoices({ ...place, firstStep: true, runJsEnabled: true }, []);
    expect(first.map((ch) => ch.type)).toContain("snooze");
    expect(first.find((ch) => ch.type === "runJs")?.disabled).toBe(false);
  });

  it("never offers Book Interview; on a Book Interview primary CTA it is fixed and weighs in", () => {
    const place = {
      context: "cta" as const,
      firstStep: false,
      runJsEnabled: true,
      fixedBookInterview: true,
    };
    const choices = actionChoices(place, []);
    expect(choices.map((ch) => ch.type)).not.toContain("bookInterview");
    // The implied Book Interview refuses what its matrix row refuses.
    expect(choices.find((ch) => ch.type === "dismiss")?.reason).toMatch(/after Book Interview/);
    expect(choices.find((ch) => ch.type === "goToStep")?.disabled).toBe(false);
    expect(isFixedAction(place, 0, "bookInterview")).toBe(true);
    expect(isFixedAction(place, 1, "goToStep")).toBe(false);
  });
});

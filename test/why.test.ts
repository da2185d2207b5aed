// "Why isn't it shown?" (issue 5, item 3): the hidden-by-design examples (examples/hidden)
// each name every failing reason with its smallest change, and applying that change (by
// script) really makes the experience show.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { simulate } from "../machines/engine/index.ts";
import { formatDuration, whyAfterScript } from "../machines/explore/why.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { type Script, type ScriptStep, script as scriptSchema } from "../machines/format/script.ts";

const hidden = join(import.meta.dirname, "..", "examples", "hidden");

function load(name: string): { project: Project; script: Script } {
  const read = (file: string) => JSON.parse(readFileSync(join(hidden, file), "utf8"));
  return {
    project: projectSchema.parse(read(`${name}.json`)),
    script: scriptSchema.parse(read(`${name}.script.json`)),
  };
}

function why(name: string, experience: string) {
  const { project, script } = load(name);
  return whyAfterScript(project, experience, script);
}

const cases: [string, string, [string, string[]][]][] = [
  ["snoozed-survey", "pulse-survey", [["snoozed", ["wait 13 h 20 min"]]]],
  ["wrong-plan", "sso-tour", [["audience", ["set plan to enterprise"]]]],
  ["wrong-page", "app-tour", [["page", ["open a page that matches /app/*"]]]],
  ["draft", "reports-banner", [["notLive", ["publish it (status live)"]]]],
  ["rate-limited", "tips-tour", [["rateLimited", ["wait 3 h", "or set ignoreRateLimit"]]]],
  [
    "once-dismissed",
    "import-hint-tour",
    [
      [
        "recurrence",
        ["nothing this user can do: recurrence once has run; set recurrence to every or always"],
      ],
    ],
  ],
  [
    "everything-wrong",
    "billing-survey",
    [
      ["page", ["open a page that matches /billing/*"]],
      ["notLive", ["publish it (status live)"]],
      ["audience", ["set plan to enterprise", "remove trial", 'complete "onboarding" first']],
      ["flowOnScreen", ['close "onboarding" first (it is on screen)']],
    ],
  ],
];

describe("why on the hidden-by-design examples", () => {
  it.each(cases)(
    "%s: %s names every failing reason and its smallest change",
    (name, experience, expected) => {
      const report = why(name, experience);
      expect(report.onScreen).toBe(false);
      expect(report.reasons.map((r) => [r.code, r.fixes.map((f) => f.text)])).toEqual(expected);
    },
  );

  /** Runs the example's script plus `more`, with `attributes` merged into the user. */
  function statusAfter(name: string, experience: string, more: ScriptStep[], attributes = {}) {
    const { project, script } = load(name);
    const user = { ...script.user, attributes: { ...script.user.attributes, ...attributes } };
    return simulate(project, { ...script, user, steps: [...script.steps, ...more] }).experiences[
      experience
    ].status;
  }

  it("waiting the time it says shows the snoozed survey (and a minute less does not)", () => {
    const fix = why("snoozed-survey", "pulse-survey").reasons[0].fixes[0].change;
    if (fix.kind !== "wait") throw new Error("expected a wait");
    const hours = fix.ms / 3_600_000;
    expect(
      statusAfter("snoozed-survey", "pulse-survey", [{ do: "advance", hours: hours - 1 / 60 }]),
    ).toBe("snoozed");
    expect(statusAfter("snoozed-survey", "pulse-survey", [{ do: "advance", hours }])).toBe(
      "active",
    );
  });

  it("setting the attribute it names shows the tour", () => {
    const fix = why("wrong-plan", "sso-tour").reasons[0].fixes[0].change;
    if (fix.kind !== "setAttribute") throw new Error("expected setAttribute");
    expect(statusAfter("wrong-plan", "sso-tour", [], { [fix.attribute]: fix.value })).toBe(
      "active",
    );
  });

  it("opening the page it names shows the tour", () => {
    const fix = why("wrong-page", "app-tour").reasons[0].fixes[0].change;
    if (fix.kind !== "openPage") throw new Error("expected openPage");
    expect(statusAfter("wrong-page", "app-tour", [{ do: "navigate", url: fix.url }])).toBe(
      "active",
    );
  });

  it("after the rate-limit wait, the next page view shows the tour", () => {
    const fix = why("rate-limited", "tips-tour").reasons[0].fixes[0].change;
    if (fix.kind !== "wait") throw new Error("expected a wait");
    const hours = fix.ms / 3_600_000;
    const again: ScriptStep = { do: "navigate", url: "/dashboard" };
    expect(
      statusAfter("rate-limited", "tips-tour", [{ do: "advance", hours: hours - 0.1 }, again]),
    ).toBe("idle");
    expect(statusAfter("rate-limited", "tips-tour", [{ do: "advance", hours }, again])).not.toBe(
      "idle",
    );
  });

  it("an experience on screen has nothing to explain", () => {
    const { project } = load("everything-wrong");
    const report = whyAfterScript(
      project,
      "onboarding",
      scriptSchema.parse({ start: { url: "/home" } }),
    );
    expect(report).toMatchObject({ onScreen: true, reasons: [] });
  });
});

describe("formatDuration", () => {
  it.each([
    [48_000_000, "13 h 20 min"],
    [3_600_000, "1 h"],
    [90 * 60_000 + 1, "1 h 31 min"],
    [25 * 3_600_000, "1 d 1 h"],
    [30_000, "30 s"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

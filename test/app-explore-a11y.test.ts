// The explorer panel in words for assistive technology: the tab list's keyboard moves, a
// coverage row's replay state and the live replay line, the coverage heading (no replay hint
// without a path to click) and the words that say a report is out of date.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { staleWords } from "../app/explore/explore-state.ts";
import { coverageHeading } from "../app/explore/path-words.ts";
import { replayProgressWords, replayStateWords } from "../app/explore/replay-words.ts";
import { tabAfterKey } from "../app/explore/tab-keys.ts";
import type { ReplayMark } from "../app/explore/usePathReplay.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";

const text = readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8");
const nps = (): Project => projectSchema.parse(JSON.parse(text));

describe("tab keys", () => {
  const tabs = ["paths", "races"] as const;

  it("moves with the arrows (wrapping) and to the ends with Home/End", () => {
    expect(tabAfterKey(tabs, "paths", "ArrowRight")).toBe("races");
    expect(tabAfterKey(tabs, "races", "ArrowRight")).toBe("paths");
    expect(tabAfterKey(tabs, "paths", "ArrowLeft")).toBe("races");
    expect(tabAfterKey(tabs, "races", "Home")).toBe("paths");
    expect(tabAfterKey(tabs, "paths", "End")).toBe("races");
    expect(tabAfterKey(tabs, "paths", "Enter")).toBeNull();
    expect(tabAfterKey(tabs, "paths", "ArrowDown")).toBeNull();
  });

  it("ArrowLeft undoes ArrowRight, and n ArrowRights come back, for any number of tabs", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.nat(8), (n, start) => {
        const many = Array.from({ length: n }, (_, i) => i);
        const from = start % n;
        const right = tabAfterKey(many, from, "ArrowRight");
        expect(right).not.toBeNull();
        expect(tabAfterKey(many, right as number, "ArrowLeft")).toBe(from);
        let at = from;
        for (let i = 0; i < n; i++) at = tabAfterKey(many, at, "ArrowRight") as number;
        expect(at).toBe(from);
      }),
    );
  });
});

describe("replay words", () => {
  const mark = (over: Partial<ReplayMark>): ReplayMark => ({
    experienceId: "quarterly-nps",
    index: 2,
    state: "replaying",
    done: 3,
    total: 7,
    ...over,
  });

  it("puts the replay state in the row's accessible name", () => {
    expect(replayStateWords(mark({}))).toBe("replaying step 3 of 7");
    expect(replayStateWords(mark({ done: 0 }))).toBe("replay starting");
    expect(replayStateWords(mark({ state: "replayed", done: 7 }))).toBe("replayed");
    expect(replayStateWords(mark({ state: "failed", done: 2 }))).toBe("stopped after 2 of 7 steps");
  });

  it("says on the live line which path, how far and why it stopped", () => {
    expect(replayProgressWords(null)).toBe("");
    expect(replayProgressWords(mark({}))).toBe("Replaying path 3: step 3 of 7.");
    expect(replayProgressWords(mark({ state: "replayed", done: 7 }))).toBe(
      "Path 3 replayed: 7 steps.",
    );
    expect(
      replayProgressWords(mark({ state: "failed", done: 2, message: "the session changed" })),
    ).toBe("Path 3 stopped after 2 of 7 steps: the session changed.");
  });
});

describe("coverage heading", () => {
  it("offers the replay only when there is a path to click", () => {
    const report = explorePaths(nps(), "quarterly-nps");
    const taken = report.edges - report.untakable.length - report.missed.length;
    const heading = coverageHeading(report);
    expect(heading.title).toBe(
      `Coverage · ${report.coverage.length} paths take ${taken} of ${report.edges} transitions`,
    );
    expect(heading.hint).toMatch(/replay/);
    const empty = { ...report, coverage: [], edges: 0, untakable: [], missed: [] };
    expect(coverageHeading(empty)).toEqual({ title: "Coverage · Nothing to cover", hint: null });
  });
});

describe("stale words", () => {
  it("says a report belongs to an earlier project or another experience, not when current", () => {
    const project = nps();
    expect(staleWords({ project, experienceId: "quarterly-nps" }, project, "quarterly-nps")).toBe(
      null,
    );
    expect(staleWords({ project }, nps(), null)).toBe(
      "Computed for an earlier version of the project",
    );
    expect(staleWords({ project, experienceId: "quarterly-nps" }, project, "other")).toBe(
      "Computed for another experience",
    );
  });
});

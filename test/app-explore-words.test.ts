// Paths and races in words: exact counts keep every digit (grouped), a coverage path reads
// as its user steps with the clicked CTAs' labels, a raced list says where it sits and what
// each outcome is, flagging the parts that differ.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundWords,
  clickLabels,
  compactCount,
  coveragePreview,
  endWords,
  groupDigits,
  pathWords,
  stepWords,
  userSteps,
} from "../app/explore/path-words.ts";
import { differsWords, effectWords, listPlace, outcomeParts } from "../app/explore/race-words.ts";
import { linearTourInput } from "../bench/generate.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { exploreRaces } from "../machines/explore/races.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";

function example(name: string): Project {
  const text = readFileSync(new URL(`../examples/${name}.json`, import.meta.url), "utf8");
  return projectSchema.parse(JSON.parse(text));
}

describe("groupDigits", () => {
  it("groups by three and keeps every digit, also past 2^53", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(Number.MAX_SAFE_INTEGER)).toBe("9,007,199,254,740,991");
    expect(groupDigits((2n ** 60n).toString())).toBe("1,152,921,504,606,846,976");
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 200n }), (n) => {
        const grouped = groupDigits(n.toString());
        expect(grouped.replaceAll(",", "")).toBe(n.toString());
        const groups = grouped.split(",");
        expect(groups[0].length).toBeGreaterThanOrEqual(1);
        expect(groups[0].length).toBeLessThanOrEqual(3);
        for (const g of groups.slice(1)) expect(g).toHaveLength(3);
      }),
    );
  });
});

describe("compactCount", () => {
  it("keeps small counts whole and writes huge ones with their power of ten", () => {
    expect(compactCount(1_234_567)).toBe("1,234,567");
    expect(compactCount(12_345_678)).toBe("1.2 × 10⁷");
    expect(compactCount((2n ** 100n).toString())).toBe("1.2 × 10³⁰");
    expect(compactCount(`9${"0".repeat(129)}`)).toBe("9.0 × 10¹²⁹");
  });
});

describe("coverage rows of a long path (issue 10)", () => {
  it("preview the first steps and give the length, in both forms, without the whole path", () => {
    const tour = projectSchema.parse(linearTourInput(600));
    const experience = tour.experiences[0];
    const report = explorePaths(tour, "t", { parts: { shortest: false, simple: false } });
    expect(report.shared).toEqual(["coverage"]);
    const { path, length } = coveragePreview(report.coverage, 600);
    expect(length).toBe(601);
    expect(path.steps).toHaveLength(7);
    expect(pathWords(path, experience, 6, length)).toBe(
      `${Array(6).fill("click Next").join(" → ")} → … 594 more`,
    );
    // A preview reads like the whole path.
    const nps = example("nps-survey");
    const small = explorePaths(nps, "quarterly-nps");
    small.coverage.forEach((whole, i) => {
      const preview = coveragePreview(small.coverage, i);
      expect(preview.length).toBe(whole.steps.length);
      expect(pathWords(preview.path, nps.experiences[0], 6, preview.length)).toBe(
        pathWords(whole, nps.experiences[0]),
      );
    });
  });

  it("say when the counts are lower bounds or for a lowered bound", () => {
    const detail = { launchedTo: {}, revisits: 2, acyclic: false, reduced: false, exact: true };
    expect(boundWords(detail)).toBe("Cycles: each step entered at most 2× per path.");
    expect(boundWords({ ...detail, revisits: 1, reduced: true })).toBe(
      "Cycles: each step entered at most 1× per path, as the asked bound needed more work than the counting budget.",
    );
    expect(boundWords({ ...detail, exact: false })).toMatch(
      /^At least these many: counting stopped at its work budget\. Cycles/,
    );
    expect(boundWords({ ...detail, acyclic: true })).toBe("No cycles: every path counted.");
  });
});

describe("path words", () => {
  const nps = example("nps-survey");
  const experience = nps.experiences[0];
  const report = explorePaths(nps, experience.id);

  it("writes a path's user steps with the labels of the CTAs clicked", () => {
    const toBooking = report.coverage.find((p) =>
      p.steps.some((s) => s.do === "click" && s.cta === "book"),
    );
    if (!toBooking) throw new Error("the NPS coverage should reach the booking step");
    const words = pathWords(toBooking, experience, 10);
    expect(words).toContain("click Pick a time");
    expect(words.startsWith("answer ")).toBe(true);
    expect(words).not.toContain("launch");
    expect(words.split(" → ")).toHaveLength(userSteps(toBooking));
    const labels = clickLabels(toBooking, experience).filter(Boolean);
    expect(labels).toEqual(
      toBooking.steps.flatMap((s) =>
        s.do === "click"
          ? experience.steps
              .flatMap((st) => st.ctas.filter((c) => c.id === s.cta).map((c) => c.label))
              .slice(0, 1)
          : [],
      ),
    );
  });

  it("shortens a long path and says how many steps are left out", () => {
    const long = {
      edges: [],
      end: "completed",
      steps: [
        { do: "launch" as const, experience: "x" },
        ...Array.from({ length: 9 }, (_, i) => ({ do: "answer" as const, value: i })),
      ],
    };
    expect(pathWords(long, experience, 3)).toBe("answer 0 → answer 1 → answer 2 → … 6 more");
    expect(pathWords({ ...long, steps: long.steps.slice(0, 1) }, experience)).toBe("launch only");
  });

  it("words each kind of step briefly", () => {
    expect(stepWords({ do: "answer", value: "Faster reports" })).toBe("answer “Faster reports”");
    expect(stepWords({ do: "answer", value: ["A", "B"] })).toBe("answer “A” + “B”");
    expect(stepWords({ do: "close" })).toBe("close ×");
    expect(stepWords({ do: "navigate", url: "/settings" })).toBe("go to /settings");
    expect(stepWords({ do: "click", cta: "next" })).toBe("click next");
    expect(stepWords({ do: "click", cta: "next" }, "Next")).toBe("click Next");
    expect(endWords("launched:profile-tour")).toBe("launched profile-tour");
    expect(endWords("completed")).toBe("completed");
  });
});

describe("race words", () => {
  const project = example("multi-action-cta");
  const report = exploreRaces(project);
  const list = report.racy[0];

  it("says where a raced list sits, by the CTA's label", () => {
    expect(listPlace(list, project)).toBe(
      "CTA “Complete my profile” on step nudge of profile-nudge",
    );
    expect(listPlace({ id: "post/p-pricing" }, project)).toBe("the CTA of post p-pricing");
    expect(listPlace({ id: "agent/answer/a1" }, project)).toBe("agent custom answer a1");
    expect(listPlace({ id: "weird", experience: "profile-nudge" }, project)).toBe("weird");
  });

  it("words each outcome and flags exactly the parts that differ", () => {
    expect(list.outcomes.length).toBeGreaterThan(1);
    const worded = list.outcomes.map((g) => outcomeParts(g.outcome, list.differs));
    for (const parts of worded) expect(parts[0].text).toMatch(/^page /);
    // What does not differ reads the same in every outcome.
    const unflagged = (parts: ReturnType<typeof outcomeParts>, prefix: string) =>
      parts.find((p) => p.text.startsWith(prefix) && !p.differs)?.text;
    for (const prefix of ["page ", "effects", "no effects"]) {
      const texts = new Set(worded.map((parts) => unflagged(parts, prefix)));
      expect(texts.size).toBe(1);
    }
    // Parts that differ are worded differently in different outcomes.
    const differing = worded.map((parts) =>
      parts
        .filter((p) => p.differs)
        .map((p) => p.text)
        .join("|"),
    );
    expect(new Set(differing).size).toBe(list.outcomes.length);
    expect(differsWords(list.differs)).toBe(
      list.differs.map((d) => d.replace("experiences.", "")).join(", "),
    );
  });

  it("words every kind of effect", () => {
    expect(effectWords({ type: "navigateTo", url: "/x", openIn: "newTab" })).toBe(
      "navigate to /x (new tab)",
    );
    expect(effectWords({ type: "launchAgent", message: "hi" })).toBe("agent asked “hi”");
    expect(effectWords({ type: "openPost", post: "p" })).toBe("post p opened");
    expect(effectWords({ type: "bookInterview", provider: "calendly", link: "l" })).toBe(
      "booking via calendly",
    );
    expect(effectWords({ type: "runJs" })).toBe("runJs");
  });
});

// Renaming an id renames it everywhere it is used (issue 12), as one edit; a taken, empty or
// keyword id is refused; ids are data (any string works, `__proto__` and `a.b#c` too).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renameId, renameProblem } from "../app/authoring/rename.ts";
import { validateText } from "../machines/validate/index.ts";

const examples = join(import.meta.dirname, "..", "examples");
const banner = readFileSync(join(examples, "feature-banner.json"), "utf8");
const agent = readFileSync(join(examples, "agent.json"), "utf8");
const nps = readFileSync(join(examples, "nps-survey.json"), "utf8");

const errors = (text: string) =>
  validateText(text).diagnostics.filter((d) => d.severity === "error");

/** Every string value in the document equal to `id`, with the key that holds it. */
function uses(text: string, id: string): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (value === id) out.push(key);
    else if (Array.isArray(value)) for (const item of value) walk(item, key);
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, k);
    }
  };
  walk(JSON.parse(text), "");
  return out;
}

describe("rename an experience", () => {
  it("renames its id, every launchExperience target and every audience condition", () => {
    const withAudience = banner.replace(
      '"id": "saved-views-tour",',
      '"id": "saved-views-tour",\n      "audience": [{ "experience": "saved-views-tour", "has": "dismissed" }],',
    );
    expect(uses(withAudience, "saved-views-tour").sort()).toEqual([
      "experience",
      "experience",
      "id",
    ]);
    for (const id of ["views.tour", "__proto__", "#1 tour"]) {
      const after = renameId(
        withAudience,
        { kind: "experience", experience: "saved-views-tour" },
        id,
      );
      expect(uses(after, "saved-views-tour")).toEqual([]);
      expect(uses(after, id).sort()).toEqual(["experience", "experience", "id"]);
      expect(errors(after)).toEqual(errors(withAudience));
    }
  });

  it("renames the launch in an agent's custom answer too", () => {
    const after = renameId(
      agent,
      { kind: "experience", experience: "reports-tour" },
      "insights-tour",
    );
    expect(uses(after, "reports-tour")).toEqual([]);
    expect(uses(after, "insights-tour").sort()).toEqual(["experience", "id"]);
    expect(errors(after)).toEqual([]);
  });

  it("refuses an id another experience, post or agent answer has", () => {
    const target = { kind: "experience" as const, experience: "reports-tour" };
    expect(renameProblem(agent, target, "plans-tour")).toMatch(/already the id/);
    expect(renameProblem(agent, target, "p-pricing-2026")).toMatch(/already the id/);
    expect(renameProblem(agent, target, "")).toMatch(/empty/);
    expect(renameId(agent, target, "plans-tour")).toBe(agent);
    expect(renameProblem(agent, target, "reports-tour")).toBeUndefined();
  });
});

describe("rename a step", () => {
  const target = { kind: "step" as const, experience: "quarterly-nps", step: "thank-you" };
  it("renames its goToStep targets in its experience", () => {
    const before = uses(nps, "thank-you");
    expect(before.filter((key) => key === "step").length).toBeGreaterThan(0);
    const after = renameId(nps, target, "thanks");
    expect(uses(after, "thank-you")).toEqual([]);
    expect(uses(after, "thanks").sort()).toEqual(before.sort());
    expect(errors(after)).toEqual([]);
  });

  it("refuses next, previous and complete, and a sibling's id", () => {
    for (const keyword of ["next", "previous", "complete"]) {
      expect(renameProblem(nps, target, keyword)).toMatch(/Go to step/);
    }
    expect(renameProblem(nps, target, "score")).toMatch(/another step/);
  });
});

describe("rename a post, a CTA, a task", () => {
  it("renames a post and its openPost actions", () => {
    const after = renameId(agent, { kind: "post", post: "p-pricing-2026" }, "p-pricing");
    expect(uses(after, "p-pricing-2026")).toEqual([]);
    expect(uses(after, "p-pricing").sort()).toEqual(["id", "post"]);
    expect(errors(after)).toEqual([]);
  });

  it("renames only the CTA itself (nothing in a project names a CTA)", () => {
    const item = {
      experience: "saved-views-banner",
      step: "announcement",
      kind: "cta" as const,
      id: "later",
    };
    const after = renameId(banner, { kind: "item", item }, "not-now");
    expect(after).toBe(banner.replace('"id": "later"', '"id": "not-now"'));
    expect(renameProblem(banner, { kind: "item", item }, "take-tour")).toMatch(/another CTA/);
  });
});

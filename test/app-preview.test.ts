// The preview's pure parts: what is on screen, the host page's elements, checklist order,
// the clock in words, side effects (runJs code shown, never run), persona attributes as
// JSON or rows, and saved presets that never trust what storage holds.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { agentLines, unmatchedNote } from "../app/preview/agent-view.ts";
import { attributesOf, parseAttributesJson, readValue, rowsOf } from "../app/preview/attributes.ts";
import { formatElapsed, formatInstant, parseHours } from "../app/preview/clock.ts";
import { effectView } from "../app/preview/effects-view.ts";
import { hostElements, screenOf, taskClickable } from "../app/preview/on-screen.ts";
import { loadPresets, presetsKey, savePreset } from "../app/preview/presets.ts";
import { stepKindName } from "../app/preview/step-kinds.ts";
import { EndIcon } from "../app/timeline/EndIcon.tsx";
import { createSimulation, simulate } from "../machines/engine/index.ts";
import { stepKinds } from "../machines/format/schema.ts";
import { validateText } from "../machines/validate/index.ts";

function projectOf(name: string) {
  const project = validateText(readFileSync(`examples/${name}.json`, "utf8")).project;
  if (!project) throw new Error(`examples/${name}.json is not valid`);
  return project;
}

describe("on screen", () => {
  it("finds the flow on screen and the checklist, and the selectors of the host page", () => {
    const project = projectOf("getting-started-checklist");
    const admin = { id: "a", attributes: { role: "admin" } };
    const sim = createSimulation(project, { user: admin, start: { url: "/dashboard" } });
    expect(screenOf(project, sim.world()).checklists.map((e) => e.id)).toEqual(["getting-started"]);
    expect(screenOf(project, sim.world()).flow).toBeNull();
    sim.run({ do: "launch", experience: "create-project-tour" });
    const screen = screenOf(project, sim.world());
    expect(screen.flow?.experience.id).toBe("create-project-tour");
    expect(screen.flow?.step.id).toBe("new-project");
    const tour = projectOf("onboarding-tour");
    expect(hostElements(tour).length).toBeGreaterThan(0);
    for (const selector of hostElements(tour)) expect(typeof selector).toBe("string");
  });

  it("in order, only the first undone task can be clicked", () => {
    const project = projectOf("getting-started-checklist");
    const found = project.experiences.find((e) => e.type === "checklist");
    if (!found) throw new Error("no checklist");
    const checklist = structuredClone(found);
    checklist.checklist.order = "inOrder";
    const [first, second] = checklist.tasks;
    expect(taskClickable(checklist, [], first.id)).toBe(true);
    expect(taskClickable(checklist, [], second.id)).toBe(false);
    expect(taskClickable(checklist, [first.id], second.id)).toBe(true);
    expect(taskClickable(checklist, [first.id], first.id)).toBe(false);
    checklist.checklist.order = "any";
    expect(taskClickable(checklist, [], second.id)).toBe(true);
  });
});

describe("clock", () => {
  it("shows the simulated instant in UTC and the time since the start", () => {
    expect(formatInstant(Date.parse("2026-01-05T09:00:00Z") + 3_600_000)).toBe(
      "2026-01-05 10:00:00 UTC",
    );
    expect(formatElapsed(400)).toBe("+400 ms");
    expect(formatElapsed(25 * 3_600_000)).toBe("+1 d 1 h");
    expect(parseHours("1,5")).toBe(1.5);
    expect(parseHours("-2")).toBeUndefined();
    expect(parseHours("")).toBeUndefined();
  });
});

describe("side effects", () => {
  it("shows a runJs effect with its code as text, and URLs as they are", () => {
    const project = projectOf("multi-action-cta");
    const recording = JSON.parse(
      readFileSync("examples/recordings/cta-navigation-interrupts-launch.json", "utf8"),
    );
    const result = simulate(project, recording.script);
    const views = result.effects.map((e) => effectView(e, project));
    const runJs = views.find((v) => v.kind === "runJs");
    expect(runJs?.code).toEqual([
      "window.analytics && window.analytics.track('profile_nudge_clicked');",
    ]);
    const navigation = views.find((v) => v.kind === "navigateTo");
    expect(navigation?.detail).toBe("/users/usr_8f3k2m/profile");
  });
});

describe("persona attributes", () => {
  it("round-trips any JSON object through rows", () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1 }).filter((k) => k.trim() === k),
          value,
        ),
        (attrs) => {
          const back = attributesOf(rowsOf(attrs));
          for (const [key, v] of Object.entries(attrs)) {
            // A string that reads as JSON ("42") comes back as that JSON value: rows are text.
            expect(back[key]).toEqual(typeof v === "string" ? readValue(v) : v);
          }
        },
      ),
    );
  });

  it("keeps an attribute named __proto__ (found by the property above)", () => {
    const back = attributesOf([{ key: "__proto__", value: "x" }]);
    expect(Object.keys(back)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it("reports JSON that is not an object", () => {
    expect(parseAttributesJson('{"plan":"pro"}')).toEqual({ ok: true, value: { plan: "pro" } });
    expect(parseAttributesJson("[1]").ok).toBe(false);
    expect(parseAttributesJson("{").ok).toBe(false);
  });
});

describe("saved presets", () => {
  const memory = () => {
    const data = new Map<string, string>();
    return {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
  };

  it("saves, replaces by name and loads presets", () => {
    const storage = memory();
    savePreset({ name: "Trial", userId: "u2", attributes: { plan: "trial" } }, storage);
    savePreset({ name: "Trial", userId: "u3", attributes: { plan: "trial" } }, storage);
    expect(loadPresets(storage)).toEqual([
      { name: "Trial", userId: "u3", attributes: { plan: "trial" } },
    ]);
  });

  it("ignores whatever else storage holds", () => {
    const storage = memory();
    storage.setItem(presetsKey, '[{"name":1},{"name":"ok","userId":"u","attributes":{}}, null]');
    expect(loadPresets(storage).map((p) => p.name)).toEqual(["ok"]);
    storage.setItem(presetsKey, "not json");
    expect(loadPresets(storage)).toEqual([]);
  });
});

describe("step kinds in words (issue 12)", () => {
  it("names every kind of the format, none run together as in BOOKINTERVIEW", () => {
    for (const kind of stepKinds) {
      const name = stepKindName(kind);
      expect(name, kind).not.toBe("");
      // A kind written in camelCase gets its words apart.
      if (/[a-z][A-Z]/.test(kind)) expect(name, kind).toMatch(/ /);
    }
    expect(stepKindName("bookInterview")).toBe("Book interview");
    expect(stepKindName("nps")).toBe("NPS");
    expect(stepKindName("multiChoice")).toBe("Multiple choice");
    expect(stepKindName("__proto__")).toBe("__proto__");
  });
});

describe("the agent's conversation (issue 12)", () => {
  it("says when a message matched no custom answer and no automated action", () => {
    const project = projectOf("agent");
    const sim = createSimulation(project, { start: { url: "/dashboard" } });
    sim.run({ do: "askAgent", message: "hello there" });
    sim.run({ do: "askAgent", message: "What about pricing?" });
    sim.run({ do: "askAgent", message: "Do you support SSO?" });
    const lines = agentLines(sim.world());
    expect(lines.map((l) => [l.from, l.outcome?.kind ?? null])).toEqual([
      ["user", "unmatched"],
      ["user", null],
      ["agent", null],
      ["user", "automated"],
    ]);
    expect(lines[3].outcome).toEqual({ kind: "automated", ids: ["aa-sso"] });
    expect(unmatchedNote).toMatch(/No custom answer or automated action matches/);
  });
});

describe("the end icon (issue 12)", () => {
  it("draws the snooze as SVG with a label, not the ⏾ glyph fonts lack", () => {
    const html = renderToStaticMarkup(createElement(EndIcon, { end: "snoozed" }));
    expect(html).toMatch(/^<svg/);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Snoozed"');
    expect(html).not.toContain("⏾");
    const decorative = renderToStaticMarkup(
      createElement(EndIcon, { end: "completed", decorative: true }),
    );
    expect(decorative).toContain('aria-hidden="true"');
    expect(decorative).not.toContain("role=");
  });
});

// SPEC §3.1, §3.3, §3.4: automatic showing, rate limit, triggers, loops, order and races.
import { describe, expect, it } from "vitest";
import {
  createSimulation,
  restoreSimulation,
  ScriptStepError,
  simulate,
} from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";
import {
  type Result,
  type ScriptInput,
  script as scriptSchema,
  type TraceEntry,
} from "../machines/format/script.ts";
import { defaultLatencyMs } from "../machines/rules/latency.ts";

/** Test projects are written loosely and parsed (with defaults) by the schema. */
function run(project: unknown, script: ScriptInput): Result {
  return simulate(projectSchema.parse(project), scriptSchema.parse(script));
}

function entries(result: Result, type: string): TraceEntry[] {
  return result.trace.filter((entry) => entry.type === type);
}

function autoBanner(id: string, urls: string[], extra: Record<string, unknown> = {}) {
  return {
    id,
    type: "banner" as const,
    status: "live" as const,
    showOn: { trigger: "auto" as const, urls },
    steps: [
      {
        id: "b1",
        kind: "banner" as const,
        ctas: [{ id: "ok", label: "OK", actions: [{ type: "dismiss" as const }] }],
      },
    ],
    ...extra,
  };
}

describe("automatic showing", () => {
  it("shows at the start when the page matches a glob, in experiences order", () => {
    const result = run(
      { version: 1, experiences: [autoBanner("a", ["/app/*"]), autoBanner("b", ["/app/*"])] },
      { start: { url: "/app/settings?tab=1" } },
    );
    expect(result.experiences.a.status).toBe("active");
    expect(result.experiences.b.status).toBe("idle");
    expect(entries(result, "show.skipped")).toEqual([
      expect.objectContaining({
        experience: "b",
        reasons: [expect.objectContaining({ code: "flowOnScreen" })],
      }),
    ]);
  });

  it("a glob must match the whole URL", () => {
    const result = run(
      { version: 1, experiences: [autoBanner("a", ["/app"])] },
      { start: { url: "/app/x" } },
    );
    expect(result.experiences.a.status).toBe("idle");
    expect(entries(result, "show.skipped")).toHaveLength(0);
  });

  it("show.skipped lists every failing reason", () => {
    const result = run(
      {
        version: 1,
        settings: { rateLimit: { max: 1, hours: 4 } },
        experiences: [
          autoBanner("first", ["/"]),
          autoBanner("gated", ["/"], {
            status: "draft",
            audience: [{ attribute: "plan", op: "eq", value: "pro" }],
          }),
        ],
      },
      {},
    );
    const skipped = entries(result, "show.skipped");
    expect(skipped).toHaveLength(1);
    expect((skipped[0].reasons as { code: string }[]).map((r) => r.code)).toEqual([
      "notLive",
      "audience",
      "rateLimited",
      "flowOnScreen",
    ]);
  });

  it("a page change never hides the experience on screen and re-checks even for the same URL", () => {
    const result = run(
      { version: 1, experiences: [autoBanner("a", ["/home"]), autoBanner("b", ["/home"])] },
      {
        start: { url: "/home" },
        steps: [
          { do: "navigate", url: "/elsewhere" },
          { do: "navigate", url: "/home" },
          { do: "navigate", url: "/home" },
        ],
      },
    );
    expect(result.experiences.a.status).toBe("active");
    // b is skipped at the start and after each of the two navigations to /home.
    expect(entries(result, "show.skipped").filter((e) => e.experience === "b")).toHaveLength(3);
    expect(entries(result, "page.changed")).toHaveLength(3);
  });

  it("recurrence every: shows again that many hours after it ended", () => {
    const project = {
      version: 1 as const,
      experiences: [autoBanner("a", ["/"], { recurrence: { kind: "every", hours: 24 } })],
    };
    const early = run(project, {
      steps: [
        { do: "click", cta: "ok" },
        { do: "advance", hours: 23 },
      ],
    });
    expect(early.experiences.a).toMatchObject({ status: "dismissed", views: 1 });
    const later = run(project, {
      steps: [
        { do: "click", cta: "ok" },
        { do: "advance", hours: 24 },
      ],
    });
    expect(later.experiences.a).toMatchObject({ status: "active", views: 2 });
  });
});

describe("rate limit", () => {
  const project = (ignore: boolean) => ({
    version: 1 as const,
    settings: { rateLimit: { max: 1, hours: 4 } },
    experiences: [
      autoBanner("a", ["/"]),
      autoBanner("b", ["/"], { ignoreRateLimit: ignore }),
      autoBanner("c", ["/"]),
    ],
  });

  it("counts shows in a rolling window", () => {
    const script: ScriptInput = {
      steps: [
        { do: "click", cta: "ok" },
        { do: "advance", hours: 3 },
        { do: "advance", hours: 1 },
      ],
    };
    const result = run(project(false), script);
    // a shown at 0; b rate-limited after a ends and at 3h; shown at 4h when the window rolls.
    expect(result.experiences.b.status).toBe("active");
    expect(
      result.trace.find((e) => e.type === "experience.shown" && e.experience === "b")?.at,
    ).toBe(4 * 3_600_000);
    const skippedB = entries(result, "show.skipped").filter((e) => e.experience === "b");
    // At the start a is on screen; once a ended (at 0 and at 3h) only the limit holds b back.
    expect(skippedB.map((e) => (e.reasons as { code: string }[]).map((r) => r.code))).toEqual([
      ["rateLimited", "flowOnScreen"],
      ["rateLimited"],
      ["rateLimited"],
    ]);
  });

  it("an experience that ignores the limit is shown, and others still count it", () => {
    const result = run(project(true), { steps: [{ do: "click", cta: "ok" }] });
    expect(result.experiences.b.status).toBe("active");
    const launched = run(project(false), {
      steps: [
        { do: "click", cta: "ok" },
        { do: "launch", experience: "c" },
      ],
    });
    // A launch ignores the rate limit (SPEC §3.2).
    expect(launched.experiences.c.status).toBe("active");
  });
});

describe("progress triggers", () => {
  const withTriggers = (triggers: unknown[]) => ({
    version: 1 as const,
    experiences: [
      {
        id: "t",
        type: "tour" as const,
        status: "live" as const,
        steps: [
          { id: "s1", kind: "modal" as const, triggers },
          { id: "s2", kind: "modal" as const },
        ],
      },
    ],
  });
  const next = [{ type: "goToStep", step: "next" }];

  it("a URL trigger fires when the page changes to a matching URL", () => {
    const result = run(withTriggers([{ id: "u", on: { url: "/settings/*" }, actions: next }]), {
      steps: [
        { do: "launch", experience: "t" },
        { do: "navigate", url: "/other" },
        { do: "navigate", url: "/settings/billing" },
      ],
    });
    expect(result.experiences.t.step).toBe("s2");
    expect(entries(result, "action.fired")).toHaveLength(2);
  });

  it("a URL trigger fires when its step is entered on a page it already matches", () => {
    const result = run(withTriggers([{ id: "u", on: { url: "/settings/*" }, actions: next }]), {
      start: { url: "/settings/x" },
      steps: [{ do: "launch", experience: "t" }],
    });
    expect(result.experiences.t.visited).toEqual(["s1", "s2"]);
  });

  it("a click trigger fires on clickElement with the same selector string only", () => {
    const project = withTriggers([{ id: "c", on: { click: "#save" }, actions: next }]);
    const other = run(project, {
      steps: [
        { do: "launch", experience: "t" },
        { do: "clickElement", selector: "#save2" },
      ],
    });
    expect(other.experiences.t.step).toBe("s1");
    const same = run(project, {
      steps: [
        { do: "launch", experience: "t" },
        { do: "clickElement", selector: "#save" },
      ],
    });
    expect(same.experiences.t.step).toBe("s2");
  });

  it("a trigger navigating back to a matching URL stops with loop.stopped, and the script goes on", () => {
    const project = withTriggers([
      { id: "u", on: { url: "/loop" }, actions: [{ type: "navigateTo", url: "/loop" }] },
    ]);
    const result = run(project, {
      steps: [
        { do: "launch", experience: "t" },
        { do: "navigate", url: "/loop" },
        { do: "navigate", url: "/done" },
      ],
    });
    expect(entries(result, "loop.stopped")).toHaveLength(1);
    expect(result.page.url).toBe("/done");
    const firings = entries(result, "action.fired").filter((e) => e.action === "navigateTo");
    expect(firings).toHaveLength(20);
  });
});

describe("firing order, latencies and races", () => {
  const project = (latencyMs: Record<string, number> = {}, urls: string[] = []) => ({
    version: 1 as const,
    settings: { latencyMs },
    experiences: [
      {
        id: "src",
        type: "tour" as const,
        status: "live" as const,
        steps: [
          {
            id: "s1",
            kind: "modal" as const,
            ctas: [
              {
                id: "go",
                label: "Go",
                actions: [
                  { type: "navigateTo" as const, url: "/next" },
                  { type: "runJs" as const, code: "" },
                  { type: "launchExperience" as const, experience: "target" },
                ],
              },
            ],
          },
        ],
      },
      {
        id: "target",
        type: "tour" as const,
        status: "live" as const,
        showOn: { trigger: "manual" as const, urls },
        steps: [{ id: "t1", kind: "modal" as const }],
      },
    ],
  });
  const script: ScriptInput = {
    steps: [
      { do: "launch", experience: "src" },
      { do: "click", cta: "go" },
    ],
  };

  it("fires every action at once in the nominal order; each lands after its latency", () => {
    const result = run(project(), script);
    const clickAt = result.trace.find((e) => e.type === "action.fired" && e.experience === "src")
      ?.at as number;
    const fired = entries(result, "action.fired").filter((e) => e.experience === "src");
    expect(fired.map((e) => [e.action, e.order, e.at])).toEqual([
      ["launchExperience", 0, clickAt],
      ["runJs", 1, clickAt],
      ["navigateTo", 2, clickAt],
    ]);
    const landed = entries(result, "action.landed").filter((e) => e.experience === "src");
    expect(landed.map((e) => [e.action, (e.at as number) - clickAt])).toEqual([
      ["runJs", defaultLatencyMs.runJs],
      ["launchExperience", defaultLatencyMs.launchExperience],
      ["navigateTo", defaultLatencyMs.navigateTo],
    ]);
    expect(result.experiences.target.status).toBe("active");
  });

  it("a same-tab navigation landing before the launch interrupts it", () => {
    const result = run(project({ navigateTo: 100 }), script);
    const clickAt = result.trace.find((e) => e.type === "action.fired" && e.experience === "src")
      ?.at as number;
    expect(entries(result, "launch.interrupted")).toEqual([
      expect.objectContaining({ experience: "target", from: "src", at: clickAt + 300 }),
    ]);
    expect(result.experiences.target.status).toBe("idle");
  });

  it("not when the target's urls match the new URL", () => {
    const result = run(project({ navigateTo: 100 }, ["/next"]), script);
    expect(entries(result, "launch.interrupted")).toHaveLength(0);
    expect(result.experiences.target.status).toBe("active");
  });

  it("settle: false leaves actions pending until the clock moves", () => {
    const simulation = createSimulation(projectSchema.parse(project()), {});
    simulation.run({ do: "launch", experience: "src" });
    simulation.run({ do: "click", cta: "go", settle: false });
    expect(simulation.pending().map((p) => p.action.type)).toEqual([
      "runJs",
      "launchExperience",
      "navigateTo",
    ]);
    simulation.advanceMs(350);
    expect(simulation.pending().map((p) => p.action.type)).toEqual(["navigateTo"]);
    expect(simulation.result().experiences.target.status).toBe("active");
    simulation.settle();
    expect(simulation.pending()).toEqual([]);
    expect(simulation.result().page.url).toBe("/next");
  });
});

describe("surveys", () => {
  const survey = {
    version: 1 as const,
    experiences: [
      {
        id: "nps",
        type: "survey" as const,
        status: "live" as const,
        steps: [
          {
            id: "score",
            kind: "nps" as const,
            conditions: [
              {
                id: "promoters",
                if: { between: [9, 10] as [number, number] },
                actions: [{ type: "goToStep" as const, step: "thanks" }],
              },
              {
                id: "detractors",
                if: { lt: 7 },
                actions: [{ type: "goToStep" as const, step: "why" }],
              },
            ],
          },
          { id: "why", kind: "text" as const },
          { id: "thanks", kind: "message" as const },
        ],
      },
    ],
  };
  const answer = (value: number | string) =>
    run(survey, {
      steps: [
        { do: "launch", experience: "nps" },
        { do: "answer", value },
      ],
    });

  it("the first condition that holds fires; else the fallback (next step)", () => {
    expect(answer(10).experiences.nps.step).toBe("thanks");
    expect(entries(answer(10), "condition.matched")).toEqual([
      expect.objectContaining({ condition: "promoters", step: "score" }),
    ]);
    expect(answer(3).experiences.nps.step).toBe("why");
    const passive = answer(8);
    expect(passive.experiences.nps.step).toBe("why");
    expect(entries(passive, "condition.matched")).toHaveLength(0);
    expect(entries(passive, "answer.submitted")).toEqual([
      expect.objectContaining({ experience: "nps", step: "score", value: 8 }),
    ]);
  });

  it("refuses answers outside 0..10 or not integers, and answers to a message step", () => {
    expect(() => answer(11)).toThrow(ScriptStepError);
    expect(() => answer(2.5)).toThrow(/integer from 0 to 10/);
    expect(() => answer("9")).toThrow(ScriptStepError);
    expect(() =>
      run(survey, {
        steps: [
          { do: "launch", experience: "nps" },
          { do: "answer", value: 10 },
          { do: "answer", value: "x" },
        ],
      }),
    ).toThrow(/takes no answer/);
  });
});

describe("Simulation API", () => {
  const project = projectSchema.parse({
    version: 1,
    experiences: [autoBanner("a", ["/"]), autoBanner("b", ["/x"])],
  });

  it("snapshots survive JSON and restore to the same future", () => {
    const simulation = createSimulation(project, {});
    const streamed: TraceEntry[] = [];
    simulation.onTrace((entry) => streamed.push(entry));
    simulation.run({ do: "navigate", url: "/x" });
    const saved = JSON.parse(JSON.stringify(simulation.snapshot()));
    simulation.run({ do: "click", cta: "ok" });
    const restored = restoreSimulation(project, saved);
    restored.run({ do: "click", cta: "ok" });
    expect(JSON.stringify(restored.result())).toBe(JSON.stringify(simulation.result()));
    expect(streamed).toEqual(simulation.result().trace.slice(-streamed.length));
  });

  it("simulate is deterministic", () => {
    const script = scriptSchema.parse({
      steps: [
        { do: "click", cta: "ok" },
        { do: "navigate", url: "/x" },
        { do: "advance", hours: 2 },
      ],
    });
    expect(JSON.stringify(simulate(project, script))).toBe(
      JSON.stringify(simulate(project, script)),
    );
  });
});

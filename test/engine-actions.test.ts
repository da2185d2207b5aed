// SPEC §3.2: one test per action rule, through simulate() on small projects.
import { describe, expect, it } from "vitest";
import { ScriptStepError, simulate } from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";
import {
  type Result,
  type ScriptInput,
  script as scriptSchema,
  type TraceEntry,
} from "../machines/format/script.ts";

/** Test projects are written loosely and parsed (with defaults) by the schema. */
function run(project: unknown, script: ScriptInput): Result {
  return simulate(projectSchema.parse(project), scriptSchema.parse(script));
}

function entries(result: Result, type: string): TraceEntry[] {
  return result.trace.filter((entry) => entry.type === type);
}

const goTo = (step: string) => ({ type: "goToStep" as const, step });

/** A manual tour with steps s1..sN; each step has CTAs "next", "back", and "to-<id>". */
function tour(id: string, count: number, extra: Record<string, unknown> = {}) {
  const ids = Array.from({ length: count }, (_, i) => `s${i + 1}`);
  return {
    id,
    type: "tour" as const,
    status: "live" as const,
    showOn: { trigger: "manual" as const, urls: [] },
    steps: ids.map((stepId) => ({
      id: stepId,
      kind: "modal" as const,
      ctas: [
        { id: "next", label: "Next", actions: [goTo("next")] },
        { id: "back", label: "Back", actions: [goTo("previous")] },
        ...ids.map((to) => ({ id: `to-${to}`, label: to, actions: [goTo(to)] })),
      ],
    })),
    ...extra,
  };
}

describe("goToStep", () => {
  it("previous returns along the visit history: 1 → 5 → back ends on 1", () => {
    const result = run(
      { version: 1, experiences: [tour("t", 5)] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "to-s5" },
          { do: "click", cta: "back" },
        ],
      },
    );
    expect(result.experiences.t.step).toBe("s1");
    expect(result.experiences.t.visited).toEqual(["s1", "s5", "s1"]);
  });

  it("previous forgets the current step: 1 → 3 → 4, back, back ends on 1", () => {
    const result = run(
      { version: 1, experiences: [tour("t", 5)] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "to-s3" },
          { do: "click", cta: "to-s4" },
          { do: "click", cta: "back" },
          { do: "click", cta: "back" },
        ],
      },
    );
    expect(result.experiences.t.step).toBe("s1");
    expect(result.experiences.t.visited).toEqual(["s1", "s3", "s4", "s3", "s1"]);
  });

  it("previous with nothing to go back to does nothing and warns", () => {
    const result = run(
      { version: 1, experiences: [tour("t", 2)] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "back" },
        ],
      },
    );
    expect(result.experiences.t).toMatchObject({ status: "active", step: "s1", visited: ["s1"] });
    expect(result.warnings.map((w) => w.code)).toContain("noPreviousStep");
    expect(entries(result, "warning").map((e) => e.code)).toContain("noPreviousStep");
  });

  it("next past the last step completes", () => {
    const result = run(
      { version: 1, experiences: [tour("t", 2)] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "next" },
          { do: "click", cta: "next" },
        ],
      },
    );
    expect(result.experiences.t).toMatchObject({ status: "completed", step: null });
    expect(result.experiences.t.visited).toEqual(["s1", "s2"]);
    expect(entries(result, "experience.completed")).toHaveLength(1);
  });

  it("complete completes and closes from any step", () => {
    const t = tour("t", 3);
    t.steps[0].ctas.push({ id: "done", label: "Done", actions: [goTo("complete")] });
    const result = run(
      { version: 1, experiences: [t] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "done" },
        ],
      },
    );
    expect(result.experiences.t.status).toBe("completed");
  });
});

describe("dismiss and snooze", () => {
  const snoozing = (maxTimes: number, recurrence: Record<string, unknown> = { kind: "once" }) => ({
    version: 1 as const,
    experiences: [
      {
        id: "b",
        type: "banner" as const,
        status: "live" as const,
        recurrence,
        showOn: { trigger: "auto" as const, urls: ["/home"] },
        steps: [
          {
            id: "only",
            kind: "banner" as const,
            ctas: [
              { id: "later", label: "Later", actions: [{ type: "snooze", hours: 1, maxTimes }] },
            ],
            closingCross: [{ type: "snooze" as const, hours: 1, maxTimes }],
          },
        ],
      },
    ],
  });

  it("dismiss closes now, and recurrence once keeps it closed", () => {
    const t = tour("t", 2);
    t.showOn = { trigger: "auto", urls: ["/"] } as never;
    t.steps[0].ctas.push({ id: "skip", label: "Skip", actions: [{ type: "dismiss" } as never] });
    const result = run(
      { version: 1, experiences: [t] },
      {
        steps: [
          { do: "click", cta: "skip" },
          { do: "navigate", url: "/" },
        ],
      },
    );
    expect(result.experiences.t).toMatchObject({ status: "dismissed", views: 1 });
    const skipped = entries(result, "show.skipped").at(-1);
    expect(skipped?.reasons).toEqual([expect.objectContaining({ code: "recurrence" })]);
  });

  it("a snooze does not end a once experience: it shows again after the snooze runs out", () => {
    const result = run(snoozing(3), {
      start: { url: "/home" },
      steps: [
        { do: "click", cta: "later" },
        { do: "navigate", url: "/home" },
        { do: "advance", hours: 1 },
      ],
    });
    expect(result.experiences.b).toMatchObject({ status: "active", views: 2, snoozeCount: 1 });
    const skipped = entries(result, "show.skipped");
    expect(skipped[0].reasons).toEqual([expect.objectContaining({ code: "snoozed" })]);
  });

  it("once the count reached maxTimes, snooze (CTA or cross) acts as dismiss", () => {
    const result = run(snoozing(2, { kind: "always" }), {
      start: { url: "/home" },
      steps: [
        { do: "close" },
        { do: "advance", hours: 1 },
        { do: "click", cta: "later" },
        { do: "advance", hours: 1 },
        { do: "close" },
        { do: "advance", hours: 1 },
      ],
    });
    expect(result.experiences.b.snoozeCount).toBe(2);
    expect(entries(result, "experience.snoozed")).toHaveLength(2);
    expect(entries(result, "experience.dismissed")).toHaveLength(1);
    // recurrence always: it comes back after the dismissal, now without a snooze running.
    expect(result.experiences.b).toMatchObject({ status: "active", views: 4 });
  });

  it("before maxTimes a snooze does not count as dismissed for segments", () => {
    const project = snoozing(3);
    project.experiences.push({
      ...tour("follow", 1),
      audience: [{ experience: "b", has: "dismissed" }],
    } as never);
    const result = run(project, {
      start: { url: "/home" },
      steps: [
        { do: "click", cta: "later" },
        { do: "launch", experience: "follow" },
      ],
    });
    const blocked = entries(result, "launch.blocked")[0];
    expect(blocked).toMatchObject({ experience: "follow" });
    expect(blocked.reasons).toEqual([expect.objectContaining({ code: "audience" })]);
  });
});

describe("launchExperience", () => {
  const checklist = {
    id: "list",
    type: "checklist" as const,
    status: "live" as const,
    tasks: [
      {
        id: "t-tour",
        label: "Take the tour",
        actions: [{ type: "launchExperience" as const, experience: "target" }],
      },
      { id: "t-other", label: "Other", actions: [] },
    ],
  };

  it("from a flow dismisses the flow when it fires, then the target starts when it lands", () => {
    const source = tour("source", 2);
    source.steps[0].ctas.push({
      id: "go",
      label: "Go",
      actions: [{ type: "launchExperience", experience: "target" } as never],
    });
    const result = run(
      { version: 1, experiences: [source, tour("target", 2)] },
      {
        steps: [
          { do: "launch", experience: "source" },
          { do: "click", cta: "go" },
        ],
      },
    );
    expect(result.experiences.source.status).toBe("dismissed");
    expect(result.experiences.target).toMatchObject({ status: "active", step: "s1", views: 1 });
    const dismissed = result.trace.find((e) => e.type === "experience.dismissed");
    const shown = result.trace.find(
      (e) => e.type === "experience.shown" && e.experience === "target",
    );
    const clicked = result.trace.find(
      (e) => e.type === "action.fired" && e.experience === "source",
    );
    expect(dismissed?.at).toBe(clicked?.at);
    expect(shown).toMatchObject({ at: (clicked?.at as number) + 300, from: "source" });
  });

  it("from a checklist task dismisses nothing", () => {
    const result = run(
      { version: 1, experiences: [checklist, tour("target", 1)] },
      {
        steps: [
          { do: "launch", experience: "list" },
          { do: "task", experience: "list", task: "t-tour" },
        ],
      },
    );
    expect(result.experiences.list).toMatchObject({
      status: "active",
      step: null,
      tasksDone: ["t-tour"],
    });
    expect(result.experiences.target.status).toBe("active");
  });

  it("a launch whose audience fails is blocked, naming the target and why", () => {
    const target = {
      ...tour("target", 1),
      audience: [{ attribute: "plan", op: "eq", value: "pro" }],
    };
    const result = run(
      { version: 1, experiences: [target] },
      { user: { attributes: { plan: "free" } }, steps: [{ do: "launch", experience: "target" }] },
    );
    expect(result.experiences.target).toMatchObject({ status: "idle", views: 0 });
    const blocked = entries(result, "launch.blocked");
    expect(blocked).toHaveLength(1);
    expect(blocked[0].experience).toBe("target");
    expect(blocked[0].reasons).toEqual([expect.objectContaining({ code: "audience" })]);
  });

  it("a launched checklist is shown with no step, and completes when every task is done", () => {
    const result = run(
      { version: 1, experiences: [checklist, tour("target", 1)] },
      {
        steps: [
          { do: "launch", experience: "list" },
          { do: "task", experience: "list", task: "t-other" },
          { do: "task", experience: "list", task: "t-tour" },
        ],
      },
    );
    expect(result.experiences.list).toMatchObject({
      status: "completed",
      step: null,
      tasksDone: ["t-other", "t-tour"],
    });
  });
});

describe("navigateTo, launchAgent, openPost, bookInterview effects", () => {
  const withCta = (actions: unknown[]) => {
    const t = tour("t", 1);
    t.steps[0].ctas.push({ id: "go", label: "Go", actions: actions as never });
    return t;
  };

  it("percent-encodes attributes in URLs but not in agent messages", () => {
    const result = run(
      {
        version: 1,
        experiences: [
          withCta([
            { type: "navigateTo", url: "/users/{userId}/profile?e={email}", openIn: "newTab" },
            { type: "launchAgent", message: "Explain pricing for {email} & {userId}" },
          ]),
        ],
      },
      {
        user: { attributes: { email: "ana+1@acme.io", userId: "a b/c" } },
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "go" },
        ],
      },
    );
    expect(result.effects).toContainEqual({
      type: "navigateTo",
      url: `/users/${encodeURIComponent("a b/c")}/profile?e=${encodeURIComponent("ana+1@acme.io")}`,
      openIn: "newTab",
    });
    expect(result.effects).toContainEqual({
      type: "launchAgent",
      message: "Explain pricing for ana+1@acme.io & a b/c",
    });
  });

  it("a missing attribute becomes an empty string and a warning", () => {
    const result = run(
      { version: 1, experiences: [withCta([{ type: "navigateTo", url: "/u/{nope}/x" }])] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "go" },
        ],
      },
    );
    expect(result.page.url).toBe("/u//x");
    expect(result.warnings.map((w) => w.code)).toEqual(["missingAttribute"]);
  });

  it("a new-tab navigation records a tab and keeps the page", () => {
    const result = run(
      {
        version: 1,
        experiences: [
          withCta([{ type: "navigateTo", url: "https://docs.acme.io", openIn: "newTab" }]),
        ],
      },
      {
        start: { url: "/start" },
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "go" },
        ],
      },
    );
    expect(result.page.url).toBe("/start");
    expect(result.tabs).toEqual(["https://docs.acme.io"]);
    expect(entries(result, "page.changed")).toHaveLength(0);
    expect(entries(result, "tab.opened")).toHaveLength(1);
  });

  it("a same-tab navigation changes the page", () => {
    const result = run(
      { version: 1, experiences: [withCta([{ type: "navigateTo", url: "/settings" }])] },
      {
        steps: [
          { do: "launch", experience: "t" },
          { do: "click", cta: "go" },
        ],
      },
    );
    expect(result.page.url).toBe("/settings");
    expect(result.tabs).toEqual([]);
  });

  it("openPost records the post; a bookInterview step's primary CTA books first", () => {
    const survey = {
      id: "s",
      type: "survey" as const,
      status: "live" as const,
      steps: [
        {
          id: "book",
          kind: "bookInterview" as const,
          booking: { provider: "calendly" as const, link: "https://calendly.com/acme/15min" },
          ctas: [{ id: "primary", label: "Book", actions: [goTo("next")] }],
        },
      ],
    };
    const result = run(
      {
        version: 1,
        experiences: [survey, withCta([{ type: "openPost", post: "p1" }])],
        posts: [{ id: "p1", title: "P" }],
      },
      {
        steps: [
          { do: "launch", experience: "s" },
          { do: "click", cta: "primary" },
          { do: "launch", experience: "t" },
          { do: "click", cta: "go" },
        ],
      },
    );
    expect(result.effects).toEqual([
      { type: "bookInterview", provider: "calendly", link: "https://calendly.com/acme/15min" },
      { type: "openPost", post: "p1" },
    ]);
    const fired = entries(result, "action.fired").filter((e) => e.experience === "s");
    expect(fired.map((e) => [e.action, e.order])).toEqual([
      ["goToStep", 0],
      ["bookInterview", 1],
    ]);
    expect(result.experiences.s.status).toBe("completed");
  });

  it("the agent answers with the first matching custom answer, then fires the first automated action", () => {
    const result = run(
      {
        version: 1,
        experiences: [tour("feature", 1)],
        agent: {
          customAnswers: [
            {
              id: "a-price",
              match: "PRICING",
              answer: "See plans",
              actions: [{ type: "launchExperience", experience: "feature" }],
            },
            { id: "a-other", match: "pricing", answer: "Never", actions: [] },
          ],
          automatedActions: [
            {
              id: "aa",
              match: "tiers",
              actions: [{ type: "navigateTo", url: "/plans", openIn: "newTab" }],
            },
          ],
        },
      },
      { steps: [{ do: "askAgent", message: "Explain pricing tiers" }] },
    );
    expect(entries(result, "agent.answered")).toEqual([
      expect.objectContaining({ answer: "a-price", text: "See plans" }),
    ]);
    expect(result.experiences.feature.status).toBe("active");
    expect(result.tabs).toEqual(["/plans"]);
  });
});

describe("runJs", () => {
  const project = (code: string) => ({
    version: 1 as const,
    settings: { runJsEnabled: true },
    experiences: [
      {
        ...tour("t", 1),
        steps: [
          {
            id: "s1",
            kind: "modal" as const,
            ctas: [
              {
                id: "go",
                label: "Go",
                actions: [
                  {
                    type: "runJs" as const,
                    code,
                    simulate: { setAttributes: { discovered: true } },
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        ...tour("gated", 1),
        audience: [{ attribute: "discovered", op: "eq" as const, value: true }],
      },
    ],
  });

  it("is never executed, and its simulate.setAttributes reaches segments", () => {
    const global = globalThis as Record<string, unknown>;
    delete global.pwned;
    const script: ScriptInput = {
      steps: [
        { do: "launch", experience: "gated" },
        { do: "launch", experience: "t" },
        { do: "click", cta: "go" },
        { do: "launch", experience: "gated" },
      ],
    };
    for (const code of ["throw new Error('ran')", "globalThis.pwned = 1"]) {
      const result = run(project(code), script);
      expect(global.pwned).toBeUndefined();
      expect(result.effects).toEqual([{ type: "runJs", experience: "t", step: "s1" }]);
      expect(entries(result, "launch.blocked")).toHaveLength(1);
      expect(result.experiences.gated).toMatchObject({ status: "active", views: 1 });
    }
  });
});

describe("script steps that cannot be done", () => {
  it("name the step, its index and the missing CTA", () => {
    const attempt = () =>
      run(
        { version: 1, experiences: [tour("onboarding", 1)] },
        {
          steps: [
            { do: "launch", experience: "onboarding" },
            { do: "advance", hours: 0 },
            { do: "click", cta: "primary" },
          ],
        },
      );
    expect(attempt).toThrow(ScriptStepError);
    expect(attempt).toThrow(
      /^step 3 \(click "primary"\): no CTA "primary" on step "s1" of "onboarding"/,
    );
    try {
      attempt();
    } catch (error) {
      expect((error as ScriptStepError).stepIndex).toBe(2);
    }
  });
});

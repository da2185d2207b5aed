// Completion in the project's JSON text, as the pure function the editor calls: text and
// caret in ("|" marks the caret below), the range to replace and the options out.
import { describe, expect, it } from "vitest";
import { type CompletionAnswer, completeAt } from "../app/editor/completion.ts";

function complete(marked: string): CompletionAnswer | null {
  const offset = marked.indexOf("|");
  return completeAt(marked.slice(0, offset) + marked.slice(offset + 1), offset);
}

function labels(marked: string): string[] {
  return complete(marked)?.options.map((option) => option.label) ?? [];
}

/** A project whose experience 0 holds `step` as its second step (after "welcome"). */
function withStep(step: string): string {
  return `{
  "version": 1,
  "experiences": [
    {
      "id": "onboarding", "type": "tour", "status": "live",
      "steps": [
        { "id": "welcome", "kind": "modal", "title": "Welcome" },
        ${step}
      ]
    },
    { "id": "nps", "type": "survey", "status": "draft", "steps": [] }
  ],
  "posts": [{ "id": "p-pricing", "title": "New pricing" }]
}`;
}

describe("completion of values", () => {
  it("offers the step kinds, with the field's description", () => {
    const found = complete(withStep('{ "id": "b", "kind": "|" }'));
    expect(found?.options.map((o) => o.label)).toEqual(
      expect.arrayContaining(["modal", "tooltip", "nps", "choice", "banner", "hint"]),
    );
    expect(found?.options.find((o) => o.label === "modal")?.info).toMatch(/Tour: modal/);
    expect(found?.quoted).toBe(true);
  });

  it("replaces only the string's content, from the opening quote to the closing one", () => {
    const text = withStep('{ "id": "b", "kind": "mo" }');
    const at = text.indexOf('"mo"');
    const found = completeAt(text, at + 3);
    expect(found?.from).toBe(at + 1);
    expect(found?.to).toBe(at + 3);
    expect(found?.options.find((o) => o.label === "modal")?.apply).toBe("modal");
  });

  it("writes a quoted value where nothing is typed yet", () => {
    const found = complete(withStep('{ "id": "b", "kind": | }'));
    expect(found?.options.find((o) => o.label === "tooltip")?.apply).toBe('"tooltip"');
  });

  it("offers the nine action types, each explained by what it does", () => {
    const found = complete(
      withStep(
        '{ "id": "b", "kind": "modal", "ctas": [{ "id": "x", "label": "X", "actions": [{ "type": "|" }] }] }',
      ),
    );
    expect(found?.options.map((o) => o.label).sort()).toEqual(
      [
        "bookInterview",
        "dismiss",
        "goToStep",
        "launchAgent",
        "launchExperience",
        "navigateTo",
        "openPost",
        "runJs",
        "snooze",
      ].sort(),
    );
    expect(found?.options.find((o) => o.label === "snooze")?.info).toMatch(/first step/);
  });

  it.each([
    ['"showOn": { "trigger": "|" }', ["auto", "manual"]],
    ['"status": "|"', ["live", "draft"]],
    ['"type": "|"', ["tour", "survey", "banner", "hint", "checklist"]],
    ['"recurrence": { "kind": "|" }', ["once", "every", "always"]],
    [
      '"audience": [{ "attribute": "plan", "op": "|" }]',
      ["eq", "neq", "contains", "exists", "notExists"],
    ],
    [
      '"audience": [{ "experience": "nps", "has": "|" }]',
      ["seen", "completed", "dismissed", "snoozed"],
    ],
  ])("offers the allowed values of an experience's %s", (field, expected) => {
    const text = `{ "version": 1, "experiences": [{ "id": "e", ${field} }] }`;
    expect(labels(text)).toEqual(expect.arrayContaining(expected));
    expect(labels(text)).toHaveLength(expected.length);
  });

  it("offers a booking's providers and true / false for a boolean", () => {
    expect(
      labels(withStep('{ "id": "b", "kind": "bookInterview", "booking": { "provider": "|" } }')),
    ).toEqual(["calendly", "googleCalendar", "zcal"]);
    expect(
      labels('{ "version": 1, "experiences": [{ "id": "e", "ignoreRateLimit": | }] }'),
    ).toEqual(["true", "false"]);
  });
});

describe("completion of the project's own ids", () => {
  const goTo = (actions: string) =>
    withStep(`{ "id": "b", "kind": "modal", "ctas": [{ "id": "x", "label": "X", "actions": [${actions}] }] },
        { "id": "last.step", "kind": "modal" }`);

  it("offers next, previous, complete and the experience's step ids for Go to step", () => {
    const found = complete(goTo('{ "type": "goToStep", "step": "|" }'));
    expect(found?.options.map((o) => o.label)).toEqual([
      "next",
      "previous",
      "complete",
      "welcome",
      "b",
      "last.step",
    ]);
    expect(new Set(found?.options.map((o) => o.group))).toEqual(
      new Set(["Next, previous, complete", "Steps of this experience"]),
    );
    expect(found?.options.find((o) => o.label === "b")?.group).toBe("Steps of this experience");
    const welcome = found?.options.find((o) => o.label === "welcome");
    expect(welcome?.kind).toBe("reference");
    expect(welcome?.detail).toBe("modal · Welcome");
  });

  it("reads the ids from the text as it is now, even when it is not valid JSON", () => {
    // A comma is missing: the text does not parse as JSON, the step is still there.
    const broken = goTo('{ "type": "goToStep", "step": "|" }').replace(
      '"id": "last.step", "kind"',
      '"id": "last.step" "kind"',
    );
    expect(labels(broken)).toContain("last.step");
  });

  it("offers the experience ids to Launch experience and to an audience condition", () => {
    expect(labels(goTo('{ "type": "launchExperience", "experience": "|" }'))).toEqual([
      "onboarding",
      "nps",
    ]);
    const audience =
      '{ "version": 1, "experiences": [{ "id": "a", "audience": [{ "experience": "|" }] }, { "id": "b" }] }';
    expect(labels(audience)).toEqual(["a", "b"]);
  });

  it("offers the post ids to Open post", () => {
    expect(labels(goTo('{ "type": "openPost", "post": "|" }'))).toEqual(["p-pricing"]);
  });

  it("offers a choice step's options to anyOf, noneOf and allOf", () => {
    const step = `{ "id": "plan", "kind": "choice", "question": { "options": ["Free", "Pro"] },
      "conditions": [{ "id": "c", "if": { "noneOf": ["Free", "|"] } }] }`;
    expect(labels(withStep(step))).toEqual(["Free", "Pro"]);
  });

  it("treats any string as an id, __proto__ included", () => {
    const text =
      '{ "version": 1, "experiences": [{ "id": "__proto__" }, { "id": "x", "steps": [{ "id": "s", "ctas": [{ "id": "c", "actions": [{ "type": "launchExperience", "experience": "|" }] }] }] }] }';
    expect(labels(text)).toEqual(["__proto__", "x"]);
  });
});

describe("completion of keys", () => {
  it("offers the keys an experience may still take, each described", () => {
    const found = complete('{ "version": 1, "experiences": [{ "id": "e", "type": "tour", "| }] }');
    const names = found?.options.map((o) => o.label) ?? [];
    expect(names).toEqual(
      expect.arrayContaining(["status", "showOn", "audience", "recurrence", "steps"]),
    );
    expect(names).not.toContain("id");
    expect(names).not.toContain("type");
    for (const option of found?.options ?? []) expect(option.info).toBeTruthy();
  });

  it("writes a new key with its value's quotes, the caret inside, and reopens for its values", () => {
    const found = complete('{ "version": 1, "experiences": [{ "id": "e", "sta| }] }');
    const status = found?.options.find((o) => o.label === "status");
    expect(status?.apply).toBe('status": ""');
    expect(status?.caret).toBe('status": "'.length);
    expect(status?.reopen).toBe(true);
  });

  it("writes a key alone when its colon is there already", () => {
    const found = complete('{ "version": 1, "experiences": [{ "id": "e", "sta|": "live" }] }');
    expect(found?.options.find((o) => o.label === "status")?.apply).toBe("status");
  });

  it("offers a recurrence its kind first, then hours once the kind is every", () => {
    expect(
      labels('{ "version": 1, "experiences": [{ "id": "e", "recurrence": { "| } }] }'),
    ).toEqual(["kind"]);
    expect(
      labels(
        '{ "version": 1, "experiences": [{ "id": "e", "recurrence": { "kind": "every", "| } }] }',
      ),
    ).toEqual(["hours"]);
  });

  it("offers an action its type first, then the keys of that action", () => {
    const action = (inside: string) =>
      withStep(
        `{ "id": "b", "kind": "modal", "ctas": [{ "id": "x", "label": "X", "actions": [{ ${inside} }] }] }`,
      );
    expect(labels(action('"|'))).toEqual(["type"]);
    expect(labels(action('"type": "snooze", "|'))).toEqual(["hours", "maxTimes"]);
  });

  it("offers a question's options, min and max, narrowed once one of them is written", () => {
    const question = (inside: string) =>
      withStep(`{ "id": "q", "kind": "nps", "question": { ${inside} } }`);
    expect(labels(question('"|'))).toEqual(
      expect.arrayContaining([
        "text",
        "min",
        "max",
        "minLabel",
        "maxLabel",
        "options",
        "placeholder",
      ]),
    );
    expect(labels(question('"min": 0, "|'))).toEqual(["text", "max", "minLabel", "maxLabel"]);
  });

  it("offers the operators of a survey condition, each saying which steps it fits", () => {
    const found = complete(
      withStep('{ "id": "q", "kind": "nps", "conditions": [{ "id": "c", "if": { "| } }] }'),
    );
    expect(found?.options.map((o) => o.label)).toEqual(
      expect.arrayContaining([
        "between",
        "equals",
        "lt",
        "gt",
        "anyOf",
        "noneOf",
        "allOf",
        "filled",
        "contains",
      ]),
    );
    expect(found?.options.find((o) => o.label === "between")?.info).toMatch(/^nps, scale/);
  });

  it("offers the action types as the keys of settings.latencyMs", () => {
    expect(labels('{ "version": 1, "settings": { "latencyMs": { "| } } }')).toEqual(
      expect.arrayContaining(["navigateTo", "navigateToNewTab", "goToStep"]),
    );
  });

  it("writes a quoted key and its value where nothing is typed yet", () => {
    const found = complete('{ "version": 1, "experiences": [{ "id": "e", | }] }');
    expect(found?.options.find((o) => o.label === "steps")?.apply).toBe('"steps": []');
  });
});

describe("no completion", () => {
  it("after a whole value, or with the caret outside any string", () => {
    expect(
      complete('{ "version": 1, "experiences": [{ "id": "e", "status": "live"| }] }'),
    ).toBeNull();
    expect(
      complete('{ "version": 1, "experiences": [{ "id": "e", "status": |"live" }] }'),
    ).toBeNull();
  });
});

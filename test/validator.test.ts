// The validator, rule by rule (SPEC §1–§2 and the decisions in machines/validate/*).
import { describe, expect, it } from "vitest";
import type { Action, ProjectInput } from "../machines/format/schema.ts";
import type { Diagnostic } from "../machines/model/diagnostic.ts";
import { structuralLimit, validateDocument, validateText } from "../machines/validate/index.ts";

type StepInput = NonNullable<NonNullable<ProjectInput["experiences"]>[number]["steps"]>[number];
type ExperienceInput = NonNullable<ProjectInput["experiences"]>[number];

const S0 = "/experiences/0/steps/0";
const done: Action[] = [{ type: "goToStep", step: "complete" }];

function step(id: string, extra: Partial<StepInput> = {}): StepInput {
  return { id, kind: "modal", ctas: [{ id: "done", label: "Done", actions: done }], ...extra };
}

function tour(steps: StepInput[], extra: Partial<ExperienceInput> = {}): ExperienceInput {
  return { id: "tour", type: "tour", status: "live", steps, ...extra };
}

function project(experiences: ExperienceInput[], extra: Partial<ProjectInput> = {}): ProjectInput {
  return { version: 1, experiences, ...extra };
}

/** A one-step tour whose first CTA holds `actions`. */
function ctaProject(actions: Action[], extra: Partial<ProjectInput> = {}): ProjectInput {
  return project([tour([step("s1", { ctas: [{ id: "go", label: "Go", actions }] })])], extra);
}

function diagnose(document: unknown): Diagnostic[] {
  return validateDocument(document).diagnostics;
}

function find(document: unknown, code: string): Diagnostic[] {
  return diagnose(document).filter((d) => d.code === code);
}

function errors(document: unknown): Diagnostic[] {
  return diagnose(document).filter((d) => d.severity === "error");
}

describe("combination matrix (order of addition)", () => {
  it("Dismiss then Go to step is valid; Go to step then Dismiss is not, and the message suggests the valid order", () => {
    const valid = ctaProject([{ type: "dismiss" }, { type: "goToStep", step: "complete" }]);
    expect(errors(valid)).toEqual([]);
    const invalid = ctaProject([{ type: "goToStep", step: "complete" }, { type: "dismiss" }]);
    const [found] = errors(invalid);
    expect(found).toMatchObject({
      severity: "error",
      code: "combinationNotAllowed",
      pointer: `${S0}/ctas/0/actions/1/type`,
    });
    expect(found.message).toMatch(/Dismiss.*Go to step/);
    expect(found.message).toContain("this order would be valid: Dismiss, Go to step");
  });

  it("checks every earlier action, not only the first", () => {
    // Navigate to allows Go to step and Launch Agent; Go to step does not allow Launch Agent.
    const document = ctaProject([
      { type: "navigateTo", url: "/a", openIn: "newTab" },
      { type: "goToStep", step: "complete" },
      { type: "launchAgent" },
    ]);
    const [found] = find(document, "combinationNotAllowed");
    expect(found.pointer).toBe(`${S0}/ctas/0/actions/2/type`);
    expect(found.message).toMatch(/Launch Agent cannot be added after Go to step/);
    expect(found.message).toContain(
      "this order would be valid: Navigate to, Launch Agent, Go to step.",
    );
  });

  it("says so when no order of the actions is valid", () => {
    // Dismiss refuses Launch experience, and Launch experience refuses Dismiss.
    const document = ctaProject([
      { type: "dismiss" },
      { type: "launchExperience", experience: "tour" },
    ]);
    const [found] = find(document, "combinationNotAllowed");
    expect(found.message).toMatch(/no order of these actions is valid/);
  });

  it("reports one error per list, at the first action that breaks a rule", () => {
    const document = ctaProject([
      { type: "goToStep", step: "complete" },
      { type: "dismiss" },
      { type: "launchAgent" },
    ]);
    expect(find(document, "combinationNotAllowed").map((d) => d.pointer)).toEqual([
      `${S0}/ctas/0/actions/1/type`,
    ]);
  });

  it("refuses the same action twice, naming the first", () => {
    const document = ctaProject(
      [
        { type: "runJs", code: "a()" },
        { type: "navigateTo", url: "/a", openIn: "newTab" },
        { type: "runJs", code: "b()" },
      ],
      { settings: { runJsEnabled: true } },
    );
    const [found] = errors(document);
    expect(found).toMatchObject({
      code: "duplicateAction",
      pointer: `${S0}/ctas/0/actions/2/type`,
    });
    expect(found.message).toContain(`${S0}/ctas/0/actions/0`);
  });

  it("counts the Book Interview a bookInterview step's primary CTA implies", () => {
    const bookStep = (actions: Action[]): StepInput => ({
      id: "call",
      kind: "bookInterview",
      booking: { provider: "calendly", link: "https://calendly.com/acme" },
      ctas: [
        { id: "book", label: "Book", actions },
        { id: "no", label: "No thanks", actions: done },
      ],
    });
    const survey = (actions: Action[]) =>
      project([{ id: "s", type: "survey", status: "live", steps: [bookStep(actions)] }]);
    expect(errors(survey([{ type: "bookInterview" }]))).toEqual([]);
    expect(errors(survey([{ type: "goToStep", step: "complete" }]))).toEqual([]);
    const [found] = errors(survey([{ type: "launchAgent" }]));
    expect(found).toMatchObject({
      code: "combinationNotAllowed",
      pointer: "/experiences/0/steps/0/ctas/0/actions/0/type",
    });
    expect(found.message).toMatch(/implied/);
  });
});

describe("availability and action rules", () => {
  it("refuses an action in a context the table excludes, naming the context", () => {
    const document = project([tour([step("s1", { closingCross: [{ type: "launchAgent" }] })])]);
    const [found] = errors(document);
    expect(found).toMatchObject({ code: "notAvailable", pointer: `${S0}/closingCross/0/type` });
    expect(found.message).toBe(
      "Launch Agent is not available in the closing cross; remove it or move it to a place that allows it.",
    );
  });

  it("asks for activation of runJs, and accepts it once settings.runJsEnabled", () => {
    const actions: Action[] = [{ type: "runJs", code: "track()" }, ...done];
    const [found] = errors(ctaProject(actions));
    expect(found.code).toBe("runJsNeedsActivation");
    expect(found.message).toMatch(/needs activation by Jimo support.*settings\.runJsEnabled/);
    expect(errors(ctaProject(actions, { settings: { runJsEnabled: true } }))).toEqual([]);
  });

  it("allows snooze on the first step of a tour, banner or survey only", () => {
    const snooze: Action = { type: "snooze", hours: 24, maxTimes: 3 };
    const first = project([tour([step("s1", { closingCross: [snooze] }), step("s2")])]);
    expect(find(first, "snoozeNotFirstStep")).toEqual([]);
    const second = project([tour([step("s1"), step("s2", { closingCross: [snooze] })])]);
    expect(find(second, "snoozeNotFirstStep")[0].pointer).toBe(
      "/experiences/0/steps/1/closingCross/0/type",
    );
    const hint = project([
      tour([step("h1", { kind: "hint", target: "#x", closingCross: [snooze] })], { type: "hint" }),
    ]);
    expect(find(hint, "snoozeNotFirstStep")).toHaveLength(1);
  });

  it("allows goToStep previous only in a CTA", () => {
    const trigger = {
      id: "t",
      on: { click: "#x" },
      actions: [{ type: "goToStep", step: "previous" }],
    };
    const document = project([tour([step("s1", { triggers: [trigger as never] })])]);
    expect(find(document, "previousOnlyInCta")[0].pointer).toBe(`${S0}/triggers/0/actions/0/step`);
  });

  it("checks referenced steps, experiences and posts", () => {
    const document = ctaProject([{ type: "goToStep", step: "s9" }]);
    expect(find(document, "unknownStep")[0].message).toContain("s1");
    expect(
      find(ctaProject([{ type: "launchExperience", experience: "nope" }]), "unknownExperience"),
    ).toHaveLength(1);
    expect(find(ctaProject([{ type: "openPost", post: "nope" }]), "unknownPost")).toHaveLength(1);
    const draft = ctaProject([{ type: "launchExperience", experience: "wip" }]);
    draft.experiences?.push(tour([step("w1")], { id: "wip", status: "draft" }));
    expect(find(draft, "launchTargetNotLive")).toHaveLength(1);
  });

  it("refuses a bookInterview written anywhere but its fixed place", () => {
    const [found] = errors(ctaProject([{ type: "bookInterview" }]));
    expect(found.code).toBe("bookInterviewNotFixed");
  });
});

describe("ids and references", () => {
  it("wants experiences, posts, blocks, answers and automated actions unique across the project", () => {
    const document = project([tour([step("s1")], { id: "news" })], {
      posts: [{ id: "news", title: "News" }],
    });
    const [found] = find(document, "duplicateId");
    expect(found.pointer).toBe("/posts/0/id");
    expect(found.message).toContain("/experiences/0");
  });

  it("scopes step ids to their experience and CTA ids to their step", () => {
    const twoTours = project([tour([step("s1")]), tour([step("s1")], { id: "other" })]);
    expect(find(twoTours, "duplicateId")).toEqual([]);
    const twoSteps = project([tour([step("s1"), step("s1")])]);
    expect(find(twoSteps, "duplicateId")[0].pointer).toBe("/experiences/0/steps/1/id");
    const ctasInTwoSteps = project([tour([step("a"), step("b")])]);
    expect(find(ctasInTwoSteps, "duplicateId")).toEqual([]);
  });

  it("wants persona ids unique and audience experiences to exist", () => {
    const document = project(
      [tour([step("s1")], { audience: [{ experience: "ghost", has: "seen" }] })],
      { personas: [{ id: "p" }, { id: "p" }] },
    );
    expect(find(document, "duplicateId")[0].pointer).toBe("/personas/1/id");
    expect(find(document, "unknownExperience")[0].pointer).toBe(
      "/experiences/0/audience/0/experience",
    );
  });
});

describe("steps", () => {
  const survey = (steps: StepInput[]) =>
    project([{ id: "s", type: "survey", status: "live", steps }]);

  it("fits step kinds to experience types", () => {
    expect(find(project([tour([step("s1", { kind: "nps" })])]), "stepKindNotAllowed")).toHaveLength(
      1,
    );
    expect(find(survey([step("s1", { kind: "message" })]), "stepKindNotAllowed")).toEqual([]);
    const banner = project([
      tour([step("b", { kind: "tooltip", target: "#x" })], { type: "banner" }),
    ]);
    expect(find(banner, "stepKindNotAllowed")[0].message).toMatch(/use banner/);
  });

  it("keeps checklists to tasks", () => {
    const checklist = project([
      { id: "c", type: "checklist", status: "live", steps: [step("s1")], tasks: [] },
    ]);
    expect(diagnose(checklist).map((d) => d.code)).toEqual(["noTasks", "checklistHasSteps"]);
  });

  it("warns about targeted kinds without a target", () => {
    expect(find(project([tour([step("s1", { kind: "tooltip" })])]), "missingTarget")).toHaveLength(
      1,
    );
    expect(
      find(project([tour([step("s1", { kind: "tooltip", target: "#a" })])]), "missingTarget"),
    ).toEqual([]);
  });

  it("fits condition operators to the step kind", () => {
    const condition = (test: object) => [{ id: "c", if: test, actions: done }] as never;
    const kinds: [StepInput["kind"], object, boolean][] = [
      ["nps", { between: [0, 6] }, true],
      ["nps", { filled: true }, false],
      ["scale", { lt: 3 }, true],
      ["text", { contains: "bug" }, true],
      ["text", { equals: 3 }, false],
      ["choice", { anyOf: ["A"] }, true],
      ["multiChoice", { allOf: ["A"] }, true],
      ["choice", { gt: 1 }, false],
    ];
    for (const [kind, test, fits] of kinds) {
      const question =
        kind === "choice" || kind === "multiChoice" ? { options: ["A", "B"] } : undefined;
      const document = survey([
        step("q", { kind, question, ctas: [], conditions: condition(test) }),
      ]);
      expect({ kind, test, fits: find(document, "conditionNotForKind").length === 0 }).toEqual({
        kind,
        test,
        fits,
      });
    }
  });

  it("refuses conditions and a fallback on steps that take no answer", () => {
    const document = survey([
      step("m", {
        kind: "message",
        conditions: [{ id: "c", if: { filled: true }, actions: done }],
        fallback: done,
      }),
    ]);
    expect(find(document, "conditionNotForKind").map((d) => d.pointer)).toEqual([
      `${S0}/conditions/0`,
      `${S0}/fallback`,
    ]);
  });

  it("checks option names and numeric bounds against the question", () => {
    const choice = survey([
      step("q", {
        kind: "multiChoice",
        ctas: [],
        question: { options: ["Red", "Blue"] },
        conditions: [{ id: "c", if: { noneOf: ["Blue", "Green"] }, actions: done }],
      }),
    ]);
    expect(find(choice, "unknownOption").map((d) => d.pointer)).toEqual([
      `${S0}/conditions/0/if/noneOf/1`,
    ]);
    const scale = survey([
      step("q", {
        kind: "scale",
        ctas: [],
        question: { min: 1, max: 7 },
        conditions: [
          { id: "a", if: { gt: 7 }, actions: done },
          { id: "b", if: { between: [0, 3] }, actions: done },
          { id: "c", if: { between: [6, 2] }, actions: done },
        ],
      }),
    ]);
    expect(find(scale, "valueOutOfRange").map((d) => [d.severity, d.pointer])).toEqual([
      ["warning", `${S0}/conditions/1/if/between/0`],
    ]);
    expect(find(scale, "invalidRange").map((d) => d.pointer)).toEqual([
      `${S0}/conditions/2/if/between`,
    ]);
  });

  it("wants options on choice steps, numbers on nps, a booking on bookInterview", () => {
    expect(find(survey([step("q", { kind: "choice", ctas: [] })]), "missingOptions")).toHaveLength(
      1,
    );
    expect(
      find(
        survey([step("q", { kind: "nps", ctas: [], question: { options: ["A"] } })]),
        "questionNotForKind",
      ),
    ).toHaveLength(1);
    expect(find(survey([step("q", { kind: "bookInterview" })]), "missingBooking")).toHaveLength(1);
  });
});

describe("unsafe URLs", () => {
  it("are errors wherever a URL is written, whatever the case or leading spaces", () => {
    const document = project([
      tour(
        [
          step("s1", {
            ctas: [
              {
                id: "go",
                label: "Go",
                actions: [
                  { type: "navigateTo", url: "  JavaScript:alert(1)", openIn: "newTab" },
                  ...done,
                ],
              },
            ],
            triggers: [{ id: "t", on: { url: "DATA:text/html,x" }, actions: [] }],
          }),
        ],
        { showOn: { trigger: "auto", urls: ["file:///etc"] } },
      ),
      {
        id: "s",
        type: "survey",
        status: "live",
        steps: [
          step("call", {
            kind: "bookInterview",
            booking: { provider: "zcal", link: "vbscript:x" },
          }),
        ],
      },
    ]);
    // Document order: tour() writes showOn after steps.
    expect(find(document, "unsafeUrl").map((d) => d.pointer)).toEqual([
      `${S0}/ctas/0/actions/0/url`,
      `${S0}/triggers/0/on/url`,
      "/experiences/0/showOn/urls/0",
      "/experiences/1/steps/0/booking/link",
    ]);
    expect(
      find(
        ctaProject([{ type: "navigateTo", url: "https://x.io/javascript:", openIn: "newTab" }]),
        "unsafeUrl",
      ),
    ).toEqual([]);
  });
});

describe("warnings", () => {
  it("warns once about two view changes, and prefers navigateBesideRender for a navigation pair", () => {
    const both = ctaProject([{ type: "dismiss" }, { type: "goToStep", step: "complete" }]);
    expect(diagnose(both).map((d) => d.code)).toEqual(["twoViewChanges"]);
    const navigation = ctaProject([
      { type: "goToStep", step: "complete" },
      { type: "navigateTo", url: "/x", openIn: "sameTab" },
    ]);
    expect(diagnose(navigation).map((d) => [d.code, d.pointer])).toEqual([
      ["navigateBesideRender", `${S0}/ctas/0/actions/1`],
    ]);
    const newTab = ctaProject([
      { type: "goToStep", step: "complete" },
      { type: "navigateTo", url: "/x", openIn: "newTab" },
    ]);
    expect(diagnose(newTab)).toEqual([]);
  });

  it("finds unreachable steps; previous adds no reachability, triggers and conditions do", () => {
    const next: Action[] = [{ type: "goToStep", step: "next" }];
    const document = project([
      tour([
        step("a", {
          ctas: [{ id: "n", label: "Next", actions: [{ type: "goToStep", step: "c" }] }],
        }),
        step("b", {
          ctas: [
            { id: "back", label: "Back", actions: [{ type: "goToStep", step: "previous" }] },
            { id: "done", label: "Done", actions: done },
          ],
        }),
        step("c", { triggers: [{ id: "t", on: { click: "#x" }, actions: next }] }),
        step("d", {
          ctas: [
            { id: "back", label: "Back", actions: [{ type: "goToStep", step: "previous" }] },
            { id: "done", label: "Done", actions: done },
          ],
        }),
      ]),
    ]);
    expect(find(document, "unreachableStep").map((d) => d.pointer)).toEqual([
      "/experiences/0/steps/1",
    ]);
  });

  it("warns about a step with no way on (dismiss only), not about one that launches", () => {
    const dismissOnly = project([
      tour([step("s1", { ctas: [{ id: "x", label: "Close", actions: [{ type: "dismiss" }] }] })]),
    ]);
    expect(find(dismissOnly, "noWayOn").map((d) => d.pointer)).toEqual([S0]);
    const launches = ctaProject([{ type: "launchExperience", experience: "tour2" }]);
    launches.experiences?.push(tour([step("t1")], { id: "tour2" }));
    expect(find(launches, "noWayOn")).toEqual([]);
  });

  it("warns about attributes no persona defines, except built-ins", () => {
    const actions: Action[] = [
      { type: "navigateTo", url: "/u/{userId}/{email}/{plan}", openIn: "newTab" },
      { type: "launchAgent", message: "Hi {username}, {team}" },
    ];
    const document = ctaProject(actions, { personas: [{ id: "p", attributes: { plan: "pro" } }] });
    expect(
      find(document, "undefinedAttribute").map((d) => [d.pointer, d.message.match(/"(\w+)"/)?.[1]]),
    ).toEqual([
      [`${S0}/ctas/0/actions/0/url`, "userId"],
      [`${S0}/ctas/0/actions/1/message`, "team"],
    ]);
  });

  it("shows a launch loop's path", () => {
    const launch = (target: string): StepInput =>
      step("s", {
        ctas: [
          { id: "go", label: "Go", actions: [{ type: "launchExperience", experience: target }] },
        ],
      });
    const document = project([
      tour([launch("b")], { id: "a" }),
      tour([launch("c")], { id: "b" }),
      tour([launch("a")], { id: "c" }),
      tour([launch("d")], { id: "d" }),
    ]);
    const loops = find(document, "launchLoop");
    expect(loops.map((d) => d.pointer)).toEqual([
      `${S0}/ctas/0/actions/0`,
      "/experiences/3/steps/0/ctas/0/actions/0",
    ]);
    expect(loops[0].message).toContain("a → b → c → a");
    expect(loops[1].message).toContain("d → d");
  });

  it("warns about unknown fields, suggesting the near one", () => {
    const document = project([tour([{ ...step("s1"), closingcross: [] } as StepInput])]);
    const [found] = find(document, "unknownField");
    expect(found).toMatchObject({ severity: "warning", pointer: `${S0}/closingcross` });
    expect(found.message).toContain('did you mean "closingCross"?');
  });

  it("warns about an automatic experience without urls and a flow without steps", () => {
    const document = project([tour([], { showOn: { trigger: "auto", urls: [] } })]);
    expect(
      diagnose(document)
        .map((d) => d.code)
        .sort(),
    ).toEqual(["autoWithoutUrls", "noSteps"]);
  });
});

describe("structure", () => {
  it("reports every structural problem and stops before the semantic rules", () => {
    const document = {
      version: 2,
      experiences: [
        {
          id: "t",
          type: "tour",
          status: "live",
          steps: [
            {
              id: "s",
              kind: "modal",
              ctas: [
                {
                  id: "c",
                  label: "x",
                  actions: [{ type: "goToStep", step: "nope" }, { type: "jump" }],
                },
              ],
            },
          ],
        },
        { id: 5, type: "tour", status: "gone" },
      ],
    };
    const result = validateDocument(document);
    expect(result.project).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.pointer])).toEqual([
      ["invalidValue", "/version"],
      ["unknownActionType", "/experiences/0/steps/0/ctas/0/actions/1/type"],
      ["wrongType", "/experiences/1/id"],
      ["invalidValue", "/experiences/1/status"],
    ]);
  });

  it("names the field and the allowed values", () => {
    const [found] = diagnose(project([tour([step("s1")], { type: "walkthrough" as never })]));
    expect(found.message).toMatch(/"type".*"tour".*"checklist".*"walkthrough"/);
  });

  it("caps structural problems with a final count", () => {
    const document = { version: 1, experiences: Array.from({ length: 100 }, () => ({})) };
    const { diagnostics } = validateDocument(document);
    expect(diagnostics).toHaveLength(structuralLimit + 1);
    expect(diagnostics[structuralLimit]).toMatchObject({ code: "tooManyIssues", pointer: "" });
    expect(diagnostics[structuralLimit].message).toContain("100 more");
  });

  it("refuses a root that is not an object", () => {
    for (const root of [[], "x", 3, null, true]) {
      expect(validateDocument(root).diagnostics.map((d) => d.code)).toEqual(["rootNotObject"]);
    }
  });

  it("returns the project with defaults when its shape is right", () => {
    const result = validateDocument(project([tour([step("s1")])]));
    expect(result.project?.settings.runJsEnabled).toBe(false);
    expect(result.project?.experiences[0].recurrence).toEqual({ kind: "once" });
  });
});

describe("places", () => {
  it("gives line and column from the text, in document order", () => {
    const text = `{
  "version": 1,
  "experiences": [
    {
      "id": "tour", "type": "tour", "status": "live",
      "steps": [
        { "id": "s1", "kind": "tooltip",
          "ctas": [{ "id": "go", "label": "Go", "actions": [{ "type": "goToStep", "step": "complete" }, { "type": "dismiss" }] }] }
      ]
    }
  ]
}`;
    const { diagnostics } = validateText(text);
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["missingTarget", 7, 9],
      ["combinationNotAllowed", 8, 115], // the "dismiss" value of its type
    ]);
  });

  it("leaves line and column out without text", () => {
    const [found] = diagnose(project([tour([step("s1", { kind: "tooltip" })])]));
    expect(found.line).toBeUndefined();
    expect(found.column).toBeUndefined();
  });

  it("reports a parse error with its place and no diagnostics", () => {
    const result = validateText('{\n  "version": 1,\n}');
    expect(result.diagnostics).toEqual([]);
    expect(result.parseError).toEqual({
      message: "trailing comma: remove the ',' before '}'",
      line: 2,
      column: 15,
    });
  });
});

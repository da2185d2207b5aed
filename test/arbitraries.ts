// fast-check arbitraries for Flowscope projects and scripts, shared by property tests.
// Projects are schema-valid (parsed with the zod schema, defaults applied) and mostly
// reference-valid: ids are drawn from small pools so actions, audiences and script steps hit
// existing experiences, steps, posts and CTAs often, and miss them sometimes.
import fc from "fast-check";
import {
  type Project,
  project as projectSchema,
  type StepKind,
} from "../machines/format/schema.ts";
import {
  type Script,
  type ScriptInput,
  script as scriptSchema,
} from "../machines/format/script.ts";

export const experienceIds = ["e0", "e1", "e2", "e3"] as const;
export const stepIds = ["s0", "s1", "s2", "s3"] as const;
export const ctaIds = ["primary", "secondary"] as const;
export const taskIds = ["t0", "t1", "t2"] as const;
export const postIds = ["p0", "p1"] as const;
export const blockIds = ["b0"] as const;
export const urls = ["/", "/a", "/a/b", "/settings"] as const;
export const urlPatterns = ["/", "/a", "/a/*", "*", "/settings"] as const;
export const selectors = ["#save", "#close"] as const;

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

type LooseAction = { type: string; [key: string]: unknown };

export function actionArb(options: { snooze?: boolean } = {}): fc.Arbitrary<LooseAction> {
  const actions: fc.Arbitrary<LooseAction>[] = [
    fc.record({
      type: fc.constant("goToStep"),
      step: pick(["next", "previous", "complete", ...stepIds]),
    }),
    fc.constant({ type: "dismiss" }),
    fc.record({ type: fc.constant("launchExperience"), experience: pick(experienceIds) }),
    fc.record({ type: fc.constant("openPost"), post: pick(postIds) }),
    fc.record({
      type: fc.constant("navigateTo"),
      url: pick([...urls, "/u/{userId}", "https://x.io/{email}"]),
      openIn: pick(["sameTab", "newTab"]),
    }),
    fc.record({
      type: fc.constant("launchAgent"),
      message: pick(["pricing {email}", "help", "settings"]),
    }),
    fc.record({
      type: fc.constant("runJs"),
      code: pick(["globalThis.pwned = 1", "throw new Error('x')"]),
      simulate: fc.record({
        setAttributes: fc.dictionary(pick(["plan", "seen"]), fc.jsonValue({ maxDepth: 1 }), {
          maxKeys: 2,
        }),
      }),
    }),
  ];
  if (options.snooze) {
    actions.push(
      fc.record({
        type: fc.constant("snooze"),
        hours: pick([1, 24]),
        maxTimes: fc.integer({ min: 1, max: 5 }),
      }),
    );
  }
  return fc.oneof(...actions);
}

export function actionListArb(options: { snooze?: boolean } = {}) {
  return fc.uniqueArray(actionArb(options), {
    maxLength: 3,
    selector: (action) => (action as { type: string }).type,
  });
}

const surveyTestArb = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })).map(([a, b]) => ({
    between: [Math.min(a, b), Math.max(a, b)],
  })),
  fc.integer({ min: 0, max: 10 }).map((n) => ({ lt: n })),
  fc.integer({ min: 0, max: 10 }).map((n) => ({ gt: n })),
  fc.subarray(["A", "B", "C"]).map((o) => ({ anyOf: o })),
  fc.subarray(["A", "B", "C"]).map((o) => ({ allOf: o })),
  fc.boolean().map((filled) => ({ filled })),
  pick(["ok", "bad"]).map((contains) => ({ contains })),
);

const kindsByType: Record<string, readonly StepKind[]> = {
  tour: ["modal", "tooltip", "snippet", "badge", "cursor"],
  survey: ["nps", "scale", "choice", "multiChoice", "text", "message", "bookInterview"],
  banner: ["banner"],
  hint: ["hint"],
};

function stepArb(type: string, index: number) {
  const first = index === 0 && type !== "hint";
  return fc
    .record({
      kind: pick(kindsByType[type]),
      ctas: fc.uniqueArray(
        fc.record({
          id: pick(ctaIds),
          label: fc.constant("CTA"),
          actions: actionListArb({ snooze: first }),
        }),
        { maxLength: 2, selector: (c) => c.id },
      ),
      closingCross: fc.option(
        actionListArb({ snooze: first }).map((l) =>
          l.filter((a) => a.type === "dismiss" || a.type === "snooze"),
        ),
        { nil: undefined },
      ),
      triggers: fc.uniqueArray(
        fc.record({
          id: pick(["tr0", "tr1"]),
          on: fc.oneof(
            pick(urlPatterns).map((url) => ({ url })),
            pick(selectors).map((click) => ({ click })),
          ),
          actions: actionListArb({ snooze: first }),
        }),
        { maxLength: 2, selector: (t) => t.id },
      ),
      conditions: fc.uniqueArray(
        fc.record({
          id: pick(["c0", "c1"]),
          if: surveyTestArb,
          actions: actionListArb({ snooze: first }),
        }),
        { maxLength: 2, selector: (c) => c.id },
      ),
      fallback: fc.option(actionListArb({ snooze: first }), { nil: undefined }),
    })
    .map((step) => ({
      id: stepIds[index],
      ...step,
      question:
        step.kind === "scale"
          ? { min: 1, max: 5 }
          : step.kind === "choice" || step.kind === "multiChoice"
            ? { options: ["A", "B", "C"] }
            : undefined,
      booking:
        step.kind === "bookInterview"
          ? { provider: "calendly", link: "https://c.io/x" }
          : undefined,
    }));
}

const audienceArb = fc.oneof(
  fc.record({
    attribute: pick(["plan", "seen", "email"]),
    op: pick(["eq", "neq", "contains", "exists", "notExists"]),
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
  fc.record({
    experience: pick(experienceIds),
    has: pick(["seen", "completed", "dismissed", "snoozed"]),
  }),
);

function experienceArb(index: number) {
  return pick(["tour", "survey", "banner", "hint", "checklist"]).chain((type) =>
    fc.record({
      id: fc.constant(experienceIds[index]),
      type: fc.constant(type),
      status: fc.constantFrom("live", "live", "draft"),
      showOn: fc.record({
        trigger: pick(["auto", "manual"]),
        urls: fc.subarray([...urlPatterns], { maxLength: 2 }),
      }),
      // Mostly everyone, so that flows show and scripts get past their first steps.
      audience: fc.oneof(
        { weight: 3, arbitrary: fc.constant([]) },
        { weight: 1, arbitrary: fc.array(audienceArb, { maxLength: 2 }) },
      ),
      recurrence: fc.oneof(
        fc.constant({ kind: "once" }),
        fc.constant({ kind: "always" }),
        pick([1, 24]).map((hours) => ({ kind: "every", hours })),
      ),
      steps:
        type === "checklist"
          ? fc.constant([])
          : fc
              .integer({ min: 1, max: stepIds.length })
              .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(type, i)))),
      tasks:
        type === "checklist"
          ? fc.integer({ min: 1, max: taskIds.length }).chain((n) =>
              fc.tuple(
                ...Array.from({ length: n }, (_, i) =>
                  fc.record({
                    id: fc.constant(taskIds[i]),
                    label: fc.constant("Task"),
                    actions: actionListArb().map((l) =>
                      l.filter(
                        (a) =>
                          a.type !== "goToStep" &&
                          a.type !== "dismiss" &&
                          a.type !== "launchAgent" &&
                          a.type !== "runJs",
                      ),
                    ),
                  }),
                ),
              ),
            )
          : fc.constant([]),
      checklist: fc.record({ order: pick(["any", "inOrder"]) }),
      ignoreRateLimit: fc.boolean(),
    }),
  );
}

/** A schema-valid project with 1..4 experiences, posts, a block and agent answers. */
export const projectArb: fc.Arbitrary<Project> = fc
  .integer({ min: 1, max: experienceIds.length })
  .chain((n) =>
    fc.record({
      version: fc.constant(1),
      settings: fc.record({
        runJsEnabled: fc.boolean(),
        latencyMs: fc.dictionary(
          pick(["navigateTo", "launchExperience", "goToStep"]),
          pick([0, 100, 500]),
          { maxKeys: 2 },
        ),
        rateLimit: fc.option(
          fc.record({ max: fc.integer({ min: 1, max: 3 }), hours: pick([1, 4]) }),
          { nil: undefined },
        ),
      }),
      experiences: fc.tuple(...Array.from({ length: n }, (_, i) => experienceArb(i))),
      posts: fc.constant(
        postIds.map((id) => ({
          id,
          title: id,
          cta: { label: "Go", actions: [{ type: "launchExperience", experience: "e0" }] },
        })),
      ),
      resourceCenter: fc.record({
        blocks: fc.tuple(
          fc.record({
            id: fc.constant("b0"),
            label: fc.constant("Docs"),
            actions: actionListArb(),
          }),
        ),
      }),
      agent: fc.record({
        customAnswers: fc.constant([
          {
            id: "a0",
            match: "pricing",
            answer: "See plans",
            actions: [{ type: "launchExperience", experience: "e1" }],
          },
        ]),
        automatedActions: fc.constant([
          { id: "aa0", match: "settings", actions: [{ type: "navigateTo", url: "/settings" }] },
        ]),
      }),
    }),
  )
  .map((input) => projectSchema.parse(input));

export const scriptStepArb = fc.oneof(
  // Launches and clicks weigh more: they drive the flows the other steps act on.
  {
    weight: 3,
    arbitrary: fc.record({ do: fc.constant("launch"), experience: pick(experienceIds) }),
  },
  { weight: 3, arbitrary: fc.record({ do: fc.constant("click"), cta: pick(ctaIds) }) },
  fc.record({
    do: fc.constant("answer"),
    value: fc.oneof(
      fc.integer({ min: -1, max: 11 }),
      pick(["A", "ok", ""]),
      fc.subarray(["A", "B", "C"]),
    ),
  }),
  fc.record({ do: fc.constant("close") }),
  fc.record({ do: fc.constant("navigate"), url: pick(urls) }),
  fc.record({ do: fc.constant("clickElement"), selector: pick(selectors) }),
  fc.record({ do: fc.constant("advance"), hours: pick([0, 1, 5, 25]) }),
  fc.record({ do: fc.constant("task"), experience: pick(experienceIds), task: pick(taskIds) }),
  fc.record({ do: fc.constant("openPost"), post: pick(postIds) }),
  fc.record({ do: fc.constant("clickPostCta"), post: pick(postIds) }),
  fc.record({ do: fc.constant("clickBlock"), block: pick(blockIds) }),
  fc.record({ do: fc.constant("askAgent"), message: pick(["pricing?", "settings", "hello"]) }),
  fc.record({ do: fc.constant("click"), cta: pick(ctaIds), settle: fc.constant(false) }),
);

/** A schema-valid script of up to `maxSteps` steps. */
export function scriptArb(maxSteps = 12): fc.Arbitrary<Script> {
  return fc
    .record({
      user: fc.record({
        id: fc.constant("u1"),
        attributes: fc.record(
          { email: fc.constant("ana@acme.io"), plan: pick(["pro", "free"]) },
          { requiredKeys: [] },
        ),
      }),
      start: fc.record({ url: pick(urls), at: fc.constant("2026-01-05T09:00:00Z") }),
      steps: fc.array(scriptStepArb, { maxLength: maxSteps }),
    })
    .map((input) => scriptSchema.parse(input as ScriptInput));
}

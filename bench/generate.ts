// A large, realistic, valid project for benchmarks and tests: many onboarding-style tours
// (next / previous / skip-ahead CTAs, click and URL triggers, chained launches) and a few
// NPS surveys with conditions. Deterministic for a given seed.
import type { ProjectInput } from "../machines/format/schema.ts";

type ExperienceInput = ProjectInput["experiences"] extends (infer E)[] | undefined ? E : never;
type StepInput = NonNullable<ExperienceInput["steps"]>[number];
type ActionInput = NonNullable<StepInput["closingCross"]>[number];
type CtaInput = NonNullable<StepInput["ctas"]>[number];

export interface GenerateOptions {
  tours?: number;
  stepsPerTour?: number;
  surveys?: number;
  stepsPerSurvey?: number;
  seed?: number;
}

/** 495 tours × 20 + 10 surveys × 10 = 10,000 steps. */
export const benchDefaults = {
  tours: 495,
  stepsPerTour: 20,
  surveys: 10,
  stepsPerSurvey: 10,
  seed: 42,
} as const satisfies Required<GenerateOptions>;

const features = [
  "billing",
  "reports",
  "automations",
  "integrations",
  "permissions",
  "timeline",
  "inbox",
  "search",
  "templates",
  "exports",
  "dashboards",
  "sso",
] as const;
const tourKinds = ["tooltip", "tooltip", "tooltip", "badge", "cursor", "snippet"] as const;
const targetedKinds: ReadonlySet<string> = new Set(["tooltip", "badge", "cursor", "hint"]);
const posts = ["p-release-notes", "p-pricing", "p-security"] as const;

export function generateProject(options: GenerateOptions = {}): ProjectInput {
  const o = { ...benchDefaults, ...options };
  const random = mulberry32(o.seed);
  const tourIds = Array.from({ length: o.tours }, (_, t) => tourId(t));
  const tours = tourIds.map((id, t) => generateTour(id, tourIds[t + 1], o.stepsPerTour, random));
  const surveys = Array.from({ length: o.surveys }, (_, s) =>
    generateSurvey(`nps-${s + 1}`, o.stepsPerSurvey, random),
  );
  return {
    version: 1,
    settings: { runJsEnabled: false, rateLimit: { max: 2, hours: 24 } },
    personas: [
      {
        id: "admin",
        attributes: { email: "ana@acme.io", username: "ana", plan: "pro", userId: "u-1" },
      },
      {
        id: "member",
        attributes: { email: "tom@acme.io", username: "tom", plan: "starter", userId: "u-2" },
      },
    ],
    posts: posts.map((id) => ({ id, title: `Post ${id.slice(2)}`, body: "What changed." })),
    experiences: [...tours, ...surveys],
  };
}

export function generateProjectText(options: GenerateOptions = {}): string {
  return JSON.stringify(generateProject(options), null, 2);
}

export function countSteps(project: ProjectInput): number {
  return (project.experiences ?? []).reduce((sum, e) => sum + (e.steps?.length ?? 0), 0);
}

/**
 * A tour of `steps` steps whose every step has an `unknownStep` error: a "skip" CTA to the
 * id of the next step misspelt (an extra "x"), beside a good "next". Issue 10: each message
 * once listed every step id, so the output grew with the square of the project.
 */
export function unknownStepProject(steps: number): ProjectInput {
  const id = (i: number) => `step-${i + 1}`;
  return {
    version: 1,
    experiences: [
      {
        id: "typos",
        type: "tour",
        status: "live",
        showOn: { trigger: "manual" },
        steps: Array.from({ length: steps }, (_, i) => ({
          id: id(i),
          kind: "modal",
          ctas: [
            { id: "next", label: "Next", actions: [goTo("next")] },
            { id: "skip", label: "Skip", actions: [goTo(`${id(i + 1)}x`)] },
          ],
        })),
      },
    ],
  };
}

/**
 * `experiences` manual tours of one step, each with a CTA per experience that launches it:
 * experiences² launch edges, every pair of experiences on a cycle (issue 10: 300 experiences,
 * 90,000 edges, took `graph` a minute).
 */
export function denseLaunchProject(experiences: number): ProjectInput {
  const id = (i: number) => `tour-${i + 1}`;
  return {
    version: 1,
    experiences: Array.from({ length: experiences }, (_, i) => ({
      id: id(i),
      type: "tour",
      status: "live",
      showOn: { trigger: "manual" },
      steps: [
        {
          id: "s",
          kind: "modal",
          ctas: Array.from({ length: experiences }, (_, j) => ({
            id: `to-${j + 1}`,
            label: `Open ${id(j)}`,
            actions: [{ type: "launchExperience", experience: id(j) }],
          })),
        },
      ],
    })),
  };
}

// ------------------------------------------------------------------------------- tours

function tourId(t: number): string {
  return `${features[t % features.length]}-tour-${t + 1}`;
}

function generateTour(
  id: string,
  nextTourId: string | undefined,
  stepCount: number,
  random: () => number,
): ExperienceInput {
  const feature = id.split("-tour-")[0];
  const stepIds = Array.from({ length: stepCount }, (_, i) => `${feature}-step-${i + 1}`);
  const auto = random() < 0.3;
  return {
    id,
    name: `${capitalise(feature)} tour`,
    type: "tour",
    status: "live",
    showOn: auto ? { trigger: "auto", urls: [`/${feature}/*`] } : { trigger: "manual", urls: [] },
    audience: random() < 0.5 ? [{ attribute: "plan", op: "eq", value: "pro" }] : [],
    recurrence: { kind: "once" },
    steps: stepIds.map((stepId, i) =>
      generateTourStep({ stepId, i, stepIds, feature, nextTourId, random }),
    ),
  };
}

interface TourStepContext {
  stepId: string;
  i: number;
  stepIds: readonly string[];
  feature: string;
  nextTourId: string | undefined;
  random: () => number;
}

function generateTourStep(c: TourStepContext): StepInput {
  const kind = c.i === 0 ? "modal" : tourKinds[Math.floor(c.random() * tourKinds.length)];
  const step: StepInput = {
    id: c.stepId,
    name: `${capitalise(c.feature)} step ${c.i + 1}`,
    kind,
    title: `Step ${c.i + 1}: ${c.feature}`,
    body: "Click the highlighted element to continue.",
    ctas: tourCtas(c),
  };
  if (targetedKinds.has(kind)) step.target = `[data-tour='${c.feature}-${c.i + 1}']`;
  if (c.i === 0 && c.random() < 0.3) {
    step.closingCross = [{ type: "snooze", hours: 24, maxTimes: 3 }];
  }
  const triggers = tourTriggers(c);
  if (triggers.length > 0) step.triggers = triggers;
  return step;
}

function tourCtas(c: TourStepContext): CtaInput[] {
  const last = c.i === c.stepIds.length - 1;
  const finish: CtaInput = { id: "finish", label: "Finish", actions: [goTo("complete")] };
  if (c.i === 0) return last ? [finish] : firstStepCtas(c);
  const back: CtaInput = { id: "back", label: "Back", actions: [goTo("previous")] };
  if (!last) return [back, { id: "next", label: "Next", actions: [goTo("next")] }, ...extraCta(c)];
  if (c.nextTourId && c.random() < 0.2) {
    const chain: ActionInput = { type: "launchExperience", experience: c.nextTourId };
    return [
      back,
      finish,
      { id: "continue", label: "Continue with the next tour", actions: [chain] },
    ];
  }
  return [back, finish];
}

/** "Show me", and with three steps or more an "I already know this" that skips ahead. */
function firstStepCtas(c: TourStepContext): CtaInput[] {
  const start: CtaInput = { id: "start", label: "Show me", actions: [goTo("next")] };
  if (c.stepIds.length < 3) return [start];
  const skipTo = c.stepIds[Math.min(c.stepIds.length - 1, 2 + Math.floor(c.random() * 5))];
  return [start, { id: "skip", label: "I already know this", actions: [goTo(skipTo)] }];
}

/** Now and then: a docs link in a new tab beside "next", or a changelog post. */
function extraCta(c: TourStepContext): CtaInput[] {
  const roll = c.random();
  if (roll < 0.1) {
    const docs: ActionInput = {
      type: "navigateTo",
      url: `https://docs.acme.io/${c.feature}?user={userId}`,
      openIn: "newTab",
    };
    return [{ id: "docs", label: "Read the docs", actions: [goTo("next"), docs] }];
  }
  if (roll < 0.15) {
    const post = posts[Math.floor(c.random() * posts.length)];
    return [{ id: "news", label: "What's new", actions: [{ type: "openPost", post }] }];
  }
  return [];
}

function tourTriggers(c: TourStepContext): NonNullable<StepInput["triggers"]> {
  if (c.i === 0 || c.i === c.stepIds.length - 1) return [];
  if (c.i % 4 === 1) {
    return [
      {
        id: "clicked",
        on: { click: `[data-tour='${c.feature}-${c.i + 1}']` },
        actions: [goTo("next")],
      },
    ];
  }
  if (c.i % 7 === 3) {
    return [{ id: "arrived", on: { url: `/${c.feature}/settings*` }, actions: [goTo("next")] }];
  }
  return [];
}

// ------------------------------------------------------------------------------ surveys

/** nps → (promoters: thanks | detractors: why) → choice → text … → thanks (message). */
function generateSurvey(id: string, stepCount: number, random: () => number): ExperienceInput {
  const count = Math.max(3, stepCount);
  const steps: StepInput[] = [
    {
      id: "score",
      kind: "nps",
      question: { text: "How likely are you to recommend Acme?", min: 0, max: 10 },
      closingCross: [{ type: "snooze", hours: 24, maxTimes: 3 }],
      conditions: [
        { id: "promoters", if: { between: [9, 10] }, actions: [goTo("thanks")] },
        { id: "detractors", if: { lt: 7 }, actions: [goTo("why")] },
      ],
    },
    {
      id: "why",
      kind: "text",
      question: { text: "What should we fix first?" },
      conditions: [{ id: "blank", if: { filled: false }, actions: [goTo("thanks")] }],
    },
  ];
  for (let i = 2; i < count - 1; i++) steps.push(choiceStep(`q${i}`, random));
  steps.push({
    id: "thanks",
    kind: "message",
    title: "Thank you!",
    ctas: [{ id: "done", label: "Done", actions: [goTo("complete")] }],
  });
  return {
    id,
    name: `NPS ${id}`,
    type: "survey",
    status: "live",
    showOn: { trigger: "auto", urls: ["/dashboard"] },
    recurrence: { kind: "every", hours: 2160 },
    steps,
  };
}

function choiceStep(id: string, random: () => number): StepInput {
  const options = ["Speed", "Integrations", "Price", "Support"];
  const picked = options[Math.floor(random() * options.length)];
  return {
    id,
    kind: "choice",
    question: { text: "What matters most to you?", options },
    conditions: [{ id: "picked", if: { anyOf: [picked] }, actions: [goTo("next")] }],
  };
}

// ------------------------------------------------------------------------------ helpers

function goTo(step: string): ActionInput {
  return { type: "goToStep", step };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A tiny seeded PRNG (mulberry32): same seed, same project. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Issue 5: choice step i → one of two message steps → choice step i + 1, the last pair
 *  completes: 2^k paths to completed. Shared by the explore bench and the path tests. */
export function branchSurveyInput(k: number): ProjectInput {
  const steps: StepInput[] = [];
  for (let i = 1; i <= k; i++) {
    const after = i === k ? "complete" : `c${i + 1}`;
    const next = [
      { id: "next", label: "Next", actions: [{ type: "goToStep" as const, step: after }] },
    ];
    steps.push(
      {
        id: `c${i}`,
        kind: "choice",
        question: { options: ["left", "right"] },
        conditions: [
          { id: "left", if: { anyOf: ["left"] }, actions: [{ type: "goToStep", step: `l${i}` }] },
        ],
        fallback: [{ type: "goToStep", step: `r${i}` }],
      },
      { id: `l${i}`, kind: "message", ctas: next },
      { id: `r${i}`, kind: "message", ctas: next },
    );
  }
  return {
    version: 1,
    experiences: [{ id: "branches", type: "survey", status: "live", steps }],
  };
}

/** Issue 5's racy CTA: a tour whose first CTA fires `actions`, and a pro-only tour on
 *  /settings that a launch among them may or may not show. Shared by the races tests and
 *  the explore bench. */
export function racyProjectInput(actions: readonly ActionInput[]): ProjectInput {
  return {
    version: 1,
    settings: { runJsEnabled: true },
    posts: [{ id: "p1", title: "P" }],
    experiences: [
      {
        id: "tour",
        type: "tour",
        status: "live",
        steps: [
          { id: "a", kind: "modal", ctas: [{ id: "go", label: "Go", actions: [...actions] }] },
          { id: "b", kind: "modal" },
        ],
      },
      {
        id: "pro-tour",
        type: "tour",
        status: "live",
        showOn: { trigger: "manual", urls: ["/settings"] },
        audience: [{ attribute: "plan", op: "eq", value: "pro" }],
        steps: [{ id: "p1", kind: "modal" }],
      },
    ],
  };
}

/** Seven actions that interfere (5,040 completion orders): the race bench's list. */
export const sevenRacingActions: readonly ActionInput[] = [
  { type: "goToStep", step: "next" },
  { type: "launchExperience", experience: "pro-tour" },
  { type: "openPost", post: "p1" },
  { type: "launchAgent", message: "hello" },
  { type: "runJs", code: "x", simulate: { setAttributes: { plan: "pro" } } },
  { type: "navigateTo", url: "/settings", openIn: "sameTab" },
  { type: "snooze", hours: 1, maxTimes: 2 },
];

// ------------------------------------------------------------ issue 10's scaling inputs

/** One tour `t` whose experience holds `steps` plain steps. */
function oneTour(steps: StepInput[]): ProjectInput {
  return { version: 1, experiences: [{ id: "t", type: "tour", status: "live", steps }] };
}

/**
 * Issue 10's linear tour: `steps` steps s0…, each with a "Next" (the last one completes) and
 * its closing cross; with `back`, a "Back" (goToStep previous) on every step but the first.
 * Every transition needs its own coverage path, so the paths hold ~steps²/2 script steps.
 */
export function linearTourInput(steps: number, options: { back?: boolean } = {}): ProjectInput {
  return oneTour(
    Array.from({ length: steps }, (_, i) => {
      const ctas: CtaInput[] = [];
      if (options.back && i > 0) {
        ctas.push({ id: "back", label: "Back", actions: [goTo("previous")] });
      }
      ctas.push({
        id: "next",
        label: "Next",
        actions: [goTo(i === steps - 1 ? "complete" : "next")],
      });
      return { id: `s${i}`, kind: "modal", ctas };
    }),
  );
}

/** Issue 10's wide step: `ctas` CTAs on s0, even ones go to s1 (which completes), odd ones
 *  complete. */
export function wideStepInput(ctas: number): ProjectInput {
  return oneTour([
    {
      id: "s0",
      kind: "modal",
      ctas: Array.from({ length: ctas }, (_, j) => ({
        id: `c${j}`,
        label: `Option ${j}`,
        actions: [goTo(j % 2 === 0 ? "s1" : "complete")],
      })),
    },
    { id: "s1", kind: "modal", ctas: [{ id: "done", label: "Done", actions: [goTo("complete")] }] },
  ]);
}

/** Issue 10's fully connected tour: every step has a CTA to every other step, and one that
 *  completes (about 5 × 10^31 simple paths at 30 steps: no exact count). */
export function fullyConnectedTourInput(steps: number): ProjectInput {
  return oneTour(
    Array.from({ length: steps }, (_, i) => ({
      id: `s${i}`,
      kind: "modal" as const,
      ctas: Array.from({ length: steps }, (_, j) => ({
        id: `to${j}`,
        label: j === i ? "Done" : `To ${j}`,
        actions: [goTo(j === i ? "complete" : `s${j}`)],
      })),
    })),
  );
}

/** Issue 10: a tour whose every step also launches an experience of its own (`steps` more
 *  experiences): as many ends as steps. */
export function launchingTourInput(steps: number): ProjectInput {
  const tour = linearTourInput(steps).experiences?.[0] as ExperienceInput;
  for (const [i, step] of (tour.steps ?? []).entries()) {
    step.ctas = [
      ...(step.ctas ?? []),
      { id: "go", label: "Go", actions: [{ type: "launchExperience", experience: `e${i}` }] },
    ];
  }
  const launched = Array.from(
    { length: steps },
    (_, i): ExperienceInput => ({
      id: `e${i}`,
      type: "tour",
      status: "live",
      steps: [{ id: "x", kind: "modal" }],
    }),
  );
  return { version: 1, experiences: [tour, ...launched] };
}

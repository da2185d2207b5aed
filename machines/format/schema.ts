// The project-file format (SPEC §1) as one zod schema. Types are inferred from it and the
// committed JSON Schema is generated from it, so the three never drift apart.
import { z } from "zod";

/** Ids are non-empty strings; uniqueness is checked by the validator (with its place). */
const id = z.string().min(1);

// ---------------------------------------------------------------------------------- actions

export const goToStepAction = z.object({
  type: z.literal("goToStep"),
  /** next | previous | complete | a step id */
  step: z.string().min(1),
});
export const dismissAction = z.object({ type: z.literal("dismiss") });
export const snoozeAction = z.object({
  type: z.literal("snooze"),
  hours: z.number().positive(),
  maxTimes: z.int().min(1).max(5),
});
export const launchExperienceAction = z.object({
  type: z.literal("launchExperience"),
  experience: id,
});
export const openPostAction = z.object({ type: z.literal("openPost"), post: id });
export const navigateToAction = z.object({
  type: z.literal("navigateTo"),
  url: z.string().min(1),
  openIn: z.enum(["sameTab", "newTab"]).default("sameTab"),
});
export const launchAgentAction = z.object({
  type: z.literal("launchAgent"),
  message: z.string().optional(),
});
export const runJsAction = z.object({
  type: z.literal("runJs"),
  /** Never executed: kept as text and shown, nothing more. */
  code: z.string(),
  simulate: z.object({ setAttributes: z.record(z.string(), z.unknown()).optional() }).optional(),
});
export const bookInterviewAction = z.object({ type: z.literal("bookInterview") });

export const action = z.discriminatedUnion("type", [
  launchAgentAction,
  goToStepAction,
  dismissAction,
  launchExperienceAction,
  openPostAction,
  navigateToAction,
  runJsAction,
  snoozeAction,
  bookInterviewAction,
]);
export const actionList = z.array(action);

// ------------------------------------------------------------------------------- audience

export const attributeCondition = z.object({
  attribute: z.string().min(1),
  op: z.enum(["eq", "neq", "contains", "exists", "notExists"]),
  value: z.unknown().optional(),
});
export const experienceCondition = z.object({
  experience: id,
  has: z.enum(["seen", "completed", "dismissed", "snoozed"]),
});
export const audienceCondition = z.union([attributeCondition, experienceCondition]);

// ---------------------------------------------------------------------------------- steps

export const tourStepKinds = ["modal", "tooltip", "snippet", "badge", "cursor"] as const;
export const surveyStepKinds = [
  "nps",
  "scale",
  "choice",
  "multiChoice",
  "text",
  "bookInterview",
  "message",
] as const;
export const stepKinds = [...tourStepKinds, ...surveyStepKinds, "banner", "hint"] as const;

export const cta = z.object({
  id,
  label: z.string(),
  actions: actionList.default([]),
});

export const trigger = z.object({
  id,
  on: z.union([
    z.object({ click: z.string().min(1) }).strict(),
    z.object({ url: z.string().min(1) }).strict(),
  ]),
  actions: actionList.default([]),
});

/** One operator per condition; which operators fit which step kind is the validator's rule. */
export const surveyTest = z.union([
  z.object({ between: z.tuple([z.number(), z.number()]) }).strict(),
  z.object({ equals: z.number() }).strict(),
  z.object({ lt: z.number() }).strict(),
  z.object({ gt: z.number() }).strict(),
  z.object({ anyOf: z.array(z.string()) }).strict(),
  z.object({ noneOf: z.array(z.string()) }).strict(),
  z.object({ allOf: z.array(z.string()) }).strict(),
  z.object({ filled: z.boolean() }).strict(),
  z.object({ contains: z.string() }).strict(),
]);

export const surveyCondition = z.object({
  id,
  if: surveyTest,
  actions: actionList.default([]),
});

export const question = z.union([
  z.object({
    text: z.string().optional(),
    min: z.int(),
    max: z.int(),
    minLabel: z.string().optional(),
    maxLabel: z.string().optional(),
  }),
  z.object({ text: z.string().optional(), options: z.array(z.string()).min(1) }),
  z.object({ text: z.string().optional(), placeholder: z.string().optional() }),
]);

export const booking = z.object({
  provider: z.enum(["calendly", "googleCalendar", "zcal"]),
  link: z.string().min(1),
});

export const step = z.object({
  id,
  name: z.string().optional(),
  kind: z.enum(stepKinds),
  /** Plain text shown to the user; never rendered as HTML. */
  title: z.string().optional(),
  body: z.string().optional(),
  target: z.string().optional(),
  ctas: z.array(cta).default([]),
  /** Omitted: the seed's default, a dismiss (see semantics.ts). */
  closingCross: actionList.optional(),
  triggers: z.array(trigger).default([]),
  question: question.optional(),
  conditions: z.array(surveyCondition).default([]),
  /** Omitted: the seed's default, "Go to step: Next step" (see semantics.ts). */
  fallback: actionList.optional(),
  booking: booking.optional(),
});

export const task = z.object({
  id,
  label: z.string(),
  actions: actionList.default([]),
});

// ---------------------------------------------------------------------------- experiences

export const experienceTypes = ["tour", "survey", "banner", "hint", "checklist"] as const;

export const recurrence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("once") }),
  z.object({ kind: z.literal("every"), hours: z.number().positive() }),
  z.object({ kind: z.literal("always") }),
]);

export const showOn = z.object({
  trigger: z.enum(["auto", "manual"]),
  urls: z.array(z.string()).default([]),
});

export const experience = z.object({
  id,
  name: z.string().optional(),
  type: z.enum(experienceTypes),
  status: z.enum(["live", "draft"]),
  showOn: showOn.default({ trigger: "manual", urls: [] }),
  audience: z.array(audienceCondition).default([]),
  recurrence: recurrence.default({ kind: "once" }),
  steps: z.array(step).default([]),
  tasks: z.array(task).default([]),
  checklist: z
    .object({ order: z.enum(["any", "inOrder"]).default("any") })
    .default({ order: "any" }),
  ignoreRateLimit: z.boolean().default(false),
});

// -------------------------------------------------------------------------------- project

export const persona = z.object({
  id,
  name: z.string().optional(),
  attributes: z.record(z.string(), z.unknown()).default({}),
});

export const post = z.object({
  id,
  title: z.string(),
  body: z.string().optional(),
  cta: z.object({ label: z.string(), actions: actionList.default([]) }).optional(),
});

export const block = z.object({ id, label: z.string(), actions: actionList.default([]) });

export const customAnswer = z.object({
  id,
  match: z.string().min(1),
  answer: z.string(),
  actions: actionList.default([]),
});
export const automatedAction = z.object({
  id,
  match: z.string().min(1),
  actions: actionList.default([]),
});

/** Keys of settings.latencyMs: an action type, plus navigateToNewTab for new-tab navigation. */
export const latencyKeys = [
  "goToStep",
  "dismiss",
  "snooze",
  "runJs",
  "launchExperience",
  "openPost",
  "launchAgent",
  "bookInterview",
  "navigateTo",
  "navigateToNewTab",
] as const;

export const settings = z.object({
  runJsEnabled: z.boolean().default(false),
  latencyMs: z.partialRecord(z.enum(latencyKeys), z.number().min(0)).default({}),
  rateLimit: z.object({ max: z.int().min(1), hours: z.number().positive() }).optional(),
});

export const project = z.object({
  $schema: z.string().optional(),
  version: z.literal(1),
  settings: settings.default({ runJsEnabled: false, latencyMs: {} }),
  experiences: z.array(experience).default([]),
  personas: z.array(persona).default([]),
  posts: z.array(post).default([]),
  resourceCenter: z.object({ blocks: z.array(block).default([]) }).default({ blocks: [] }),
  agent: z
    .object({
      customAnswers: z.array(customAnswer).default([]),
      automatedActions: z.array(automatedAction).default([]),
    })
    .default({ customAnswers: [], automatedActions: [] }),
});

// ---------------------------------------------------------------------------------- types

export type Project = z.output<typeof project>;
export type ProjectInput = z.input<typeof project>;
export type Experience = z.output<typeof experience>;
export type ExperienceType = Experience["type"];
export type Step = z.output<typeof step>;
export type StepKind = Step["kind"];
export type Cta = z.output<typeof cta>;
export type Trigger = z.output<typeof trigger>;
export type SurveyCondition = z.output<typeof surveyCondition>;
export type SurveyTest = z.output<typeof surveyTest>;
export type Task = z.output<typeof task>;
export type Action = z.output<typeof action>;
export type ActionType = Action["type"];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
export type AudienceCondition = z.output<typeof audienceCondition>;
export type Recurrence = z.output<typeof recurrence>;
export type Persona = z.output<typeof persona>;
export type Post = z.output<typeof post>;
export type Block = z.output<typeof block>;
export type CustomAnswer = z.output<typeof customAnswer>;
export type AutomatedAction = z.output<typeof automatedAction>;
export type Settings = z.output<typeof settings>;

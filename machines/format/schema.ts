// The project-file format (SPEC §1) as one zod schema. Types are inferred from it and the
// committed JSON Schema is generated from it, so the three never drift apart.
// Every field carries a description (`.describe`) written for the product manager who reads
// it in the editor's hover and completion; it changes nothing about what is accepted.
import { z } from "zod";

/** Ids are non-empty strings; uniqueness is checked by the validator (with its place). */
const id = z.string().min(1);

/** The description shared by every action list: where it is, what it does. */
function actions(where: string) {
  return actionList
    .default([])
    .describe(
      `${where}. All of them fire at the same instant, in the seed's nominal order (Go to step, Launch experience, Dismiss, Book Interview, Open Post, Run JavaScript, Navigate to).`,
    );
}

// ---------------------------------------------------------------------------------- actions

const goToStepWords =
  "Go to step: moves to another step of this experience, so a flow can skip ahead, go back or branch.";
export const goToStepAction = z
  .object({
    type: z.literal("goToStep").describe(goToStepWords),
    step: z
      .string()
      .min(1)
      .describe(
        'The step to go to: "next" (the next step; past the last one it completes), "previous" (back to the step the user came from; only on CTA buttons), "complete" (marks the experience completed and closes it) or the id of a step of this experience.',
      ),
  })
  .describe(goToStepWords);
const dismissWords =
  'Dismiss experience: closes it now. The user counts as "has dismissed" (segments, recurrence).';
export const dismissAction = z
  .object({ type: z.literal("dismiss").describe(dismissWords) })
  .describe(dismissWords);
const snoozeWords =
  "Snooze experience: hides it and shows it again later. Only on the first step of a tour, banner or survey.";
export const snoozeAction = z
  .object({
    type: z.literal("snooze").describe(snoozeWords),
    hours: z
      .number()
      .positive()
      .describe("Snooze for: how many hours the experience stays hidden before it may show again."),
    maxTimes: z
      .int()
      .min(1)
      .max(5)
      .describe(
        "Up to: how many times a user may snooze it (1 to 5). After that, the next display no longer offers snooze: it acts as a dismiss.",
      ),
  })
  .describe(snoozeWords);
const launchExperienceWords =
  "Launch experience: starts another experience; the current tour, survey or banner is dismissed.";
export const launchExperienceAction = z
  .object({
    type: z.literal("launchExperience").describe(launchExperienceWords),
    experience: id.describe(
      "The id of the experience to start. It must be live; it respects its own audience and recurrence.",
    ),
  })
  .describe(launchExperienceWords);
const openPostWords = "Open post: opens a changelog post.";
export const openPostAction = z
  .object({
    type: z.literal("openPost").describe(openPostWords),
    post: id.describe('The id of the changelog post to open (one of "posts").'),
  })
  .describe(openPostWords);
const navigateToWords = "Navigate to: sends the user to a page or URL.";
export const navigateToAction = z
  .object({
    type: z.literal("navigateTo").describe(navigateToWords),
    url: z
      .string()
      .min(1)
      .describe(
        "The destination: a path such as /settings/billing or a full URL. {name} is replaced by the user's attribute name (email, username or a custom attribute).",
      ),
    openIn: z
      .enum(["sameTab", "newTab"])
      .default("sameTab")
      .describe(
        "Open in: sameTab replaces the current page (the default); newTab opens a new tab.",
      ),
  })
  .describe(navigateToWords);
const launchAgentWords =
  "Launch agent: opens the AI agent's chat, optionally with a pre-filled message.";
export const launchAgentAction = z
  .object({
    type: z.literal("launchAgent").describe(launchAgentWords),
    message: z
      .string()
      .optional()
      .describe(
        "Optional message the agent answers as soon as it opens. {name} is replaced by the user's attribute name.",
      ),
  })
  .describe(launchAgentWords);
const runJsWords =
  'Run JavaScript code: needs activation by support ("settings.runJsEnabled"), except in resource center blocks.';
export const runJsAction = z
  .object({
    type: z.literal("runJs").describe(runJsWords),
    /** Never executed: kept as text and shown, nothing more. */
    code: z
      .string()
      .describe("The JavaScript code. Flowscope never runs it: it is kept as text and shown."),
    simulate: z
      .object({
        setAttributes: z
          .record(z.string(), z.unknown())
          .optional()
          .describe(
            'User attributes the code would set, e.g. { "discovered": true }; segments then see them.',
          ),
      })
      .optional()
      .describe("What the code would do, for the simulation (the code itself never runs)."),
  })
  .describe(runJsWords);
const bookInterviewWords =
  "Book interview: opens the scheduling widget. Never written by hand: it is fixed on a Book Interview step's primary CTA.";
export const bookInterviewAction = z
  .object({ type: z.literal("bookInterview").describe(bookInterviewWords) })
  .describe(bookInterviewWords);

export const action = z
  .discriminatedUnion("type", [
    launchAgentAction,
    goToStepAction,
    dismissAction,
    launchExperienceAction,
    openPostAction,
    navigateToAction,
    runJsAction,
    snoozeAction,
    bookInterviewAction,
  ])
  .describe("One action; its type says which of the nine.");
export const actionList = z.array(action);

// ------------------------------------------------------------------------------- audience

export const attributeCondition = z
  .object({
    attribute: z
      .string()
      .min(1)
      .describe("The user attribute to test: email, username or a custom attribute such as plan."),
    op: z
      .enum(["eq", "neq", "contains", "exists", "notExists"])
      .describe(
        "How to test it: eq (equals value), neq (differs from value), contains (a text or list contains value), exists, notExists.",
      ),
    value: z
      .unknown()
      .optional()
      .describe("The value to compare with (any JSON value); not needed for exists and notExists."),
  })
  .describe("The user's attribute must pass a test.");
export const experienceCondition = z
  .object({
    experience: id.describe("The id of the experience this condition looks at."),
    has: z
      .enum(["seen", "completed", "dismissed", "snoozed"])
      .describe(
        'What the user must have done with it: seen, completed, dismissed or snoozed (segments such as "Has dismissed").',
      ),
  })
  .describe("The user must have seen, completed, dismissed or snoozed another experience.");
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
  id: id.describe("The CTA button's id, unique within its step."),
  label: z.string().describe("The text on the button."),
  actions: actions("What clicking the button does"),
});

export const trigger = z.object({
  id: id.describe("The progress trigger's id, unique within its step."),
  on: z
    .union([
      z
        .object({
          click: z
            .string()
            .min(1)
            .describe("A CSS selector: the trigger fires when the user clicks that element."),
        })
        .strict(),
      z
        .object({
          url: z
            .string()
            .min(1)
            .describe(
              "A page pattern (* matches anything): the trigger fires when the user reaches a matching page.",
            ),
        })
        .strict(),
    ])
    .describe('What sets it off: { "click": "<CSS selector>" } or { "url": "<page pattern>" }.'),
  actions: actions("What the trigger does when it fires"),
});

/** One operator per condition; which operators fit which step kind is the validator's rule. */
export const surveyTest = z.union([
  z
    .object({
      between: z
        .tuple([z.number(), z.number()])
        .describe("nps, scale: the answer is from a to b, both included, e.g. [9, 10]."),
    })
    .strict(),
  z.object({ equals: z.number().describe("nps, scale: the answer is exactly this.") }).strict(),
  z.object({ lt: z.number().describe("nps, scale: the answer is below this.") }).strict(),
  z.object({ gt: z.number().describe("nps, scale: the answer is above this.") }).strict(),
  z
    .object({
      anyOf: z
        .array(z.string())
        .describe("choice, multiChoice: the user picked at least one of these options."),
    })
    .strict(),
  z
    .object({
      noneOf: z
        .array(z.string())
        .describe("choice, multiChoice: the user picked none of these options."),
    })
    .strict(),
  z
    .object({
      allOf: z
        .array(z.string())
        .describe("choice, multiChoice: the user picked every one of these options."),
    })
    .strict(),
  z
    .object({
      filled: z.boolean().describe("text: true if the user wrote something, false if not."),
    })
    .strict(),
  z.object({ contains: z.string().describe("text: the answer contains this text.") }).strict(),
]);

export const surveyCondition = z.object({
  id: id.describe("The condition's id, unique within its step."),
  if: surveyTest.describe(
    "The test on the answer, one operator: between, equals, lt, gt (nps, scale); anyOf, noneOf, allOf (choice, multiChoice); filled, contains (text).",
  ),
  actions: actions("What happens when the answer passes the test"),
});

export const question = z.union([
  z.object({
    text: z.string().optional().describe("The question as the user reads it."),
    min: z.int().describe("The lowest answer (nps: 0)."),
    max: z.int().describe("The highest answer (nps: 10)."),
    minLabel: z
      .string()
      .optional()
      .describe('The label under the lowest answer, e.g. "Not likely".'),
    maxLabel: z
      .string()
      .optional()
      .describe('The label under the highest answer, e.g. "Very likely".'),
  }),
  z.object({
    text: z.string().optional().describe("The question as the user reads it."),
    options: z
      .array(z.string())
      .min(1)
      .describe("The options the user picks from (choice: one, multiChoice: any)."),
  }),
  z.object({
    text: z.string().optional().describe("The question as the user reads it."),
    placeholder: z.string().optional().describe("The hint shown in the empty answer box."),
  }),
]);

export const booking = z.object({
  provider: z
    .enum(["calendly", "googleCalendar", "zcal"])
    .describe("The scheduling tool: calendly, googleCalendar or zcal."),
  link: z.string().min(1).describe("The scheduling link, e.g. https://calendly.com/acme/15min."),
});

export const step = z.object({
  id: id.describe("The step's id, unique within its experience; Go to step actions name it."),
  name: z.string().optional().describe("A name for the step, shown in Flowscope."),
  kind: z
    .enum(stepKinds)
    .describe(
      "What the step is. Tour: modal, tooltip, snippet, badge, cursor. Survey: nps, scale, choice, multiChoice, text, bookInterview, message. Banner: banner. Hint: hint.",
    ),
  /** Plain text shown to the user; never rendered as HTML. */
  title: z.string().optional().describe("The step's title, shown as plain text."),
  body: z.string().optional().describe("The step's text, shown as plain text."),
  target: z
    .string()
    .optional()
    .describe(
      "A CSS selector: the element the step points at (tooltip, badge, cursor, hint), e.g. #billing-link.",
    ),
  ctas: z.array(cta).default([]).describe("The step's CTA buttons; the first is the primary one."),
  /** Omitted: the seed's default, a dismiss (see semantics.ts). */
  closingCross: actionList
    .optional()
    .describe(
      "What the closing cross (X) does. Left out: it dismisses. On the first step of a tour, banner or survey it may snooze instead.",
    ),
  triggers: z
    .array(trigger)
    .default([])
    .describe("Progress triggers: a click on an element or a page reached moves the flow on."),
  question: question
    .optional()
    .describe(
      'A survey step\'s question: { "min": 0, "max": 10 } (nps, scale), { "options": ["A", "B"] } (choice, multiChoice) or { "placeholder": "…" } (text).',
    ),
  conditions: z
    .array(surveyCondition)
    .default([])
    .describe(
      "Survey conditions, tried in order on the answer: the first that holds fires its actions.",
    ),
  /** Omitted: the seed's default, "Go to step: Next step" (see semantics.ts). */
  fallback: actionList
    .optional()
    .describe(
      'What happens when no condition holds. Left out: "Go to step: Next step" (the seed\'s default).',
    ),
  booking: booking
    .optional()
    .describe("A Book Interview step's scheduling: the provider and the link."),
});

export const task = z.object({
  id: id.describe("The task's id, unique within its checklist."),
  label: z.string().describe('The task as the user reads it, e.g. "Connect your CRM".'),
  actions: actions("What clicking the task does (it is then marked done)"),
});

// ---------------------------------------------------------------------------- experiences

export const experienceTypes = ["tour", "survey", "banner", "hint", "checklist"] as const;

export const recurrence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("once").describe("once: never again once it ended (the default).") }),
  z.object({
    kind: z.literal("every").describe("every: again some hours after it last ended."),
    hours: z.number().positive().describe("How many hours after it last ended it may show again."),
  }),
  z.object({ kind: z.literal("always").describe("always: whenever the rest allows.") }),
]);

export const showOn = z.object({
  trigger: z
    .enum(["auto", "manual"])
    .describe(
      'auto: shown when the user is on one of its pages; manual: "No automatic trigger", only an action or the SDK starts it.',
    ),
  urls: z
    .array(z.string())
    .default([])
    .describe("The pages it shows on, as patterns: * matches anything, e.g. /billing*."),
});

export const experience = z.object({
  id: id.describe(
    "The experience's id, unique in the project; launch actions and segments name it.",
  ),
  name: z.string().optional().describe("A name for the experience, shown in Flowscope."),
  type: z.enum(experienceTypes).describe("What it is: tour, survey, banner, hint or checklist."),
  status: z
    .enum(["live", "draft"])
    .describe("live or draft: only live experiences can be launched or shown."),
  showOn: showOn
    .default({ trigger: "manual", urls: [] })
    .describe("Show on: automatically on some pages, or only when launched."),
  audience: z
    .array(audienceCondition)
    .default([])
    .describe("Who sees it: every condition must hold; empty means everyone."),
  recurrence: recurrence
    .default({ kind: "once" })
    .describe(
      'How often it may show again: { "kind": "once" } (the default), { "kind": "every", "hours": 168 } or { "kind": "always" }.',
    ),
  steps: z
    .array(step)
    .default([])
    .describe("The steps of a tour, survey, banner or hint, in order."),
  tasks: z.array(task).default([]).describe("A checklist's tasks."),
  checklist: z
    .object({
      order: z
        .enum(["any", "inOrder"])
        .default("any")
        .describe("any: tasks in any order; inOrder: only the first task not done can be clicked."),
    })
    .default({ order: "any" })
    .describe("A checklist's settings."),
  ignoreRateLimit: z
    .boolean()
    .default(false)
    .describe("true: shown even when the project's rate limit has been reached."),
});

// -------------------------------------------------------------------------------- project

export const persona = z.object({
  id: id.describe("The persona's id: a sample user to preview flows as."),
  name: z.string().optional().describe("A name for the persona, shown in Flowscope."),
  attributes: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('The user\'s attributes, e.g. { "email": "ana@acme.io", "plan": "pro" }.'),
});

export const post = z.object({
  id: id.describe("The changelog post's id, unique in the project; Open post actions name it."),
  title: z.string().describe("The post's title."),
  body: z.string().optional().describe("The post's text."),
  cta: z
    .object({
      label: z.string().describe("The text on the post's button."),
      actions: actions("What clicking the post's button does"),
    })
    .optional()
    .describe("The post's CTA button."),
});

export const block = z.object({
  id: id.describe("The resource center block's id, unique in the project."),
  label: z.string().describe("The block's text."),
  actions: actions("What clicking the block does"),
});

export const customAnswer = z.object({
  id: id.describe("The custom answer's id, unique in the project."),
  match: z
    .string()
    .min(1)
    .describe("Text that, found in a message to the agent (case ignored), selects this answer."),
  answer: z.string().describe("What the agent answers."),
  actions: actions("What the agent does with the answer"),
});
export const automatedAction = z.object({
  id: id.describe("The automated action's id, unique in the project."),
  match: z
    .string()
    .min(1)
    .describe("Text that, found in a message to the agent (case ignored), fires these actions."),
  actions: actions("What the agent does"),
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
  runJsEnabled: z
    .boolean()
    .default(false)
    .describe("Run JavaScript is activated by support for this project (false by default)."),
  latencyMs: z
    .partialRecord(z.enum(latencyKeys), z.number().min(0))
    .default({})
    .describe(
      'How long an action takes to land, in ms, per action type, e.g. { "navigateTo": 400 }; navigateToNewTab for a new-tab navigation.',
    ),
  rateLimit: z
    .object({
      max: z.int().min(1).describe("At most this many experiences shown…"),
      hours: z.number().positive().describe("…in this many hours (a rolling window)."),
    })
    .optional()
    .describe("A limit on how many experiences a user sees in a time window."),
});

export const project = z.object({
  $schema: z.string().optional().describe("Where the JSON Schema of this file is."),
  version: z.literal(1).describe("The file format's version: 1."),
  settings: settings
    .default({ runJsEnabled: false, latencyMs: {} })
    .describe("Project settings: Run JavaScript activation, action latencies, the rate limit."),
  experiences: z
    .array(experience)
    .default([])
    .describe("The tours, surveys, banners, hints and checklists."),
  personas: z
    .array(persona)
    .default([])
    .describe("Sample users to preview flows as, with their attributes."),
  posts: z.array(post).default([]).describe("Changelog posts."),
  resourceCenter: z
    .object({
      blocks: z.array(block).default([]).describe("The resource center's action blocks."),
    })
    .default({ blocks: [] })
    .describe("The resource center."),
  agent: z
    .object({
      customAnswers: z
        .array(customAnswer)
        .default([])
        .describe("Answers the agent gives when a message contains their text."),
      automatedActions: z
        .array(automatedAction)
        .default([])
        .describe("Actions the agent fires when a message contains their text."),
    })
    .default({ customAnswers: [], automatedActions: [] })
    .describe("The AI agent: its custom answers and automated actions."),
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

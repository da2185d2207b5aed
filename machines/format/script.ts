// The CLI's script (input), result (output) and recording formats (SPEC §4).
// Scripts and recordings are strict: an unknown key is an error, never dropped, so a typo
// such as "stpes" or "expcet" cannot turn a recording into one that checks nothing.
import { z } from "zod";

const settle = { settle: z.boolean().optional(), experience: z.string().optional() };

export const scriptStep = z.discriminatedUnion("do", [
  z.strictObject({ do: z.literal("launch"), experience: z.string().min(1), settle: settle.settle }),
  z.strictObject({ do: z.literal("click"), cta: z.string().min(1), ...settle }),
  z.strictObject({
    do: z.literal("answer"),
    value: z.union([z.number(), z.string(), z.array(z.string())]),
    ...settle,
  }),
  z.strictObject({ do: z.literal("close"), ...settle }),
  z.strictObject({ do: z.literal("navigate"), url: z.string().min(1), settle: settle.settle }),
  z.strictObject({
    do: z.literal("clickElement"),
    selector: z.string().min(1),
    settle: settle.settle,
  }),
  z.strictObject({ do: z.literal("advance"), hours: z.number().min(0), settle: settle.settle }),
  z.strictObject({
    do: z.literal("task"),
    experience: z.string().min(1),
    task: z.string().min(1),
    settle: settle.settle,
  }),
  z.strictObject({ do: z.literal("openPost"), post: z.string().min(1), settle: settle.settle }),
  z.strictObject({ do: z.literal("clickPostCta"), post: z.string().min(1), settle: settle.settle }),
  z.strictObject({ do: z.literal("clickBlock"), block: z.string().min(1), settle: settle.settle }),
  z.strictObject({ do: z.literal("askAgent"), message: z.string(), settle: settle.settle }),
]);

export const script = z.strictObject({
  user: z
    .strictObject({
      id: z.string().default("u1"),
      attributes: z.record(z.string(), z.unknown()).default({}),
    })
    .default({ id: "u1", attributes: {} }),
  start: z
    .strictObject({
      url: z.string().default("/"),
      at: z.iso.datetime({ offset: true }).default("2026-01-05T09:00:00Z"),
    })
    .default({ url: "/", at: "2026-01-05T09:00:00Z" }),
  steps: z.array(scriptStep).default([]),
});

export type Script = z.output<typeof script>;
export type ScriptInput = z.input<typeof script>;
export type ScriptStep = z.output<typeof scriptStep>;

// ----------------------------------------------------------------------------- result

export type ExperienceStatus = "idle" | "active" | "completed" | "dismissed" | "snoozed";

export interface ExperienceResult {
  status: ExperienceStatus;
  /** null unless active (always null for a checklist) */
  step: string | null;
  /** every step entered, in order, repeats kept */
  visited: string[];
  /** times shown (each experience.shown) */
  views: number;
  snoozeCount: number;
  /** checklists: tasks done, in order */
  tasksDone: string[];
}

export type Effect =
  | { type: "navigateTo"; url: string; openIn: "sameTab" | "newTab" }
  | { type: "launchAgent"; message: string }
  | { type: "openPost"; post: string }
  | { type: "bookInterview"; provider: string; link: string }
  | { type: "runJs"; experience?: string; step?: string; block?: string };

export interface Reason {
  code: "notLive" | "audience" | "recurrence" | "snoozed" | "rateLimited" | "flowOnScreen" | "page";
  message: string;
}

/** One trace entry; `at` is simulated ms since the script's start. Other keys by type. */
export interface TraceEntry {
  at: number;
  type: string;
  experience?: string;
  [key: string]: unknown;
}

export interface Warning {
  code: string;
  message: string;
  [key: string]: unknown;
}

export interface Result {
  experiences: Record<string, ExperienceResult>;
  page: { url: string };
  tabs: string[];
  effects: Effect[];
  trace: TraceEntry[];
  warnings: Warning[];
}

// -------------------------------------------------------------------------- recording

export const recording = z.strictObject({
  $schema: z.string().optional(),
  /** Path of the project file, relative to the recording file. */
  project: z.string().min(1),
  script,
  /**
   * A subset of the Result (SPEC §4 matching rules). Required: a recording that checks
   * nothing says so with `"expect": {}`.
   */
  expect: z.record(z.string(), z.unknown(), {
    error: (issue) =>
      issue.input === undefined
        ? 'missing: a recording checks its "expect"; write "expect": {} to check nothing on purpose'
        : undefined,
  }),
});
export type Recording = z.output<typeof recording>;

// "Why isn't it shown?" (issue 5, item 3): for one experience in the world a script leaves,
// every condition that keeps it off screen (page, audience, recurrence, snooze, rate limit,
// flow on screen, not live) and, for each, the smallest change that would lift it: "set plan
// to enterprise", "wait 13 h 20 min", "open a page that matches /app/*".

import { findExperience } from "../compile/machine-config.ts";
import { conditionHolds } from "../engine/audience.ts";
import { launchReasons, showReasons } from "../engine/eligibility.ts";
import { createSimulation } from "../engine/simulation.ts";
import type { WorldState } from "../engine/types.ts";
import type { AudienceCondition, Experience, Project } from "../format/schema.ts";
import type { Reason, Script } from "../format/script.ts";
import { isSequential } from "../model/experience.ts";
import { matchesAny } from "../model/glob.ts";
import { hoursToMs } from "../model/time.ts";

export interface Fix {
  /** The smallest change, in words: "set plan to enterprise", "wait 13 h 20 min". */
  text: string;
  /** The same as data, for a UI to apply. */
  change:
    | { kind: "setAttribute"; attribute: string; value: unknown }
    | { kind: "removeAttribute"; attribute: string }
    | { kind: "wait"; ms: number }
    | { kind: "openPage"; pattern: string; url: string }
    | { kind: "publish" }
    | { kind: "launch" }
    | {
        kind: "experience";
        experience: string;
        has: AudienceCondition extends infer _ ? string : never;
      }
    | { kind: "closeFlow"; experience: string }
    | { kind: "project"; field: string; value: unknown };
}

/** What holds the screen for a `flowOnScreen` reason (so a UI need not read `message`). */
export type ScreenHolder =
  | { by: "itself" }
  | { by: "flows"; experiences: string[] }
  | { by: "launch" };

export interface WhyReason extends Reason {
  fixes: Fix[];
  /** `flowOnScreen` only: the experience itself, other flows on screen, or a launched flow
   *  about to render. */
  screen?: ScreenHolder;
}

export interface WhyReport {
  experience: string;
  /** Simulated ms since the script's start. */
  at: number;
  page: string;
  status: string;
  /** It is on screen now. */
  onScreen: boolean;
  /** Automatic (page-triggered) or only launched. */
  trigger: "auto" | "manual";
  /** Every failing condition; empty when it would show (or is on screen). */
  reasons: WhyReason[];
}

/** "13 h 20 min" (rounded up to the minute; seconds below one minute). */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} s`;
  const minutes = Math.ceil(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} d` : "", hours ? `${hours} h` : "", rest ? `${rest} min` : ""];
  return parts.filter(Boolean).join(" ");
}

function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function waitFix(ms: number): Fix {
  return { text: `wait ${formatDuration(ms)}`, change: { kind: "wait", ms } };
}

/** A URL a page pattern matches: its `*` removed (SPEC §1: `*` may match nothing). */
function urlFor(pattern: string): string {
  return pattern.split("*").join("");
}

// --------------------------------------------------------------------------- per reason

function pageReason(experience: Experience, world: WorldState): WhyReason[] {
  if (experience.showOn.trigger === "manual") {
    return [
      {
        code: "page",
        message: `"${experience.id}" has no automatic trigger: only an action or the SDK launches it`,
        fixes: [{ text: `launch it (an action or the SDK's launch)`, change: { kind: "launch" } }],
      },
    ];
  }
  if (matchesAny(experience.showOn.urls, world.page)) return [];
  const urls = experience.showOn.urls;
  const fixes: Fix[] = urls.map((pattern) => ({
    text: `open a page that matches ${pattern}`,
    change: { kind: "openPage", pattern, url: urlFor(pattern) },
  }));
  if (urls.length === 0) {
    fixes.push({
      text: "add a page pattern to showOn.urls (it has none, so no page shows it)",
      change: { kind: "project", field: "showOn.urls", value: [world.page] },
    });
  }
  return [
    {
      code: "page",
      message: `page ${world.page} matches none of ${JSON.stringify(urls)}`,
      fixes,
    },
  ];
}

function audienceFix(condition: AudienceCondition): Fix {
  if (!("attribute" in condition)) {
    const verb = { seen: "see", completed: "complete", dismissed: "dismiss", snoozed: "snooze" }[
      condition.has
    ];
    return {
      text: `${verb} "${condition.experience}" first`,
      change: { kind: "experience", experience: condition.experience, has: condition.has },
    };
  }
  const name = condition.attribute;
  switch (condition.op) {
    case "eq":
      return {
        text: `set ${name} to ${valueText(condition.value)}`,
        change: { kind: "setAttribute", attribute: name, value: condition.value },
      };
    case "neq":
      return {
        text: `remove ${name} (or set it to anything but ${valueText(condition.value)})`,
        change: { kind: "removeAttribute", attribute: name },
      };
    case "contains":
      return {
        text: `set ${name} to contain ${valueText(condition.value)}`,
        change: {
          kind: "setAttribute",
          attribute: name,
          value: typeof condition.value === "string" ? condition.value : [condition.value],
        },
      };
    case "exists":
      return {
        text: `set ${name} (any value)`,
        change: { kind: "setAttribute", attribute: name, value: true },
      };
    case "notExists":
      return { text: `remove ${name}`, change: { kind: "removeAttribute", attribute: name } };
  }
}

function audienceReasons(experience: Experience, world: WorldState, reason: Reason): WhyReason[] {
  const failing = experience.audience.filter((c) => !conditionHolds(c, world));
  return [{ ...reason, fixes: failing.map(audienceFix) }];
}

function recurrenceFixes(experience: Experience, world: WorldState): Fix[] {
  const state = world.experiences[experience.id];
  const rule = experience.recurrence;
  if (rule.kind === "every") {
    const ended = Math.max(state.completedAt ?? -1, state.dismissedAt ?? -1);
    return [waitFix(ended + hoursToMs(rule.hours) - world.now)];
  }
  return [
    {
      text: "nothing this user can do: recurrence once has run; set recurrence to every or always",
      change: { kind: "project", field: "recurrence", value: { kind: "always" } },
    },
  ];
}

/** When enough shows have left the rolling window for one more. */
function rateLimitWait(project: Project, world: WorldState): number {
  const limit = project.settings.rateLimit;
  if (!limit) return 0;
  const windowMs = hoursToMs(limit.hours);
  const inWindow = world.rateLog.filter((at) => at > world.now - windowMs).sort((a, b) => a - b);
  const mustLeave = inWindow.length - limit.max + 1;
  const last = inWindow[mustLeave - 1];
  return last === undefined ? 0 : last + windowMs - world.now;
}

function screenHolder(experience: Experience, project: Project, world: WorldState): ScreenHolder {
  if (world.experiences[experience.id].status === "active") return { by: "itself" };
  const flows = project.experiences
    .filter(
      (e) =>
        e.id !== experience.id && isSequential(e) && world.experiences[e.id].status === "active",
    )
    .map((e) => e.id);
  return flows.length > 0 ? { by: "flows", experiences: flows } : { by: "launch" };
}

function flowOnScreenFixes(experience: Experience, project: Project, world: WorldState): Fix[] {
  const others = project.experiences.filter(
    (e) =>
      isSequential(e) &&
      world.experiences[e.id].status === "active" &&
      (e.id !== experience.id || experience.showOn.trigger === "manual"),
  );
  if (others.length === 0) {
    return [
      { text: "wait for the launched flow about to show to end", change: { kind: "wait", ms: 0 } },
    ];
  }
  return others.map((e) => ({
    text: `close "${e.id}" first (it is on screen)`,
    change: { kind: "closeFlow", experience: e.id },
  }));
}

function withFixes(
  reason: Reason,
  experience: Experience,
  project: Project,
  world: WorldState,
): WhyReason[] {
  switch (reason.code) {
    case "notLive":
      return [
        { ...reason, fixes: [{ text: "publish it (status live)", change: { kind: "publish" } }] },
      ];
    case "audience":
      return audienceReasons(experience, world, reason);
    case "recurrence":
      return [{ ...reason, fixes: recurrenceFixes(experience, world) }];
    case "snoozed": {
      const until = world.experiences[experience.id].snoozedUntil ?? world.now;
      return [{ ...reason, fixes: [waitFix(until - world.now)] }];
    }
    case "rateLimited":
      return [
        {
          ...reason,
          fixes: [
            waitFix(rateLimitWait(project, world)),
            {
              text: "or set ignoreRateLimit",
              change: { kind: "project", field: "ignoreRateLimit", value: true },
            },
          ],
        },
      ];
    case "flowOnScreen":
      return [
        {
          ...reason,
          fixes: flowOnScreenFixes(experience, project, world),
          screen: screenHolder(experience, project, world),
        },
      ];
    default:
      return [{ ...reason, fixes: [] }];
  }
}

/** Every reason `experience` is not shown in `world` (empty: it is, or it would be). */
export function whyNotShown(project: Project, experienceId: string, world: WorldState): WhyReport {
  const experience = findExperience(project, experienceId);
  const state = world.experiences[experience.id];
  const onScreen = state.status === "active";
  const base = {
    experience: experience.id,
    at: world.now,
    page: world.page,
    status: state.status,
    onScreen,
    trigger: experience.showOn.trigger,
  };
  if (onScreen) return { ...base, reasons: [] };
  const engineReasons =
    experience.showOn.trigger === "auto"
      ? showReasons(experience, project, world, undefined)
      : launchReasons(experience, project, world);
  const reasons = [
    ...pageReason(experience, world),
    ...engineReasons.flatMap((r) => withFixes(r, experience, project, world)),
  ];
  return { ...base, reasons };
}

/** Runs the script (throws ScriptStepError like `simulate`) and explains at its end. */
export function whyAfterScript(project: Project, experienceId: string, script: Script): WhyReport {
  findExperience(project, experienceId);
  const simulation = createSimulation(project, { user: script.user, start: script.start });
  for (const step of script.steps) simulation.run(step);
  return whyNotShown(project, experienceId, simulation.world() as WorldState);
}

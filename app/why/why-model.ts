// "Why not shown?" for the preview (issue 5, item 5): the headless report
// (machines/explore/why.ts) in plain words a product manager reads, with the snooze's time
// left, and for each fix the session change that applies it from the UI (or none when the fix
// is an edit of the project). Pure: the panel only draws this.
import { unsafeScheme } from "../../machines/actions/index.ts";
import { conditionHolds, type WorldState } from "../../machines/engine/index.ts";
import {
  type Fix,
  formatDuration,
  type ScreenHolder,
  type WhyReason,
  whyNotShown,
} from "../../machines/explore/index.ts";
import type {
  AudienceCondition,
  Experience,
  Project,
  Reason,
  ScriptStep,
} from "../../machines/format/index.ts";
import { formatInstant } from "../preview/clock.ts";
import type { SessionSetup } from "../session/types.ts";
import { formatHours } from "../timeline/duration.ts";

const hourMs = 3_600_000;

/** How the UI applies a fix: one script step, or a new setup (which restarts the session). */
export type ApplyPlan =
  | { kind: "run"; step: ScriptStep; title: string }
  | { kind: "setup"; setup: SessionSetup; title: string };

interface FixView {
  text: string;
  /** Null when the fix is not a session change (edit the project, drive another flow). */
  apply: ApplyPlan | null;
  /** Without an Apply: what to do instead, in a word and in a sentence (its tooltip). */
  note: FixNote | null;
}

export interface FixNote {
  label: string;
  title: string;
}

export interface ReasonView {
  code: Reason["code"];
  /** A few words: "Snoozed", "Not on this page". */
  title: string;
  /** The reason in a sentence, from the project and the world. */
  detail: string;
  /** The engine's own message (shown as a tooltip: exact figures). */
  message: string;
  fixes: FixView[];
}

interface SnoozeLeft {
  /** Simulated ms until the snooze runs out (derived from world time: it ticks with it). */
  ms: number;
  text: string;
  /** The instant it runs out, in words (UTC). */
  until: string;
}

export interface WhyView {
  experience: string;
  name: string;
  type: Experience["type"];
  status: string;
  onScreen: boolean;
  /** The step on screen, when it is. */
  step: string | null;
  reasons: ReasonView[];
  snooze: SnoozeLeft | null;
  /** Not on screen and nothing keeps it off: it shows at the next show check. */
  wouldShow: boolean;
  /** Applies the "reload this page" check when `wouldShow`. */
  recheck: ApplyPlan | null;
}

const titles: Record<Reason["code"], string> = {
  page: "Not on this page",
  notLive: "Not live",
  audience: "Not in its audience",
  recurrence: "Recurrence",
  snoozed: "Snoozed",
  rateLimited: "Rate limit reached",
  flowOnScreen: "Another flow is on screen",
};

function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function nameOf(project: Project, id: string): string {
  const experience = project.experiences.find((e) => e.id === id);
  return experience?.name ?? id;
}

/** One failing audience condition in words: "plan is pro, it must be enterprise". */
export function conditionWords(
  condition: AudienceCondition,
  world: WorldState,
  project: Project,
): string {
  if (!("attribute" in condition)) {
    return `has not ${condition.has} “${nameOf(project, condition.experience)}”`;
  }
  const name = condition.attribute;
  const present = Object.hasOwn(world.user.attributes, name);
  const now = present ? `${name} is ${valueText(world.user.attributes[name])}` : `${name} is unset`;
  switch (condition.op) {
    case "eq":
      return `${now}, it must be ${valueText(condition.value)}`;
    case "neq":
      return `${now}, it must not be`;
    case "contains":
      return `${now}, it must contain ${valueText(condition.value)}`;
    case "exists":
      return `${name} is unset, it must be set`;
    case "notExists":
      return `${now}, it must be unset`;
  }
}

function rateCount(project: Project, world: WorldState): { count: number; hours: number } {
  const limit = project.settings.rateLimit;
  if (!limit) return { count: 0, hours: 0 };
  const since = world.now - Math.round(limit.hours * hourMs);
  return { count: world.rateLog.filter((at) => at > since).length, hours: limit.hours };
}

function endedHow(experience: Experience, world: WorldState): string {
  return world.experiences[experience.id].completedAt !== null ? "completed" : "dismissed";
}

/** The reason in a sentence (never HTML: the panel renders it as text). */
export function reasonDetail(
  reason: WhyReason,
  experience: Experience,
  project: Project,
  world: WorldState,
): string {
  switch (reason.code) {
    case "page":
      return experience.showOn.trigger === "manual"
        ? "It has no automatic trigger: only an action or the SDK's launch shows it."
        : `This page, ${world.page}, matches none of its pages (${experience.showOn.urls.join(", ") || "none"}).`;
    case "notLive":
      return `It is ${experience.status}: only live experiences show.`;
    case "audience": {
      const failing = experience.audience.filter((c) => !conditionHolds(c, world));
      return `This user is not in its audience: ${failing.map((c) => conditionWords(c, world, project)).join("; ")}.`;
    }
    case "recurrence":
      return experience.recurrence.kind === "every"
        ? `It shows again ${formatHours(experience.recurrence.hours)} after it ended; the user ${endedHow(experience, world)} it.`
        : `It shows once, and the user already ${endedHow(experience, world)} it.`;
    case "snoozed": {
      const count = world.experiences[experience.id].snoozeCount;
      return `The user snoozed it (${count} time${count === 1 ? "" : "s"}).`;
    }
    case "rateLimited": {
      const { count, hours } = rateCount(project, world);
      const max = project.settings.rateLimit?.max ?? 0;
      return `${count} experience${count === 1 ? "" : "s"} shown in the last ${formatHours(hours)}; the project allows ${max}.`;
    }
    case "flowOnScreen":
      return screenDetail(reason.screen, project);
  }
}

const oneAtATime = "Only one tour, survey or banner is on screen at a time";

/** Who holds the screen, from the report's structured field (never its message text). */
function screenDetail(screen: ScreenHolder | undefined, project: Project): string {
  switch (screen?.by) {
    case "itself":
      return "It is already on screen.";
    case "flows": {
      const names = screen.experiences.map((id) => `“${nameOf(project, id)}”`).join(", ");
      return `${oneAtATime}, and ${names} ${screen.experiences.length === 1 ? "is" : "are"}.`;
    }
    case "launch":
      return `${oneAtATime}, and a launched flow is about to show.`;
    default:
      return `${oneAtATime}.`;
  }
}

function withAttributes(
  setup: SessionSetup,
  change: (attributes: Record<string, unknown>) => void,
): SessionSetup {
  const attributes = structuredClone(setup.user.attributes);
  change(attributes);
  return { ...setup, personaId: null, user: { ...setup.user, attributes } };
}

const restartNote = "restarts the session (the steps so far are cleared)";

/** The session change that applies a fix, or null when the UI cannot apply it. */
export function applyPlan(fix: Fix, experience: Experience, setup: SessionSetup): ApplyPlan | null {
  const change = fix.change;
  switch (change.kind) {
    case "wait":
      if (change.ms <= 0) return null;
      return {
        kind: "run",
        step: { do: "advance", hours: change.ms / hourMs },
        title: `Advance the clock by ${formatDuration(change.ms)}`,
      };
    case "openPage": {
      const url = change.url === "" ? "/" : change.url;
      if (unsafeScheme(url)) return null;
      return { kind: "run", step: { do: "navigate", url }, title: `Go to ${url}` };
    }
    case "setAttribute":
      return {
        kind: "setup",
        setup: withAttributes(setup, (a) => {
          a[change.attribute] = change.value;
        }),
        title: `Set ${change.attribute} to ${valueText(change.value)}: ${restartNote}`,
      };
    case "removeAttribute":
      return {
        kind: "setup",
        setup: withAttributes(setup, (a) => {
          delete a[change.attribute];
        }),
        title: `Remove ${change.attribute}: ${restartNote}`,
      };
    case "launch":
      return {
        kind: "run",
        step: { do: "launch", experience: experience.id },
        title: `Launch “${experience.name ?? experience.id}” as the SDK would`,
      };
    case "closeFlow":
      return {
        kind: "run",
        step: { do: "close", experience: change.experience },
        title: `Close “${change.experience}” with its closing cross`,
      };
    default:
      // publish, project settings, another experience's history: edits, not session steps.
      return null;
  }
}

/** Why a fix has no Apply, in words: it happens by itself, it is done in another flow, its
 *  page is refused, or it is an edit of the project. Null when the fix has an Apply. */
export function fixNote(fix: Fix, apply: ApplyPlan | null, project: Project): FixNote | null {
  if (apply) return null;
  const change = fix.change;
  switch (change.kind) {
    case "wait":
      // A wait of nothing: the launched flow about to show must end first, and it will.
      return { label: "by itself", title: "Happens by itself once the launched flow ends" };
    case "experience":
      return {
        label: "in its flow",
        title: `Play “${nameOf(project, change.experience)}” in the preview first`,
      };
    case "openPage":
      return { label: "refused", title: `${change.url} is not a page the preview opens` };
    default:
      return { label: "edit", title: "Edit the project to apply this" };
  }
}

/** The Apply button's accessible name: its visible words and what it does. */
export function applyLabel(plan: ApplyPlan): string {
  return `${plan.kind === "setup" ? "Apply & restart" : "Apply"}: ${plan.title}`;
}

function snoozeLeft(experience: Experience, world: WorldState): SnoozeLeft | null {
  const until = world.experiences[experience.id].snoozedUntil;
  if (until === null || until <= world.now) return null;
  const ms = until - world.now;
  return {
    ms,
    text: formatDuration(ms),
    until: formatInstant(world.startEpochMs + until),
  };
}

/** The panel's view of one experience at the session's cursor; null when it does not exist. */
export function whyView(
  project: Project,
  experienceId: string,
  world: WorldState,
  setup: SessionSetup,
): WhyView | null {
  const experience = project.experiences.find((e) => e.id === experienceId);
  if (!experience || !world.experiences[experienceId]) return null;
  const report = whyNotShown(project, experienceId, world);
  const reasons = report.reasons.map((reason) => ({
    code: reason.code,
    title: titles[reason.code],
    detail: reasonDetail(reason, experience, project, world),
    message: reason.message,
    fixes: reason.fixes.map((fix) => {
      const apply = applyPlan(fix, experience, setup);
      return { text: fix.text, apply, note: fixNote(fix, apply, project) };
    }),
  }));
  const wouldShow = !report.onScreen && reasons.length === 0;
  return {
    experience: experience.id,
    name: experience.name ?? experience.id,
    type: experience.type,
    status: report.status,
    onScreen: report.onScreen,
    step: world.experiences[experienceId].step,
    reasons,
    snooze: reasons.some((r) => r.code === "snoozed") ? snoozeLeft(experience, world) : null,
    wouldShow,
    recheck: wouldShow
      ? { kind: "run", step: { do: "navigate", url: world.page }, title: "Reload this page" }
      : null,
  };
}

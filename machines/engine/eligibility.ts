// Why an experience may not be shown (SPEC §3.1) or launched (§3.2): every failing
// condition, with the SPEC's reason codes.
import type { Experience, Project } from "../format/schema.ts";
import type { Reason } from "../format/script.ts";
import { isSequential } from "../model/experience.ts";
import { hoursToMs } from "../model/time.ts";
import { audienceFailures } from "./audience.ts";
import type { WorldState } from "./types.ts";

function notLive(experience: Experience): Reason[] {
  return experience.status === "live"
    ? []
    : [{ code: "notLive", message: `"${experience.id}" is ${experience.status}, not live` }];
}

function audience(experience: Experience, world: WorldState): Reason[] {
  const failing = audienceFailures(experience.audience, world);
  return failing.length === 0
    ? []
    : [{ code: "audience", message: `audience does not hold: ${failing.join("; ")}` }];
}

function recurrence(experience: Experience, world: WorldState): Reason[] {
  const state = world.experiences[experience.id];
  const rule = experience.recurrence;
  const ended = Math.max(state.completedAt ?? -1, state.dismissedAt ?? -1);
  if (ended < 0 || rule.kind === "always") return [];
  if (rule.kind === "once") {
    const how = state.completedAt !== null ? "completed" : "dismissed";
    return [{ code: "recurrence", message: `recurrence once: already ${how}` }];
  }
  const again = ended + hoursToMs(rule.hours);
  if (world.now >= again) return [];
  return [
    {
      code: "recurrence",
      message: `recurrence every ${rule.hours}h: shows again at ${again} ms (now ${world.now} ms)`,
    },
  ];
}

function snoozed(experience: Experience, world: WorldState): Reason[] {
  const until = world.experiences[experience.id].snoozedUntil;
  if (until === null || world.now >= until) return [];
  return [{ code: "snoozed", message: `snoozed until ${until} ms (now ${world.now} ms)` }];
}

/** Shows in the rolling window (SPEC §3.1) among experiences that do not ignore the limit. */
function rateLimited(experience: Experience, project: Project, world: WorldState): Reason[] {
  const limit = project.settings.rateLimit;
  if (!limit || experience.ignoreRateLimit) return [];
  const since = world.now - hoursToMs(limit.hours);
  const count = world.rateLog.filter((at) => at > since).length;
  if (count < limit.max) return [];
  return [
    {
      code: "rateLimited",
      message: `rate limit: ${count} shown in the last ${limit.hours}h (max ${limit.max})`,
    },
  ];
}

/** The tour, survey or banner on screen, if any (one at a time, SPEC §3.1). */
export function sequentialOnScreen(project: Project, world: WorldState): string | undefined {
  return project.experiences.find(
    (e) => isSequential(e) && world.experiences[e.id].status === "active",
  )?.id;
}

/** Another tour/survey/banner on screen, or a launched one about to render. `onScreen`: the
 *  sequential flow on screen when the caller knows it (a show check asks for every
 *  experience: one scan per check, not one per experience). */
function flowOnScreen(
  experience: Experience,
  project: Project,
  world: WorldState,
  reservedBy: string | undefined,
  onScreen?: string | null,
): Reason[] {
  if (!isSequential(experience)) return [];
  const other =
    onScreen === undefined
      ? project.experiences.find(
          (e) =>
            e.id !== experience.id &&
            isSequential(e) &&
            world.experiences[e.id].status === "active",
        )?.id
      : onScreen !== null && onScreen !== experience.id
        ? onScreen
        : undefined;
  if (other !== undefined) return [{ code: "flowOnScreen", message: `"${other}" is on screen` }];
  if (reservedBy !== undefined && reservedBy !== experience.id) {
    return [{ code: "flowOnScreen", message: `launched "${reservedBy}" is about to show` }];
  }
  return [];
}

/** Every reason an automatic experience cannot be shown now (empty: show it). */
export function showReasons(
  experience: Experience,
  project: Project,
  world: WorldState,
  reservedBy: string | undefined,
  onScreen?: string | null,
): Reason[] {
  return [
    ...notLive(experience),
    ...audience(experience, world),
    ...recurrence(experience, world),
    ...snoozed(experience, world),
    ...rateLimited(experience, project, world),
    ...flowOnScreen(experience, project, world, reservedBy, onScreen),
  ];
}

/**
 * Every reason a launch cannot start its target now (SPEC §3.2: live, audience, recurrence;
 * page and rate limit not checked). Decided here (semantics.ts): a sequential target is also
 * blocked while another tour/survey/banner (or the target itself) is on screen.
 */
export function launchReasons(
  experience: Experience,
  project: Project,
  world: WorldState,
): Reason[] {
  const reasons = [
    ...notLive(experience),
    ...audience(experience, world),
    ...recurrence(experience, world),
  ];
  if (world.experiences[experience.id].status === "active") {
    reasons.push({ code: "flowOnScreen", message: `"${experience.id}" is already on screen` });
  } else {
    reasons.push(...flowOnScreen(experience, project, world, undefined));
  }
  return reasons;
}

// The counts of a Monte Carlo forecast: flat arrays indexed by the layout's numbers, one
// per worker, summed in any order (addition of integers below 2^53 is exact), so the result
// does not depend on how users were split. `users` is the only thing a user always adds.
import type { BlockedReason, ForecastLayout, MonteCarloEnd } from "./layout.ts";
import { blockedReasons, monteCarloEnds } from "./layout.ts";

export interface TallyData {
  users: number;
  days: number;
  experiences: number;
  shownUsers: Float64Array;
  views: Float64Array;
  snoozes: Float64Array;
  /** [experience * ends + end] */
  ends: Float64Array;
  /** Users who entered each global step at least once. */
  reach: Float64Array;
  /** [experience * reasons + reason]: users with a show.skipped of that reason. */
  blocked: Float64Array;
  /** [experience * days + day]: users first shown that day. */
  shownPerDay: Float64Array;
  /** Users who took each global edge at least once. */
  edges: Float64Array;
}

export const endNumber = Object.fromEntries(monteCarloEnds.map((end, i) => [end, i])) as Record<
  MonteCarloEnd,
  number
>;
export const reasonNumber = Object.fromEntries(
  blockedReasons.map((code, i) => [code, i]),
) as Record<BlockedReason, number>;

// Module-level copies: imported bindings are getters under some loaders (a hot-loop cost).
const endCount = monteCarloEnds.length;
const reasonCount = blockedReasons.length;

export function emptyTally(layout: ForecastLayout, days: number): TallyData {
  const e = layout.experiences.length;
  return {
    users: 0,
    days,
    experiences: e,
    shownUsers: new Float64Array(e),
    views: new Float64Array(e),
    snoozes: new Float64Array(e),
    ends: new Float64Array(e * monteCarloEnds.length),
    reach: new Float64Array(layout.stepCount),
    blocked: new Float64Array(e * blockedReasons.length),
    shownPerDay: new Float64Array(e * days),
    edges: new Float64Array(layout.edgeCount),
  };
}

const arrays = [
  "shownUsers",
  "views",
  "snoozes",
  "ends",
  "reach",
  "blocked",
  "shownPerDay",
  "edges",
] as const;

/** Adds `other` into `into` (same layout). */
export function addTally(into: TallyData, other: TallyData): void {
  into.users += other.users;
  for (const key of arrays) {
    const a = into[key];
    const b = other[key];
    for (let i = 0; i < a.length; i++) a[i] += b[i];
  }
}

/**
 * Per-user bookkeeping into a tally: steps, edges and reasons count once per user (a stamp
 * per slot holds the last user that counted it, so nothing is cleared between users).
 */
export class TallySink {
  private serial = 0;
  private readonly stepStamp: Int32Array;
  private readonly edgeStamp: Int32Array;
  private readonly blockedStamp: Int32Array;
  private readonly reasons = reasonCount;

  constructor(readonly tally: TallyData) {
    this.stepStamp = new Int32Array(tally.reach.length);
    this.edgeStamp = new Int32Array(tally.edges.length);
    this.blockedStamp = new Int32Array(tally.blocked.length);
  }

  beginUser(): void {
    this.serial++;
    this.tally.users++;
  }

  /** An experience the user was shown: its first show (ms since the model's start), totals, end. */
  shown(
    experience: number,
    firstShownMs: number,
    views: number,
    snoozes: number,
    end: number,
  ): void {
    const t = this.tally;
    t.shownUsers[experience]++;
    t.views[experience] += views;
    t.snoozes[experience] += snoozes;
    t.ends[experience * endCount + end]++;
    const day = Math.floor(firstShownMs / 86_400_000);
    if (day >= 0 && day < t.days) t.shownPerDay[experience * t.days + day]++;
  }

  reached(step: number): void {
    if (this.stepStamp[step] === this.serial) return;
    this.stepStamp[step] = this.serial;
    this.tally.reach[step]++;
  }

  took(edge: number): void {
    if (this.edgeStamp[edge] === this.serial) return;
    this.edgeStamp[edge] = this.serial;
    this.tally.edges[edge]++;
  }

  blocked(experience: number, reason: number): void {
    const slot = experience * this.reasons + reason;
    if (this.blockedStamp[slot] === this.serial) return;
    this.blockedStamp[slot] = this.serial;
    this.tally.blocked[slot]++;
  }
}

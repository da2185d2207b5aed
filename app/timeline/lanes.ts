// The actions of one list as lanes (issue 4): every list fires at one instant with no await
// between its actions (SPEC §3.3); each action lands after its latency (§3.4). Read off the
// trace: a list is a run of consecutive `action.fired` entries numbered 0, 1, 2…; each is
// paired with the first later `action.landed` of the same source, type and order. A launch
// that lands into `launch.interrupted` (or `launch.blocked`) is marked so.
import type { PendingLanding } from "../../machines/engine/index.ts";
import type { TraceEntry } from "../../machines/format/index.ts";

type LaneOutcome = "landed" | "interrupted" | "blocked" | "inFlight" | "dropped";

export interface Lane {
  action: string;
  order: number;
  /** launchExperience: the experience it launches. */
  target?: string;
  firedAt: number;
  landedAt: number | null;
  firedIndex: number;
  landedIndex: number | null;
  outcome: LaneOutcome;
}

export interface ActionList {
  /** Trace index of its first fired entry (a stable key). */
  index: number;
  at: number;
  experience?: string;
  step?: string;
  lanes: Lane[];
  /** At least two of its actions land at different instants, or one was interrupted. */
  raced: boolean;
}

function sameSource(a: TraceEntry, b: TraceEntry): boolean {
  return (
    a.experience === b.experience &&
    a.step === b.step &&
    a.action === b.action &&
    a.order === b.order
  );
}

/** Groups fired entries into lists. */
function collectLists(trace: readonly TraceEntry[]): ActionList[] {
  const lists: ActionList[] = [];
  let current: ActionList | null = null;
  trace.forEach((entry, index) => {
    if (entry.type !== "action.fired") {
      current = null;
      return;
    }
    const order = Number(entry.order ?? 0);
    if (!current || order === 0 || current.at !== entry.at) {
      current = {
        index,
        at: entry.at,
        ...(entry.experience ? { experience: entry.experience } : {}),
        ...(typeof entry.step === "string" ? { step: entry.step } : {}),
        lanes: [],
        raced: false,
      };
      lists.push(current);
    }
    current.lanes.push({
      action: String(entry.action),
      order,
      ...(typeof entry.target === "string" ? { target: entry.target } : {}),
      firedAt: entry.at,
      landedAt: null,
      firedIndex: index,
      landedIndex: null,
      outcome: "dropped",
    });
  });
  return lists;
}

function isPending(lane: Lane, list: ActionList, pending: readonly PendingLanding[]): boolean {
  return pending.some(
    (p) =>
      p.action.type === lane.action &&
      p.order === lane.order &&
      p.firedAt === lane.firedAt &&
      p.source.experience === list.experience,
  );
}

/** The launch's fate, read from the entry its landing records next (same instant). */
function launchOutcome(trace: readonly TraceEntry[], lane: Lane): LaneOutcome {
  for (let i = (lane.landedIndex as number) + 1; i < trace.length; i++) {
    const entry = trace[i];
    if (entry.at !== lane.landedAt) break;
    if (entry.experience !== lane.target) continue;
    if (entry.type === "launch.interrupted") return "interrupted";
    if (entry.type === "launch.blocked") return "blocked";
    if (entry.type === "experience.shown") return "landed";
  }
  return "landed";
}

export function actionLists(
  trace: readonly TraceEntry[],
  pending: readonly PendingLanding[] = [],
): ActionList[] {
  const lists = collectLists(trace);
  const open = lists.flatMap((list) => list.lanes.map((lane) => ({ list, lane })));
  trace.forEach((entry, index) => {
    if (entry.type !== "action.landed") return;
    const found = open.findIndex(
      ({ lane }) => lane.firedIndex < index && sameSource(trace[lane.firedIndex], entry),
    );
    if (found < 0) return;
    const { lane } = open[found];
    open.splice(found, 1);
    lane.landedAt = entry.at;
    lane.landedIndex = index;
    lane.outcome = lane.action === "launchExperience" ? launchOutcome(trace, lane) : "landed";
  });
  for (const { list, lane } of open)
    lane.outcome = isPending(lane, list, pending) ? "inFlight" : "dropped";
  for (const list of lists) {
    const landings = new Set(list.lanes.map((l) => l.landedAt));
    list.raced = landings.size > 1 || list.lanes.some((l) => l.outcome === "interrupted");
  }
  return lists;
}

/** ms from fire to landing; null while in flight or dropped. */
export function latencyOf(lane: Lane): number | null {
  return lane.landedAt === null ? null : lane.landedAt - lane.firedAt;
}

/** The span a list's lanes are drawn on: from its instant to its last landing (≥ 1 ms). */
export function spanOf(list: ActionList, now: number): number {
  const ends = list.lanes.map((l) => (l.landedAt ?? Math.max(now, l.firedAt)) - list.at);
  return Math.max(1, ...ends);
}

// Where each goToStep of the trace went (issue 12: "goToStep #0" said nothing). Read off the
// trace: a goToStep that moves its flow is followed, at its instant, by the step its flow
// entered (or the flow's completion). Both its fired and its landed entry get that target.
// A goToStep that moved nothing (still in flight, dropped, or another action led) has none
// here; the timeline then names the step its list points at (words.ts goToRefs).
import type { TraceEntry } from "../../machines/format/index.ts";
import type { ActionList } from "./lanes.ts";

export type GoToTarget = { kind: "step"; step: string } | { kind: "end"; end: string };

/** Target by trace index (of `action.fired` and `action.landed` goToStep entries). */
export function goToTargets(
  trace: readonly TraceEntry[],
  lists: readonly ActionList[],
): Map<number, GoToTarget> {
  const targets = new Map<number, GoToTarget>();
  for (const list of lists) {
    for (const lane of list.lanes) {
      if (lane.action !== "goToStep" || lane.landedIndex === null) continue;
      const target = movedTo(trace, lane.landedIndex);
      if (!target) continue;
      targets.set(lane.firedIndex, target);
      targets.set(lane.landedIndex, target);
    }
  }
  return targets;
}

/** The move the landing at `index` made: the next entry of its flow, at its instant. */
function movedTo(trace: readonly TraceEntry[], index: number): GoToTarget | null {
  const landed = trace[index];
  const next = trace[index + 1];
  if (!next || next.at !== landed.at || next.experience !== landed.experience) return null;
  if (next.type === "step.entered" && typeof next.step === "string") {
    return { kind: "step", step: next.step };
  }
  if (next.type.startsWith("experience.") && next.type !== "experience.shown") {
    return { kind: "end", end: next.type.slice("experience.".length) };
  }
  return null;
}

// Where an action list moves a flow, decided statically (no world, no history): the landing
// events of the compiled machine (go.<step>, complete, dismiss, snooze) are replayed in the
// order the engine would land them (latency, then nominal order; SPEC §3.3–3.4).
import { isSequential } from "../engine/eligibility.ts";
import type { Action, Experience, Settings } from "../format/schema.ts";
import { executionOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";

export type EndId = "completed" | "dismissed" | "snoozed";

/** The static outcome of one action list fired on one step. */
export type ListTarget =
  | { kind: "step"; step: string }
  | { kind: "end"; end: EndId }
  | { kind: "launched"; experience: string }
  /** goToStep previous decides: the target depends on the visit history. */
  | { kind: "back" }
  /** Nothing in the list moves the flow. */
  | { kind: "stays" };

const flowMovers = new Set(["goToStep", "dismiss", "snooze"]);

/** Landing order of the flow-moving actions: latency, then nominal order (then list order). */
function landingOrder(list: readonly Action[], settings: Settings): Action[] {
  const rank = (a: Action) => executionOrder.indexOf(a.type);
  return list
    .filter((a) => flowMovers.has(a.type))
    .map((action, index) => ({ action, index, due: latencyOf(action, settings) }))
    .sort((a, b) => a.due - b.due || rank(a.action) - rank(b.action) || a.index - b.index)
    .map((entry) => entry.action);
}

/** Where a goToStep lands from `stepIndex`; undefined for an unknown id (it does nothing). */
function goToTarget(
  experience: Experience,
  stepIndex: number,
  step: string,
): ListTarget | undefined {
  if (step === "complete") return { kind: "end", end: "completed" };
  if (step === "previous") return { kind: "back" };
  if (step === "next") {
    const next = experience.steps[stepIndex + 1];
    return next ? { kind: "step", step: next.id } : { kind: "end", end: "completed" };
  }
  return experience.steps.some((s) => s.id === step) ? { kind: "step", step } : undefined;
}

export function listTarget(
  experience: Experience,
  stepIndex: number,
  list: readonly Action[],
  settings: Settings,
): ListTarget {
  // A launch from a tour/survey/banner dismisses the flow as it fires, before anything lands.
  const launch = list.find((a) => a.type === "launchExperience");
  if (launch && isSequential(experience))
    return { kind: "launched", experience: launch.experience };
  let target: ListTarget = { kind: "stays" };
  let at = stepIndex;
  for (const action of landingOrder(list, settings)) {
    if (action.type === "dismiss") return { kind: "end", end: "dismissed" };
    if (action.type === "snooze") return { kind: "end", end: "snoozed" };
    if (action.type !== "goToStep") continue;
    const moved = goToTarget(experience, at, action.step);
    if (!moved) continue;
    if (moved.kind === "end") return moved;
    target = moved;
    if (moved.kind === "step") at = experience.steps.findIndex((s) => s.id === moved.step);
  }
  return target;
}

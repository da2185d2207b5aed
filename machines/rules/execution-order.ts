// The seed's nominal execution order (SPEC §3.3). The seed lists seven actions; where
// snooze and launchAgent go is decided here (SPEC): snooze right after dismiss,
// launchAgent right after openPost.
import type { ActionTypeName } from "./action-types.ts";

export const executionOrder: readonly ActionTypeName[] = [
  "goToStep",
  "launchExperience",
  "dismiss",
  "snooze",
  "bookInterview",
  "openPost",
  "launchAgent",
  "runJs",
  "navigateTo",
];

const rank = new Map(executionOrder.map((type, index) => [type, index]));

/** Indices of `types` sorted stably into the nominal order; result[k] = index in the list. */
export function nominalOrder(types: readonly ActionTypeName[]): number[] {
  return types
    .map((type, index) => ({ index, r: rank.get(type) ?? executionOrder.length }))
    .sort((a, b) => a.r - b.r || a.index - b.index)
    .map((entry) => entry.index);
}

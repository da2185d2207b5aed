// Default action latencies in simulated ms (SPEC §3.4); settings.latencyMs overrides them.
import type { Action, Settings } from "../format/schema.ts";

export const defaultLatencyMs = {
  goToStep: 0,
  dismiss: 0,
  snooze: 0,
  runJs: 0,
  launchExperience: 300,
  openPost: 150,
  launchAgent: 150,
  bookInterview: 150,
  navigateTo: 400,
  /** navigateTo with openIn "newTab" */
  navigateToNewTab: 0,
} as const;

export function latencyOf(action: Action, settings: Pick<Settings, "latencyMs">): number {
  const key =
    action.type === "navigateTo" && action.openIn === "newTab" ? "navigateToNewTab" : action.type;
  return settings.latencyMs?.[key] ?? defaultLatencyMs[key];
}

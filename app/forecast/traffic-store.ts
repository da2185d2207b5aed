// The forecast the canvas draws (edge width by share of users, each step's reach %): the
// Forecast panel publishes its latest view here while it is shown; the canvas reads it for the
// experience it draws, only when it was computed on the very project on the canvas.
import { useMemo, useSyncExternalStore } from "react";
import type { Project } from "../../machines/format/index.ts";
import type { ForecastView } from "./forecast-protocol.ts";

export interface ShownForecast {
  project: Project;
  view: ForecastView;
}

/** What the canvas marks on one experience. */
export interface CanvasTraffic {
  users: number;
  /** Step id → share of users who entered it at least once (SPEC §5 steps.*.reach). */
  reach: Map<string, number>;
  /** Flow-graph edge id → share of users who took it at least once. */
  share: Map<string, number>;
}

type Listener = () => void;

let shown: ShownForecast | null = null;
const listeners = new Set<Listener>();

export const trafficStore = {
  get: () => shown,
  /** The forecast on screen, or null when the panel is hidden or has none. */
  set(next: ShownForecast | null) {
    if (
      next === shown ||
      (next && shown && next.view === shown.view && next.project === shown.project)
    )
      return;
    shown = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function canvasTraffic(
  forecast: ShownForecast | null,
  project: Project | null,
  experienceId: string | null,
): CanvasTraffic | null {
  if (!forecast || forecast.project !== project || experienceId === null) return null;
  const { result, traffic } = forecast.view;
  if (!Object.hasOwn(result.experiences, experienceId)) return null;
  const experience = result.experiences[experienceId];
  const users = result.users;
  const reach = new Map(Object.entries(experience.steps).map(([id, s]) => [id, s.reach]));
  const share = new Map(
    [...(traffic.get(experienceId) ?? [])].map(([edge, n]) => [edge, users > 0 ? n / users : 0]),
  );
  return { users, reach, share };
}

/** The traffic to draw on the canvas of `experienceId`, or null. */
export function useCanvasTraffic(
  project: Project | null,
  experienceId: string | null,
): CanvasTraffic | null {
  const forecast = useSyncExternalStore(trafficStore.subscribe, trafficStore.get);
  return useMemo(
    () => canvasTraffic(forecast, project, experienceId),
    [forecast, project, experienceId],
  );
}

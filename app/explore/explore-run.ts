// Starting an explorer request from the panel's state: ask the client for the reports that
// are not current, then record the run. The client answers only after `start` returns, so
// `started` (with the id) always reaches the reducer before any answer, a failure included.
import type { Project } from "../../machines/format/index.ts";
import type { ExploreClient } from "./explore-client.ts";
import { type ExploreEvent, type ExploreState, planRequest } from "./explore-state.ts";

/** Starts a request for what is missing; returns its id, or null when every report is current. */
export function startRequest(
  client: ExploreClient,
  state: ExploreState,
  project: Project,
  experienceId: string | null,
  dispatch: (event: ExploreEvent) => void,
): number | null {
  const want = planRequest(state, project, experienceId);
  if (!want) return null;
  const id = client.start({ project, experienceId, want }, (answer) =>
    dispatch({ type: "answer", answer }),
  );
  dispatch({ type: "started", id, project, experienceId, want });
  return id;
}

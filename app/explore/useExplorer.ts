// The explorer panel's computation: on a new project or selected experience (debounced), a
// request to the worker for the reports that are not current, superseding the running one;
// Cancel terminates the worker, Run again asks for what is still missing.
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { Project } from "../../machines/format/index.ts";
import { createExploreClient, type ExploreClient } from "./explore-client.ts";
import { startRequest } from "./explore-run.ts";
import { type ExploreState, exploreReducer, initialExploreState } from "./explore-state.ts";

/** Quiet time after an edit or a new selection before exploring. */
const exploreDebounceMs = 300;

export interface Explorer {
  state: ExploreState;
  cancel(): void;
  runAgain(): void;
}

export function useExplorer(project: Project | null, experienceId: string | null): Explorer {
  const [state, dispatch] = useReducer(exploreReducer, initialExploreState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const clientRef = useRef<ExploreClient | null>(null);

  const start = useCallback((target: Project, experience: string | null) => {
    clientRef.current ??= createExploreClient();
    startRequest(clientRef.current, stateRef.current, target, experience, dispatch);
  }, []);

  useEffect(() => {
    if (!project) return;
    const timer = setTimeout(() => start(project, experienceId), exploreDebounceMs);
    return () => clearTimeout(timer);
  }, [project, experienceId, start]);

  // The worker goes with the panel (a later start spawns a new one).
  useEffect(() => () => clientRef.current?.dispose(), []);

  const cancel = useCallback(() => {
    clientRef.current?.cancel();
    dispatch({ type: "cancelled" });
  }, []);

  const runAgain = useCallback(() => {
    if (project) start(project, experienceId);
  }, [project, experienceId, start]);

  return { state, cancel, runAgain };
}

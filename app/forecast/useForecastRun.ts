// Runs the model on the project in the worker while the panel is shown (hidden, it stops its
// run, and starts again when shown): again whenever the project or the model changes, e.g.
// as a slider moves, the run in flight cancelled at once. A run's state belongs to the input
// it ran on: a newer input shows as "pending" at once, while the last forecast stays on
// screen until the new one replaces it.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Project } from "../../machines/format/index.ts";
import { createForecastClient, type ForecastClient } from "./forecast-client.ts";
import type { ForecastAnswer, ForecastInput, ForecastView } from "./forecast-protocol.ts";
import { trafficStore } from "./traffic-store.ts";

/** Time after a slider move before a run starts: none beyond the next task (the run in
 *  flight is cancelled at once, and a run of 100,000 users takes about a tenth of a second;
 *  measured, 40 ms of quiet made the slider → funnel time about 30 ms longer). */
const debounceMs = 0;

export type RunStatus = "pending" | "running" | "done" | "cancelled" | "invalid" | "failed";

interface RunState {
  input: ForecastInput | null;
  status: RunStatus;
  done: number;
  total: number;
  problems: string[];
  error: string | null;
  ms: number | null;
  /** The latest forecast (maybe of an older input, maybe partial). */
  view: ForecastView | null;
  viewProject: Project | null;
}

const initial: RunState = {
  input: null,
  status: "pending",
  done: 0,
  total: 0,
  problems: [],
  error: null,
  ms: null,
  view: null,
  viewProject: null,
};

export interface ForecastRun extends Omit<RunState, "input" | "viewProject"> {
  cancel(): void;
  runAgain(): void;
}

export function useForecastRun(
  project: Project | null,
  model: string,
  active: boolean,
): ForecastRun {
  const input = useMemo(() => (project ? { project, model } : null), [project, model]);
  const [state, setState] = useState<RunState>(initial);
  const [again, setAgain] = useState(0);
  const client = useRef<ForecastClient | null>(null);

  useEffect(() => {
    client.current = createForecastClient();
    return () => client.current?.dispose();
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `again` asks for a new run.
  useEffect(() => {
    // The run in flight is of an older input: stop it now rather than after the quiet time.
    client.current?.cancel();
    if (!active || !input) return;
    const timer = setTimeout(() => {
      const listen = (answer: ForecastAnswer) =>
        setState((s) => (s.input === input ? next(s, answer, input.project) : s));
      setState((s) => ({ ...s, input, status: "running", done: 0, problems: [], error: null }));
      client.current?.start(input, listen);
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [input, active, again]);

  useEffect(() => {
    trafficStore.set(
      active && state.view && state.viewProject
        ? { project: state.viewProject, view: state.view }
        : null,
    );
  }, [active, state.view, state.viewProject]);
  useEffect(() => () => trafficStore.set(null), []);

  const cancel = useCallback(() => client.current?.cancel(), []);
  const runAgain = useCallback(() => setAgain((n) => n + 1), []);
  const current = state.input === input && state.input !== null;
  const { input: _input, viewProject: _project, ...shown } = state;
  return { ...shown, status: current ? state.status : "pending", cancel, runAgain };
}

function next(state: RunState, answer: ForecastAnswer, project: Project): RunState {
  switch (answer.type) {
    case "progress":
      return {
        ...state,
        done: answer.done,
        total: answer.total,
        ...(answer.partial ? { view: answer.partial, viewProject: project } : {}),
      };
    case "done":
      return {
        ...state,
        status: "done",
        done: answer.view.result.users,
        total: answer.view.result.users,
        view: answer.view,
        viewProject: project,
        ms: answer.ms,
      };
    case "cancelled":
      return { ...state, status: "cancelled" };
    case "invalid":
      return { ...state, status: "invalid", problems: answer.problems };
    case "failed":
      return { ...state, status: "failed", error: answer.message };
    case "tally":
      // A share's tally: the pool (forecast-pool.ts) adds shares up and answers "done".
      return state;
  }
}

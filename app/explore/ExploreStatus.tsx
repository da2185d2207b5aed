// The explorer's run status in its header: a progress bar with the phase and Cancel while a
// computation runs, "Cancelled" with Run again after a cancel, the failure if the worker died.
import type { ExploreState } from "./explore-state.ts";
import { overallProgress, progressLabel } from "./progress.ts";

interface ExploreStatusProps {
  state: ExploreState;
  onCancel(): void;
  onRunAgain(): void;
}

function Running({ state, onCancel }: Pick<ExploreStatusProps, "state" | "onCancel">) {
  const want = state.input?.want ?? { paths: true, races: true };
  const fraction = overallProgress(want, state.progress);
  const label = progressLabel(state.progress);
  return (
    <>
      <progress
        className="explorer-progress"
        data-testid="explorer-progress"
        aria-label="Explorer progress"
        aria-valuetext={`${Math.round(fraction * 100)} %: ${label}`}
        max={1}
        value={fraction}
      />
      <span className="explorer-phase" data-testid="explorer-phase">
        {label}
      </span>
      <button type="button" className="btn btn-small" onClick={onCancel}>
        Cancel
      </button>
    </>
  );
}

export function ExploreStatus({ state, onCancel, onRunAgain }: ExploreStatusProps) {
  return (
    <div className="explorer-status" data-testid="explorer-status" data-status={state.status}>
      {state.status === "running" && <Running state={state} onCancel={onCancel} />}
      {state.status === "cancelled" && (
        <>
          <span className="explorer-note" role="status">
            Cancelled
          </span>
          <button type="button" className="btn btn-small" onClick={onRunAgain}>
            Run again
          </button>
        </>
      )}
      {state.status === "failed" && (
        <>
          <span className="explorer-note is-error" role="alert">
            The explorer stopped: {state.error}
          </span>
          <button type="button" className="btn btn-small" onClick={onRunAgain}>
            Run again
          </button>
        </>
      )}
      {state.status === "done" && state.ms !== null && (
        <span className="explorer-note muted">
          explored in {Math.max(1, Math.round(state.ms)).toLocaleString("en-US")} ms
        </span>
      )}
    </div>
  );
}

// The run's state: a progress bar with Cancel while users run, "Cancelled" with Run again,
// the model's problems (each at its place) or the worker's failure, and when done how many
// users ran and how long it took.
import type { ForecastRun } from "./useForecastRun.ts";
import { count } from "./words.ts";

export function ForecastStatus({ run, onReset }: { run: ForecastRun; onReset(): void }) {
  const fraction = run.total > 0 ? run.done / run.total : 0;
  return (
    <div className="fc-status" data-testid="forecast-status" data-status={run.status}>
      {(run.status === "running" || run.status === "pending") && (
        <>
          <progress
            className="fc-progress"
            aria-label="Forecast progress"
            aria-valuetext={`${count(run.done)} of ${count(run.total)} users`}
            max={1}
            value={run.status === "pending" ? undefined : fraction}
          />
          <span className="fc-hint">
            {run.status === "pending"
              ? "Starting…"
              : `${count(run.done)} of ${count(run.total)} users`}
          </span>
          <button
            type="button"
            className="btn btn-small"
            onClick={run.cancel}
            disabled={run.status === "pending"}
          >
            Cancel
          </button>
        </>
      )}
      {run.status === "cancelled" && (
        <>
          <span role="status">Cancelled</span>
          <button type="button" className="btn btn-small" onClick={run.runAgain}>
            Run again
          </button>
        </>
      )}
      {run.status === "failed" && (
        <>
          <span role="alert" className="fc-error">
            The forecast stopped: {run.error}
          </span>
          <button type="button" className="btn btn-small" onClick={run.runAgain}>
            Run again
          </button>
        </>
      )}
      {run.status === "invalid" && (
        <div role="alert" className="fc-error">
          <p>The forecast model does not fit this project:</p>
          <ul>
            {run.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <button type="button" className="btn btn-small" onClick={onReset}>
            Reset the model
          </button>
        </div>
      )}
      {run.status === "done" && run.ms !== null && (
        <span className="fc-hint" role="status">
          {count(run.total)} users in {count(Math.max(1, run.ms))} ms
        </span>
      )}
    </div>
  );
}

// Says in words (not only by the report's faded look) that a report belongs to an earlier
// version of the project or another experience, with Run again unless a run is under way
// (the header's Cancel is there then, and the current run will replace the report).
import type { RunStatus } from "./explore-state.ts";

interface StaleNoteProps {
  words: string | null;
  status: RunStatus;
  onRunAgain(): void;
}

export function StaleNote({ words, status, onRunAgain }: StaleNoteProps) {
  if (!words) return null;
  const running = status === "running";
  return (
    <p className="explorer-stale" data-testid="explorer-stale" role="status">
      <span>
        {words}
        {running ? " · recomputing…" : "."}
      </span>
      {!running && (
        <button type="button" className="btn btn-small" onClick={onRunAgain}>
          Run again
        </button>
      )}
    </p>
  );
}

// One line under the top bar when something needs saying: the canvas shows the last valid
// flow, a long session replaying (how far), a notice from the session (a forced preview,
// steps dropped), a refused step.
import { sessionStore, useSession } from "../session/store.ts";

export function SessionBanner() {
  const showingLastValid = useSession((s) => s.showingLastValid);
  const hasProject = useSession((s) => s.project !== null);
  const checked = useSession((s) => s.checked);
  const notice = useSession((s) => s.notice);
  const lastError = useSession((s) => s.lastError);
  const replay = useSession((s) => s.replay);
  const noProject = !hasProject && checked !== null && !checked.valid;
  if (!showingLastValid && !notice && !lastError && !noProject && !replay) return null;
  return (
    <div className="session-banner" role="status" aria-live="polite">
      {showingLastValid && (
        <p className="banner-line is-warning" data-testid="last-valid-notice">
          The project text has errors: the canvas and preview show the last valid project.
        </p>
      )}
      {noProject && (
        <p className="banner-line is-error">
          No valid project yet: fix the errors in the editor to simulate it.
        </p>
      )}
      {replay && (
        <p className="banner-line is-info" data-testid="replay-progress">
          Replaying the session: {replay.done.toLocaleString("en")} of{" "}
          {replay.total.toLocaleString("en")} steps…
          <progress max={replay.total} value={replay.done} aria-label="Replay progress" />
        </p>
      )}
      {lastError && (
        <p className="banner-line is-error" role="alert">
          {lastError}
        </p>
      )}
      {notice && (
        <p className={`banner-line is-${notice.kind}`}>
          {notice.message}
          <button
            type="button"
            className="link-button"
            onClick={() => sessionStore.dismissNotice()}
          >
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

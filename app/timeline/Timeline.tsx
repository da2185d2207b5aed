// The bottom pane: the trace grouped by script step (click to travel in time) beside the
// action lists drawn as lanes with their latencies and races.
import { useMemo } from "react";
import { sessionStore, useSession } from "../session/store.ts";
import { EntryList } from "./EntryList.tsx";
import { goToTargets } from "./go-to.ts";
import { LanesPanel } from "./LanesPanel.tsx";
import { actionLists } from "./lanes.ts";
import { momentGroups } from "./moments.ts";
import { projectWords } from "./words.ts";
import "./timeline.css";

export function Timeline() {
  const timeline = useSession((s) => s.timeline);
  const moments = useSession((s) => s.moments);
  const cursor = useSession((s) => s.cursor);
  const project = useSession((s) => s.project);
  const words = useMemo(() => (project ? projectWords(project) : null), [project]);
  const groups = useMemo(() => momentGroups(moments, timeline, words), [moments, timeline, words]);
  const last = moments[moments.length - 1];
  const lists = useMemo(
    () => actionLists(timeline, last ? last.snapshot.world.pending : []),
    [timeline, last],
  );
  const goTo = useMemo(() => goToTargets(timeline, lists), [timeline, lists]);
  const warnings = timeline.filter((e) => e.type === "warning").length;
  const interrupted = timeline.filter((e) => e.type === "launch.interrupted").length;
  const now = last ? last.snapshot.world.now : 0;
  return (
    <section className="timeline-pane" aria-label="Timeline">
      <header className="pane-header">
        <h2 className="pane-title">Timeline</h2>
        <span className="muted">
          {timeline.length} entries · step {cursor} of {Math.max(0, moments.length - 1)}
        </span>
        {warnings > 0 && (
          <span className="pill pill-warning">
            {warnings} warning{warnings === 1 ? "" : "s"}
          </span>
        )}
        {interrupted > 0 && <span className="pill pill-race">{interrupted} interrupted</span>}
        <div className="pane-header-end">
          <button
            type="button"
            className="btn btn-small"
            aria-label="Previous moment"
            disabled={cursor === 0}
            onClick={() => sessionStore.travelTo(cursor - 1)}
          >
            ◀
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label="Next moment"
            disabled={cursor >= moments.length - 1}
            onClick={() => sessionStore.travelTo(cursor + 1)}
          >
            ▶
          </button>
        </div>
      </header>
      <div className="timeline-body">
        <div className="timeline-entries">
          <EntryList
            groups={groups}
            timeline={timeline}
            cursor={cursor}
            words={words}
            goTo={goTo}
          />
        </div>
        <div className="timeline-lanes">
          <LanesPanel lists={lists} now={now} words={words} goTo={goTo} />
        </div>
      </div>
    </section>
  );
}

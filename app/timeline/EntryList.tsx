// The trace, one line per entry, grouped under the script step that recorded it. Clicking an
// entry (or a step) returns the whole simulation to that moment; later moments are dimmed.
import { useEffect, useRef } from "react";
import type { TraceEntry } from "../../machines/format/index.ts";
import { sessionStore } from "../session/store.ts";
import { describeEntry, entryTone } from "./describe.ts";
import { formatDuration } from "./duration.ts";
import { EndIcon, isEnd } from "./EndIcon.tsx";
import type { GoToTarget } from "./go-to.ts";
import type { MomentGroup } from "./moments.ts";
import type { ProjectWords } from "./words.ts";

interface EntryListProps {
  groups: MomentGroup[];
  timeline: readonly TraceEntry[];
  cursor: number;
  words: ProjectWords | null;
  goTo: ReadonlyMap<number, GoToTarget>;
}

export function EntryList({ groups, timeline, cursor, words, goTo }: EntryListProps) {
  const currentRef = useRef<HTMLLIElement>(null);
  // After every change the moment on screen is kept in view (cheap: "nearest" rarely scrolls).
  useEffect(() => {
    currentRef.current?.scrollIntoView({ block: "nearest" });
  });
  return (
    <ol className="entry-groups" aria-label="Trace by step">
      {groups.map((group) => (
        <li
          key={group.moment}
          ref={group.moment === cursor ? currentRef : undefined}
          className="entry-group"
          data-moment={group.moment}
          data-current={group.moment === cursor || undefined}
          data-future={group.moment > cursor || undefined}
        >
          <button
            type="button"
            className="moment-head"
            aria-current={group.moment === cursor ? "step" : undefined}
            onClick={() => sessionStore.travelTo(group.moment)}
          >
            <span className="moment-index">{group.moment}</span>
            <span className="moment-label">{group.label}</span>
          </button>
          <ol className="entries">
            {timeline.slice(group.start, group.end).map((entry, offset) => {
              const index = group.start + offset;
              const end = entry.type.startsWith("experience.") ? entry.type.slice(11) : "";
              return (
                <li key={index}>
                  <button
                    type="button"
                    className={`entry tone-${entryTone(entry)}`}
                    data-testid="trace-entry"
                    data-type={entry.type}
                    data-index={index}
                    onClick={() => sessionStore.travelToEntry(index)}
                  >
                    <span className="entry-at">{formatDuration(entry.at)}</span>
                    <span className="entry-type">
                      {isEnd(end) && <EndIcon end={end} decorative />}
                      {entry.type}
                    </span>
                    <span className="entry-text">
                      {describeEntry(entry, { words: words ?? undefined, goTo: goTo.get(index) })}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}

// Each action list as lanes: one row per action, a bar from the instant the list fired to
// the instant the action landed, its latency, and what became of it (interrupted, blocked,
// in flight). Newest list first; lists with several actions are the point of this view.

import { sessionStore } from "../session/store.ts";
import { formatAt } from "./describe.ts";
import type { ActionList, Lane } from "./lanes.ts";
import { latencyOf, spanOf } from "./lanes.ts";

const outcomeText: Record<Lane["outcome"], string> = {
  landed: "",
  interrupted: "interrupted",
  blocked: "blocked",
  inFlight: "in flight",
  dropped: "dropped",
};

function LaneRow({
  list,
  lane,
  span,
  now,
}: {
  list: ActionList;
  lane: Lane;
  span: number;
  now: number;
}) {
  const start = ((lane.firedAt - list.at) / span) * 100;
  const end = (((lane.landedAt ?? Math.max(now, lane.firedAt)) - list.at) / span) * 100;
  const latency = latencyOf(lane);
  const name = `${lane.action}${lane.target ? ` → ${lane.target}` : ""}`;
  return (
    <li
      className={`lane outcome-${lane.outcome}`}
      data-testid="lane"
      data-action={lane.action}
      data-latency={latency ?? undefined}
      data-outcome={lane.outcome}
    >
      <span className="lane-name" title={name}>
        <span className="lane-order">{lane.order}</span>
        {name}
      </span>
      <span className="lane-track" aria-hidden="true">
        <span
          className="lane-bar"
          style={{ left: `${start}%`, width: `${Math.max(end - start, 0)}%` }}
        />
        <span className="lane-dot" style={{ left: `${end}%` }} />
      </span>
      <span className="lane-latency">
        {latency === null ? "—" : formatAt(latency)}
        {outcomeText[lane.outcome] && (
          <span className="lane-flag">{outcomeText[lane.outcome]}</span>
        )}
      </span>
    </li>
  );
}

export function LanesPanel({ lists, now }: { lists: ActionList[]; now: number }) {
  const shown = [...lists].reverse();
  if (shown.length === 0) return <p className="muted pad">No action has fired yet.</p>;
  return (
    <ol className="action-lists" aria-label="Action lists">
      {shown.map((list) => {
        const span = spanOf(list, now);
        return (
          <li key={list.index} className="action-list" data-raced={list.raced || undefined}>
            <button
              type="button"
              className="action-list-head"
              onClick={() => sessionStore.travelToEntry(list.index)}
              title="Go to this moment"
            >
              <span className="entry-at">{formatAt(list.at)}</span>
              <span className="action-list-source">
                {list.experience
                  ? `${list.experience}${list.step ? ` › ${list.step}` : ""}`
                  : "SDK / page"}
              </span>
              <span className="action-list-count">
                {list.lanes.length} action{list.lanes.length === 1 ? "" : "s"}
              </span>
              {list.raced && <span className="race-badge">race</span>}
              <span className="action-list-span">0 – {formatAt(span)}</span>
            </button>
            <ol className="lanes">
              {list.lanes.map((lane) => (
                <LaneRow key={lane.firedIndex} list={list} lane={lane} span={span} now={now} />
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}

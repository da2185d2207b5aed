// Each action list as lanes: one row per action, a bar from the instant the list fired to
// the instant the action landed, its latency, and what became of it (interrupted, blocked,
// in flight). Newest list first; lists with several actions are the point of this view.

import { sessionStore } from "../session/store.ts";
import { formatDuration } from "./duration.ts";
import type { GoToTarget } from "./go-to.ts";
import type { ActionList, Lane } from "./lanes.ts";
import { latencyOf, spanOf } from "./lanes.ts";
import { goToWords, type ProjectWords } from "./words.ts";

const outcomeText: Record<Lane["outcome"], string> = {
  landed: "",
  interrupted: "interrupted",
  blocked: "blocked",
  inFlight: "in flight",
  dropped: "dropped",
};

interface Naming {
  words: ProjectWords | null;
  goTo: ReadonlyMap<number, GoToTarget>;
}

/** "goToStep → Thank you", "launchExperience → Product tour": the action and where it goes. */
function laneName(list: ActionList, lane: Lane, { words, goTo }: Naming): string {
  const experience = list.experience;
  if (lane.action === "goToStep" && experience !== undefined) {
    const target = goTo.get(lane.firedIndex);
    if (target?.kind === "step")
      return `goToStep → ${words?.step(experience, target.step) ?? target.step}`;
    if (target?.kind === "end") return `goToStep → ${target.end}`;
    const refs = words && list.step !== undefined ? words.goToRefs(experience, list.step) : [];
    if (words && refs.length === 1) return `goToStep → ${goToWords(words, experience, refs[0])}`;
  }
  if (lane.target) return `${lane.action} → ${words?.experience(lane.target) ?? lane.target}`;
  return lane.action;
}

function LaneRow({
  list,
  lane,
  span,
  now,
  naming,
}: {
  list: ActionList;
  lane: Lane;
  span: number;
  now: number;
  naming: Naming;
}) {
  const start = ((lane.firedAt - list.at) / span) * 100;
  const end = (((lane.landedAt ?? Math.max(now, lane.firedAt)) - list.at) / span) * 100;
  const latency = latencyOf(lane);
  const name = laneName(list, lane, naming);
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
        {latency === null ? "—" : formatDuration(latency)}
        {outcomeText[lane.outcome] && (
          <span className="lane-flag">{outcomeText[lane.outcome]}</span>
        )}
      </span>
    </li>
  );
}

interface LanesPanelProps extends Naming {
  lists: ActionList[];
  now: number;
}

export function LanesPanel({ lists, now, words, goTo }: LanesPanelProps) {
  const naming = { words, goTo };
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
              <span className="entry-at">{formatDuration(list.at)}</span>
              <span className="action-list-source">{sourceName(list, words)}</span>
              <span className="action-list-count">
                {list.lanes.length} action{list.lanes.length === 1 ? "" : "s"}
              </span>
              {list.raced && <span className="race-badge">race</span>}
              <span className="action-list-span">0 – {formatDuration(span)}</span>
            </button>
            <ol className="lanes">
              {list.lanes.map((lane) => (
                <LaneRow
                  key={lane.firedIndex}
                  list={list}
                  lane={lane}
                  span={span}
                  now={now}
                  naming={naming}
                />
              ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}

/** "Quarterly NPS › Score": where the list fired (the project's names). */
function sourceName(list: ActionList, words: ProjectWords | null): string {
  if (!list.experience) return "SDK / page";
  const experience = words?.experience(list.experience) ?? list.experience;
  if (list.step === undefined) return experience;
  return `${experience} › ${words?.step(list.experience, list.step) ?? list.step}`;
}

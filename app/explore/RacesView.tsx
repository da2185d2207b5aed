// The Races tab: how many action lists were checked, and each list whose outcome depends on
// which action lands first: where it sits, the actions raced, how many orders, what differs,
// and per outcome one landing order and the outcome in words. Calm lists stay folded.
import type { ListRaces, RacesReport } from "../../machines/explore/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { type ExploreState, racesView, staleWords } from "./explore-state.ts";
import { differsWords, listPlace, outcomeParts } from "./race-words.ts";
import { StaleNote } from "./StaleNote.tsx";

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function RacyList({ list, project }: { list: ListRaces; project: Project }) {
  return (
    <li className="race-list" data-testid="racy-list" data-list={list.id}>
      <h4 className="race-place">
        {listPlace(list, project)} <span className="pill">{list.context}</span>
      </h4>
      <p className="race-meta">
        Raced: {list.landings.join(", ")} · {plural(list.orders, "order")} ·{" "}
        {plural(list.outcomes.length, "outcome")} · differs in {differsWords(list.differs)}
      </p>
      <ol className="race-outcomes">
        {list.outcomes.map((group) => (
          <li key={group.order.join(">")} className="race-outcome" data-testid="race-outcome">
            <span className="race-order">
              {plural(group.orders, "order")}, e.g. {group.order.join(" → ")}
            </span>
            <span className="race-result">
              {outcomeParts(group.outcome, list.differs).map((part) => (
                <span key={part.text} className={`race-part${part.differs ? " is-different" : ""}`}>
                  {part.text}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </li>
  );
}

function Folded({ title, items, testId }: { title: string; items: string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <details className="races-folded" data-testid={testId}>
      <summary>{title}</summary>
      <ul>
        {items.map((item) => (
          <li key={item}>
            <code>{item}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Report({ report, project }: { report: RacesReport; project: Project }) {
  return (
    <>
      <p className="races-summary" data-testid="races-summary">
        {plural(report.checked, "action list")} with several actions checked:{" "}
        <strong>
          {report.racy.length === 0
            ? "none depends on timing"
            : `${plural(report.racy.length, "list")} ${report.racy.length === 1 ? "depends" : "depend"} on timing`}
        </strong>
        .
      </p>
      {report.racy.length > 0 && (
        <ul className="race-lists">
          {report.racy.map((list) => (
            <RacyList key={list.id} list={list} project={project} />
          ))}
        </ul>
      )}
      <Folded
        title={`${plural(report.calm.length, "calm list")}: one outcome whatever the order`}
        items={report.calm}
        testId="races-calm"
      />
      <Folded
        title={`${plural(report.skipped.length, "list")} not explored`}
        items={report.skipped.map((s) => `${s.id}: ${s.reason}`)}
        testId="races-skipped"
      />
    </>
  );
}

function waitingWords(state: ExploreState): string {
  if (state.status === "cancelled") return "Cancelled before the races were explored.";
  if (state.status === "failed") return "No races: the explorer stopped.";
  return "Trying every landing order of every action list…";
}

interface RacesViewProps {
  project: Project | null;
  state: ExploreState;
  onRunAgain(): void;
}

export function RacesView({ project, state, onRunAgain }: RacesViewProps) {
  if (!project) return <p className="explorer-empty">No valid project to explore yet.</p>;
  const view = racesView(state, project);
  if (!view) return <p className="explorer-empty">{waitingWords(state)}</p>;
  const { entry, stale } = view;
  if (!entry.outcome.ok) {
    return (
      <p className="explorer-empty is-error" role="alert">
        The races could not be explored: {entry.outcome.message}
      </p>
    );
  }
  return (
    <>
      <StaleNote
        words={staleWords(entry, project, null)}
        status={state.status}
        onRunAgain={onRunAgain}
      />
      <div className="races-view" data-testid="races-view" data-stale={stale || undefined}>
        <Report report={entry.outcome.report} project={entry.project} />
      </div>
    </>
  );
}

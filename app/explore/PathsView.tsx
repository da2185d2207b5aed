// The Paths tab: the exact number of paths to each end (grouped digits, every digit kept),
// the revisit bound when the flow has cycles, the coverage list (a click replays the path on
// the canvas) and the transitions no path can take.
import { useState } from "react";
import { expandCoverage, type PathsReport } from "../../machines/explore/index.ts";
import type { Experience, Project } from "../../machines/format/index.ts";
import { type ExploreState, pathsView, staleWords } from "./explore-state.ts";
import {
  boundWords,
  coverageHeading,
  coveragePreview,
  endWords,
  groupDigits,
  pathWords,
} from "./path-words.ts";
import { replayProgressWords, replayStateWords } from "./replay-words.ts";
import { StaleNote } from "./StaleNote.tsx";
import type { PathReplay, ReplayMark } from "./usePathReplay.ts";

/** Coverage rows drawn at first, and how many more each "Show more" draws (a 10,000-step
 *  tour has 10,001 paths: they are drawn a page at a time, not all at once). */
const firstRows = 100;
const moreRows = 500;
/** Transition ids listed before "+ n more". */
const listedIds = 12;

const ends = [
  ["total", "Total"],
  ["completed", "Completed"],
  ["dismissed", "Dismissed"],
  ["snoozed", "Snoozed"],
  ["launched", "Launched out"],
] as const;

function Counts({ report }: { report: PathsReport }) {
  const launchedTo = Object.entries(report.countDetail.launchedTo);
  const atLeast = report.countDetail.exact ? "" : "≥ ";
  return (
    <div className="paths-counts-block">
      <dl className="paths-counts" data-testid="paths-counts">
        {ends.map(([end, label]) => (
          <div
            key={end}
            className={`paths-count is-${end}`}
            data-testid="paths-count"
            data-end={end}
            data-value={String(report.count[end])}
          >
            <dt>{label}</dt>
            <dd>
              {atLeast}
              {groupDigits(report.count[end])}
            </dd>
          </div>
        ))}
      </dl>
      {launchedTo.length > 0 && (
        <p className="muted paths-launched">
          {launchedTo.map(([id, n]) => `→ ${id}: ${groupDigits(n)}`).join(" · ")}
        </p>
      )}
      <p className="muted paths-bound" data-testid="paths-bound">
        {boundWords(report.countDetail)}
      </p>
    </div>
  );
}

function IdList({ label, ids, kind }: { label: string; ids: string[]; kind: string }) {
  if (ids.length === 0) return null;
  const rest = ids.length - listedIds;
  return (
    <p className={`paths-ids is-${kind}`} data-testid={`paths-${kind}`}>
      {label}{" "}
      {ids.slice(0, listedIds).map((id) => (
        <code key={id}>{id}</code>
      ))}
      {rest > 0 && <span className="muted"> + {rest} more</span>}
    </p>
  );
}

function markText(mark: ReplayMark): string {
  if (mark.state === "replaying") return `replaying ${mark.done}/${mark.total}`;
  return mark.state === "replayed" ? "✓ replayed" : "✗ stopped";
}

interface RowProps {
  report: PathsReport;
  index: number;
  experience: Experience;
  mark: ReplayMark | null;
  disabled: boolean;
  onReplay(): void;
}

function CoverageRow({ report, index, experience, mark, disabled, onReplay }: RowProps) {
  // The row needs the path's first steps only: a long one is not written out until replayed.
  const { path, length } = coveragePreview(report.coverage, index);
  const words = pathWords(path, experience, 6, length);
  const steps = length - (path.steps[0]?.do === "launch" ? 1 : 0);
  const own = mark?.index === index && mark.experienceId === experience.id ? mark : null;
  const endKind = path.end.startsWith("launched:") ? "launched" : path.end;
  const state = own ? `; ${replayStateWords(own)}` : "";
  return (
    <li>
      <button
        type="button"
        className="coverage-row"
        data-testid="coverage-path"
        data-index={index}
        data-end={path.end}
        data-state={own?.state}
        disabled={disabled}
        aria-label={`Replay path ${index + 1} on the canvas: ${words}; ends ${endWords(path.end)}${state}`}
        title="Replay this path on the canvas"
        onClick={onReplay}
      >
        <span className="coverage-num">{index + 1}</span>
        <span className={`end-tag is-${endKind}`}>{endWords(path.end)}</span>
        <span className="coverage-len">
          {steps} {steps === 1 ? "step" : "steps"}
        </span>
        <span className="coverage-words" title={words}>
          {words}
        </span>
        {own && <span className={`coverage-mark is-${own.state}`}>{markText(own)}</span>}
      </button>
    </li>
  );
}

interface CoverageProps {
  report: PathsReport;
  experience: Experience;
  replay: PathReplay;
  stale: boolean;
}

function Coverage({ report, experience, replay, stale }: CoverageProps) {
  const [shown, setShown] = useState(firstRows);
  const rows = Math.min(shown, report.coverage.length);
  const rest = report.coverage.length - rows;
  const heading = coverageHeading(report);
  const mark = replay.mark?.experienceId === report.experience ? replay.mark : null;
  return (
    <div className="paths-coverage">
      <h3 className="explorer-subtitle" data-testid="coverage-title">
        {heading.title}
        {heading.hint && <span className="muted"> · {heading.hint}</span>}
      </h3>
      {/* One polite live line follows the replay (and says why it stopped). */}
      <p
        className={`replay-progress${mark?.state === "failed" ? " is-error" : ""}`}
        data-testid="replay-progress"
        aria-live="polite"
      >
        {replayProgressWords(mark)}
      </p>
      <ol className="coverage-list" data-testid="coverage-list">
        {Array.from({ length: rows }, (_, index) => (
          <CoverageRow
            // biome-ignore lint/suspicious/noArrayIndexKey: a path is its place in the report
            key={index}
            report={report}
            index={index}
            experience={experience}
            mark={replay.mark}
            disabled={stale}
            onReplay={() =>
              replay.replay(
                index,
                expandCoverage(report.coverage, index),
                report.setup,
                report.experience,
              )
            }
          />
        ))}
      </ol>
      {rest > 0 && (
        <button type="button" className="link-button" onClick={() => setShown(rows + moreRows)}>
          {rest <= moreRows
            ? `Show all ${report.coverage.length} paths`
            : `Show ${moreRows} more of ${rest} paths`}
        </button>
      )}
      <IdList label="No path can take:" ids={report.untakable} kind="untakable" />
      <IdList label="Not covered:" ids={report.missed} kind="missed" />
    </div>
  );
}

interface PathsViewProps {
  project: Project | null;
  experienceId: string | null;
  state: ExploreState;
  replay: PathReplay;
  onRunAgain(): void;
}

function waitingWords(state: ExploreState, experienceId: string | null): string {
  if (state.status === "cancelled") return "Cancelled before the paths were counted.";
  if (state.status === "failed") return "No paths: the explorer stopped.";
  return `Exploring the paths of ${experienceId ?? "the selected experience"}…`;
}

export function PathsView({ project, experienceId, state, replay, onRunAgain }: PathsViewProps) {
  if (!project) return <p className="explorer-empty">No valid project to explore yet.</p>;
  const view = pathsView(state, project, experienceId);
  if (!view) return <p className="explorer-empty">{waitingWords(state, experienceId)}</p>;
  const { entry, stale } = view;
  if (!entry.outcome.ok) {
    const error = entry.outcome.kind === "error";
    return (
      <p className={`explorer-empty${error ? " is-error" : ""}`} role={error ? "alert" : undefined}>
        {error ? `The paths could not be counted: ${entry.outcome.message}` : entry.outcome.message}
      </p>
    );
  }
  const report = entry.outcome.report;
  const experience = entry.project.experiences.find((e) => e.id === report.experience);
  if (!experience) return null;
  return (
    <>
      <StaleNote
        words={staleWords(entry, project, experienceId)}
        status={state.status}
        onRunAgain={onRunAgain}
      />
      <div
        className="paths-view"
        data-testid="paths-view"
        data-experience={report.experience}
        data-stale={stale || undefined}
      >
        <Counts report={report} />
        <Coverage report={report} experience={experience} replay={replay} stale={stale} />
      </div>
    </>
  );
}

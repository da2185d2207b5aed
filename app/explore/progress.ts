// One progress bar for a request's jobs: each job gets an equal share of the bar, each phase
// of the path explorer a share of its job's. The panel asks for counts and coverage only
// (explore-handler.ts): counting is quick, coverage the rest; the shortest and simple paths
// phases (never reported to the panel) get a zero-width span.
import type { ExploreJob, ExplorePhase, ProgressAnswer, Wanted } from "./explore-protocol.ts";

type Span = readonly [from: number, to: number];

const phaseSpans: Record<ExplorePhase, Span> = {
  count: [0, 0.1],
  shortest: [0.1, 0.1],
  coverage: [0.1, 1],
  simple: [1, 1],
  races: [0, 1],
};

const phaseLabels: Record<ExplorePhase, { label: string; units: string }> = {
  count: { label: "Counting paths", units: "" },
  shortest: { label: "Shortest paths", units: "nodes" },
  coverage: { label: "Coverage", units: "transitions" },
  simple: { label: "Simple paths", units: "" },
  races: { label: "Races", units: "lists" },
};

const jobOrder: readonly ExploreJob[] = ["paths", "races"];

function jobSpan(want: Wanted, job: ExploreJob): Span {
  const jobs = jobOrder.filter((j) => want[j]);
  const index = jobs.indexOf(job);
  if (index < 0) return [0, 1];
  return [index / jobs.length, (index + 1) / jobs.length];
}

function within([from, to]: Span, fraction: number): number {
  return from + (to - from) * fraction;
}

/** How far the whole request is, from 0 to 1. */
export function overallProgress(want: Wanted, progress: ProgressAnswer | null): number {
  if (!progress) return 0;
  const inPhase = progress.total > 0 ? Math.min(1, Math.max(0, progress.done / progress.total)) : 1;
  const inJob = within(phaseSpans[progress.phase], inPhase);
  return within(jobSpan(want, progress.job), inJob);
}

/** "Coverage · 340 of 1,002 transitions" (counted only when a phase has several units). */
export function progressLabel(progress: ProgressAnswer | null): string {
  if (!progress) return "Starting…";
  const { label, units } = phaseLabels[progress.phase];
  if (progress.total <= 1) return `${label}…`;
  const of = `${progress.done.toLocaleString("en-US")} of ${progress.total.toLocaleString("en-US")}`;
  return `${label} · ${of}${units ? ` ${units}` : ""}`;
}

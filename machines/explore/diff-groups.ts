// A diff report as the lists people read (`flowscope diff` and the app's Compare view print
// the same): one group per experience (its steps, routes, path counts, reachability, its
// launches and diagnostics, its other changes, then the cosmetic ones), then the project.
// Markers: + added, - removed, ~ changed, · cosmetic, ! could not compare.
import type {
  DataChange,
  DiagnosticChange,
  ExperienceDiff,
  LaunchEdgeChange,
  ProjectDiff,
} from "./diff.ts";

export type DiffTone = "added" | "removed" | "changed" | "cosmetic" | "note";

export interface DiffLine {
  mark: "+" | "-" | "~" | "·" | "!";
  tone: DiffTone;
  text: string;
  /** A diagnostic introduced (in the new version) or fixed (in the old one). */
  diagnostic?: { change: DiagnosticChange; version: "old" | "new" };
}

export interface DiffGroup {
  /** The experience, or undefined for the project. */
  experience?: string;
  title: string;
  /** No behavioural change in the group. */
  same: boolean;
  lines: DiffLine[];
}

const marks = { added: "+", removed: "-", changed: "~", cosmetic: "·", note: "!" } as const;

function line(tone: DiffTone, text: string): DiffLine {
  return { mark: marks[tone], tone, text };
}

function dataLine(change: DataChange): DiffLine {
  if (change.cosmetic) return line("cosmetic", `cosmetic: ${change.text}`);
  const tone = change.kind === "added" || change.kind === "removed" ? change.kind : "changed";
  return line(tone, change.text);
}

function byKey<T>(items: readonly T[], key: (item: T) => string | undefined) {
  const map = new Map<string | undefined, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

interface Shared {
  added: Map<string | undefined, LaunchEdgeChange[]>;
  removed: Map<string | undefined, LaunchEdgeChange[]>;
  introduced: Map<string | undefined, DiagnosticChange[]>;
  fixed: Map<string | undefined, DiagnosticChange[]>;
}

function sharedLines(key: string | undefined, s: Shared): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const e of s.added.get(key) ?? []) lines.push(line("added", `launch graph: ${e.text}`));
  for (const e of s.removed.get(key) ?? []) lines.push(line("removed", `launch graph: ${e.text}`));
  // A new warning is no good news and a fixed one no loss: diagnostics are "changed" in tone.
  for (const change of s.introduced.get(key) ?? []) {
    lines.push({
      mark: "+",
      tone: "changed",
      text: change.text,
      diagnostic: { change, version: "new" },
    });
  }
  for (const change of s.fixed.get(key) ?? []) {
    lines.push({
      mark: "-",
      tone: "changed",
      text: change.text,
      diagnostic: { change, version: "old" },
    });
  }
  return lines;
}

/** Past this many steps, one line names the first few (a big flow cut in two). */
const stepListLimit = 8;

function reachabilityLines(e: ExperienceDiff): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const reachable of [false, true]) {
    const steps = e.reachability.filter((step) => step.reachable === reachable);
    if (steps.length <= stepListLimit) {
      for (const step of steps) lines.push(line("changed", step.text));
      continue;
    }
    const names = steps.slice(0, stepListLimit).map((step) => `“${step.name}”`);
    const more = steps.length - stepListLimit;
    const what = reachable ? "are now reachable" : "are no longer reachable";
    lines.push(
      line(
        "changed",
        `${steps.length} steps ${what} from the first step: ${names.join(", ")} and ${more} more`,
      ),
    );
  }
  return lines;
}

function experienceLines(e: ExperienceDiff, s: Shared): DiffLine[] {
  const lines: DiffLine[] = [];
  if (e.error) lines.push(line("note", e.error));
  if (e.firstStep) lines.push(line("changed", e.firstStep.text));
  for (const step of e.stepsAdded) lines.push(line("added", step.text));
  for (const step of e.stepsRemoved) lines.push(line("removed", step.text));
  for (const route of e.routes) {
    lines.push(
      line(route.kind === "added" || route.kind === "removed" ? route.kind : "changed", route.text),
    );
  }
  if (e.paths.changed) lines.push(line("changed", e.paths.text));
  lines.push(...reachabilityLines(e));
  lines.push(...sharedLines(e.id, s));
  for (const change of e.changes) lines.push(dataLine(change));
  for (const change of e.cosmetic) lines.push(dataLine(change));
  return lines;
}

/** The report as groups of lines: experiences (changed, added, removed), then the project. */
export function diffGroups(report: ProjectDiff): DiffGroup[] {
  const s: Shared = {
    added: byKey(report.launchGraph.edgesAdded, (e) => e.experience),
    removed: byKey(report.launchGraph.edgesRemoved, (e) => e.experience),
    introduced: byKey(report.diagnostics.introduced, (d) => d.experience),
    fixed: byKey(report.diagnostics.fixed, (d) => d.experience),
  };
  const groups: DiffGroup[] = [];
  for (const e of report.experiences) {
    const title = `${e.name} (${e.id}, ${e.type})`;
    const lines = experienceLines(e, s);
    const same = e.same && lines.every((l) => l.tone === "cosmetic");
    groups.push({ experience: e.id, title, same, lines });
  }
  for (const [refs, tone] of [
    [report.experiencesAdded, "added"],
    [report.experiencesRemoved, "removed"],
  ] as const) {
    for (const e of refs) {
      groups.push({
        experience: e.id,
        title: `${e.name} (${e.id}, ${e.type})`,
        same: false,
        lines: [line(tone, e.text), ...sharedLines(e.id, s)],
      });
    }
  }
  const project: DiffLine[] = [];
  for (const c of report.launchGraph.cyclesAdded) {
    project.push({ mark: "+", tone: "changed", text: `launch cycle: ${c.text}` });
  }
  for (const c of report.launchGraph.cyclesRemoved) {
    project.push({ mark: "-", tone: "changed", text: `launch cycle: ${c.text}` });
  }
  project.push(...sharedLines(undefined, s));
  for (const change of report.project.changes) project.push(dataLine(change));
  for (const change of report.project.cosmetic) project.push(dataLine(change));
  if (project.length > 0) {
    const same = project.every((l) => l.tone === "cosmetic");
    groups.push({ title: "Project", same, lines: project });
  }
  return groups;
}

/** How many cosmetic changes the report lists. */
export function cosmeticCount(report: ProjectDiff): number {
  return (
    report.experiences.reduce((n, e) => n + e.cosmetic.length, 0) + report.project.cosmetic.length
  );
}

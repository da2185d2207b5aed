// How `flowscope diff` prints its report for people: a verdict, then one block per experience
// (routes, path counts, reachability, its launches and diagnostics, other changes, cosmetic
// ones), then the project (launch cycles, settings, posts…), then the recordings.
// Markers: + added, - removed, ~ changed, · cosmetic.
import type {
  DataChange,
  DiagnosticChange,
  ExperienceDiff,
  LaunchEdgeChange,
} from "../../machines/explore/index.ts";
import type { DiffJson } from "../commands/diff.ts";
import { paint } from "../io.ts";

type Paint = (style: Parameters<typeof paint>[1], text: string) => string;

function place(d: DiagnosticChange, file: string): string {
  return d.line === undefined ? file : `${file}:${d.line}:${d.column ?? 1}`;
}

function diagnosticLine(d: DiagnosticChange, file: string, sign: string, p: Paint): string {
  const severity = p(d.severity === "error" ? "red" : "yellow", d.severity);
  const verb = sign === "+" ? "new" : "fixed";
  return `${sign} ${verb} ${severity} ${p("dim", d.code)}  ${place(d, file)}  ${d.message}`;
}

function cosmeticCount(report: DiffJson): number {
  return (
    report.experiences.reduce((n, e) => n + e.cosmetic.length, 0) + report.project.cosmetic.length
  );
}

function verdict(report: DiffJson, p: Paint): string {
  const head = `${report.files.old} → ${report.files.new}`;
  const cosmetic = cosmeticCount(report);
  if (!report.same) return p("bold", `${head}: behaviour differs`);
  if (cosmetic === 0) return p("bold", `${head}: same behaviour, no change`);
  return p(
    "bold",
    `${head}: same behaviour; ${cosmetic} cosmetic change${cosmetic === 1 ? "" : "s"} only`,
  );
}

interface Sections {
  launches: Map<string | undefined, { added: LaunchEdgeChange[]; removed: LaunchEdgeChange[] }>;
  introduced: Map<string | undefined, DiagnosticChange[]>;
  fixed: Map<string | undefined, DiagnosticChange[]>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined) {
  const map = new Map<string | undefined, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

function sections(report: DiffJson): Sections {
  const added = groupBy(report.launchGraph.edgesAdded, (e) => e.experience);
  const removed = groupBy(report.launchGraph.edgesRemoved, (e) => e.experience);
  const launches: Sections["launches"] = new Map();
  for (const key of new Set([...added.keys(), ...removed.keys()])) {
    launches.set(key, { added: added.get(key) ?? [], removed: removed.get(key) ?? [] });
  }
  return {
    launches,
    introduced: groupBy(report.diagnostics.introduced, (d) => d.experience),
    fixed: groupBy(report.diagnostics.fixed, (d) => d.experience),
  };
}

/** The lines every group shares: launches, diagnostics, other changes, cosmetic ones. */
function sharedLines(
  key: string | undefined,
  changes: readonly DataChange[],
  cosmetic: readonly DataChange[],
  s: Sections,
  report: DiffJson,
  p: Paint,
): string[] {
  const lines: string[] = [];
  const launches = s.launches.get(key);
  for (const e of launches?.added ?? []) lines.push(p("green", `+ launch graph: ${e.text}`));
  for (const e of launches?.removed ?? []) lines.push(p("red", `- launch graph: ${e.text}`));
  for (const d of s.introduced.get(key) ?? [])
    lines.push(diagnosticLine(d, report.files.new, "+", p));
  for (const d of s.fixed.get(key) ?? []) lines.push(diagnosticLine(d, report.files.old, "-", p));
  for (const c of changes)
    lines.push(`${c.kind === "added" ? "+" : c.kind === "removed" ? "-" : "~"} ${c.text}`);
  for (const c of cosmetic) lines.push(p("dim", `· cosmetic: ${c.text}`));
  return lines;
}

function experienceBlock(e: ExperienceDiff, s: Sections, report: DiffJson, p: Paint): string {
  const title = `${e.name} (${e.id}, ${e.type})${e.same ? ": same behaviour" : ""}`;
  const lines = [p("bold", title)];
  if (e.error) lines.push(p("yellow", `! ${e.error}`));
  if (e.firstStep) lines.push(`~ ${e.firstStep.text}`);
  for (const step of e.stepsAdded) lines.push(p("green", `+ ${step.text}`));
  for (const step of e.stepsRemoved) lines.push(p("red", `- ${step.text}`));
  for (const route of e.routes) {
    const sign = route.kind === "added" ? "+" : route.kind === "removed" ? "-" : "~";
    const style = route.kind === "added" ? "green" : route.kind === "removed" ? "red" : "yellow";
    lines.push(p(style, `${sign} ${route.text}`));
  }
  if (e.paths.changed) lines.push(`~ ${e.paths.text}`);
  for (const step of e.reachability) lines.push(`~ ${step.text}`);
  lines.push(...sharedLines(e.id, e.changes, e.cosmetic, s, report, p));
  return lines.join("\n  ");
}

/** Launches and diagnostics of an experience that is not compared (added, removed). */
function orphanBlock(id: string, title: string, s: Sections, report: DiffJson, p: Paint): string {
  const lines = sharedLines(id, [], [], s, report, p);
  return [p("bold", title), ...lines].join("\n  ");
}

export function formatDiffHuman(report: DiffJson, color: boolean): string {
  const p: Paint = (style, text) => paint(color, style, text);
  const s = sections(report);
  const blocks: string[] = [verdict(report, p)];
  const added = report.experiencesAdded;
  const removed = report.experiencesRemoved;
  if (added.length + removed.length > 0) {
    blocks.push(
      [
        p("bold", "Experiences"),
        ...added.map((e) => p("green", `+ ${e.text}`)),
        ...removed.map((e) => p("red", `- ${e.text}`)),
      ].join("\n  "),
    );
  }
  for (const e of report.experiences) blocks.push(experienceBlock(e, s, report, p));
  for (const e of [...added, ...removed]) {
    if (s.launches.has(e.id) || s.introduced.has(e.id) || s.fixed.has(e.id)) {
      blocks.push(orphanBlock(e.id, `${e.name} (${e.id}, ${e.type})`, s, report, p));
    }
  }
  const project = sharedLines(
    undefined,
    report.project.changes,
    report.project.cosmetic,
    s,
    report,
    p,
  );
  const lg = report.launchGraph;
  for (const c of lg.cyclesAdded) project.unshift(p("red", `+ launch cycle: ${c.text}`));
  for (const c of lg.cyclesRemoved) project.unshift(p("green", `- launch cycle: ${c.text}`));
  if (project.length > 0) blocks.push([p("bold", "Project"), ...project].join("\n  "));
  if (report.recordings) {
    const changed = report.recordings.filter((r) => r.change !== "none");
    const skipped = report.recordingsSkipped?.length ?? 0;
    const head = `Recordings (${report.files.recordings}): ${report.recordings.length} replayed on both versions, ${changed.length} changed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
    const lines = [p("bold", head)];
    for (const r of changed) {
      const style =
        r.change === "passToFail" ? "red" : r.change === "failToPass" ? "green" : "yellow";
      lines.push(
        p(
          style,
          `${r.change === "passToFail" ? "✘" : r.change === "failToPass" ? "✔" : "~"} ${r.text}`,
        ),
      );
    }
    const others = (report.recordingsSkipped ?? []).filter((r) =>
      r.reason.startsWith("for another"),
    );
    if (others.length > 0) {
      lines.push(
        p(
          "dim",
          `· skipped ${others.length} recording${others.length === 1 ? "" : "s"} of other projects (--json lists them)`,
        ),
      );
    }
    for (const skipped of report.recordingsSkipped ?? []) {
      if (!others.includes(skipped))
        lines.push(p("dim", `· skipped ${skipped.file}: ${skipped.reason}`));
    }
    blocks.push(lines.join("\n  "));
  }
  if (report.unchanged.length > 0) {
    blocks.push(p("dim", `Unchanged: ${report.unchanged.join(", ")}`));
  }
  return `${blocks.join("\n\n")}\n`;
}

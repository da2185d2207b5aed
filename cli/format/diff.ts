// How `flowscope diff` prints its report for people: a verdict, then the groups the app's
// Compare view shows too (machines/explore/diff-groups.ts: one per experience, then the
// project), a diagnostic with its file:line:col, then the recordings.
// Markers: + added, - removed, ~ changed, · cosmetic, ! could not compare.
import {
  cosmeticCount,
  type DiffLine,
  type DiffTone,
  diffGroups,
  type ProjectDiff,
} from "../../machines/explore/index.ts";
import { paint, type Style } from "../io.ts";

/** `diff --json`: the files compared, then machines/explore/diff.ts's ProjectDiff. */
export interface DiffJson extends ProjectDiff {
  files: { old: string; new: string; recordings?: string };
  /** Files in the recordings folder that are not recordings of this project, and why. */
  recordingsSkipped?: { file: string; reason: string }[];
}

type Paint = (style: Style, text: string) => string;

const styles: Record<DiffTone, Style | undefined> = {
  added: "green",
  removed: "red",
  changed: "yellow",
  cosmetic: "dim",
  note: "yellow",
};

function verdict(report: DiffJson, p: Paint): string {
  const head = `${report.files.old} → ${report.files.new}`;
  const cosmetic = cosmeticCount(report);
  if (!report.same) return p("bold", `${head}: behaviour differs`);
  if (cosmetic === 0) return p("bold", `${head}: same behaviour, no change`);
  const s = cosmetic === 1 ? "" : "s";
  return p("bold", `${head}: same behaviour; ${cosmetic} cosmetic change${s} only`);
}

function lineText(line: DiffLine, report: DiffJson, p: Paint): string {
  const style = styles[line.tone];
  const paintTone = (text: string) => (style ? p(style, text) : text);
  if (!line.diagnostic) return paintTone(`${line.mark} ${line.text}`);
  const { change, version } = line.diagnostic;
  const file = version === "new" ? report.files.new : report.files.old;
  const place = change.line === undefined ? file : `${file}:${change.line}:${change.column ?? 1}`;
  const verb = version === "new" ? "new" : "fixed";
  const severity = p(change.severity === "error" ? "red" : "yellow", change.severity);
  return `${line.mark} ${verb} ${severity} ${p("dim", change.code)}  ${place}  ${change.message}`;
}

function recordingLines(report: DiffJson, p: Paint): string[] {
  const recordings = report.recordings ?? [];
  const changed = recordings.filter((r) => r.change !== "none");
  const skipped = report.recordingsSkipped ?? [];
  const tail = skipped.length > 0 ? `, ${skipped.length} skipped` : "";
  const lines = [
    p(
      "bold",
      `Recordings (${report.files.recordings}): ${recordings.length} replayed on both versions, ${changed.length} changed${tail}`,
    ),
  ];
  for (const r of changed) {
    if (r.change === "passToFail") lines.push(p("red", `✘ ${r.text}`));
    else if (r.change === "failToPass") lines.push(p("green", `✔ ${r.text}`));
    else lines.push(p("yellow", `~ ${r.text}`));
  }
  const others = skipped.filter((r) => r.reason.startsWith("for another"));
  if (others.length > 0) {
    const s = others.length === 1 ? "" : "s";
    lines.push(
      p("dim", `· skipped ${others.length} recording${s} of other projects (--json lists them)`),
    );
  }
  for (const r of skipped) {
    if (!others.includes(r)) lines.push(p("dim", `· skipped ${r.file}: ${r.reason}`));
  }
  return lines;
}

export function formatDiffHuman(report: DiffJson, color: boolean): string {
  const p: Paint = (style, text) => paint(color, style, text);
  const blocks: string[] = [verdict(report, p)];
  for (const group of diffGroups(report)) {
    const title = `${group.title}${group.same ? ": same behaviour" : ""}`;
    const lines = group.lines.map((line) => lineText(line, report, p));
    blocks.push([p("bold", title), ...lines].join("\n  "));
  }
  if (report.recordings) blocks.push(recordingLines(report, p).join("\n  "));
  if (report.unchanged.length > 0) {
    blocks.push(p("dim", `Unchanged: ${report.unchanged.join(", ")}`));
  }
  return `${blocks.join("\n\n")}\n`;
}

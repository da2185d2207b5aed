// The four reports of `flowscope replay` (README "Semantics" → Command line):
// - human: one line per recording (✔ / ✘ / ↻, its path, what happened, its time), the diff
//   or the error under a failing one, the applied diff under an updated one, then a summary;
// - junit: JUnit XML as the common junit-4.xsd describes it (test/fixtures/junit-4.xsd): one
//   <testsuite> per folder, one <testcase> per recording (classname = its folder, name = its
//   file), <failure> with the `- expected / + actual` diff, <error> when it cannot be read,
//   <skipped/> when --bail left it out, <system-out> with the diff --update applied;
// - tap: TAP version 14, a YAML block with the message and diff under each `not ok`;
// - json: { summary, recordings, ignored }.
import { formatMismatches } from "../../machines/engine/index.ts";
import { paint } from "../io.ts";
import type { RecordingReport, RunSummary } from "./run.ts";

export const reporterNames = ["human", "junit", "tap", "json"] as const;
export type ReporterName = (typeof reporterNames)[number];

/** The whole report in `name`'s format (the human one: lines and summary, no colors). */
export function formatReport(name: ReporterName, summary: RunSummary): string {
  switch (name) {
    case "human":
      return `${summary.reports.map((report) => formatHumanRecording(report, false)).join("")}${formatHumanSummary(summary, false)}`;
    case "junit":
      return formatJunit(summary);
    case "tap":
      return formatTap(summary);
    case "json":
      return `${JSON.stringify(jsonReport(summary), null, 2)}\n`;
  }
}

// -------------------------------------------------------------------------------- human

/** A duration as people read it: `12 ms`, `1.23 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What happened to a recording, in a few words. */
export function outcomeWords(report: RecordingReport): string {
  switch (report.status) {
    case "passed":
      return `${plural(report.expectations, "expectation")} hold`;
    case "failed":
      return report.error !== undefined
        ? "cannot be run"
        : `${report.mismatches.length} of ${plural(report.expectations, "expectation")} fail`;
    case "unreadable":
      return "cannot be read";
    case "updated":
      return `updated: ${plural(report.applied?.length ?? 0, "change")} written`;
    case "notRun":
      return "not run (--bail)";
  }
}

/** The details under a recording's line: the diff, the error or the applied changes. */
export function detailsOf(report: RecordingReport): string | undefined {
  if (report.error !== undefined) return report.error;
  if (report.mismatches.length > 0) return formatMismatches(report.mismatches);
  if (report.applied !== undefined && report.applied.length > 0) {
    return formatMismatches(report.applied);
  }
  return undefined;
}

const marks = {
  passed: ["✔", "green"],
  failed: ["✘", "red"],
  unreadable: ["✘", "red"],
  updated: ["↻", "yellow"],
  notRun: ["-", "dim"],
} as const;

/**
 * One recording: its line, then its details indented and followed by a blank line. An error
 * (it cannot be read or run) is among the details only `withErrors` (the report written to a
 * file); on a terminal the command writes it to stderr instead.
 */
export function formatHumanRecording(
  report: RecordingReport,
  color: boolean,
  withErrors = true,
): string {
  const [mark, style] = marks[report.status];
  const line = `${paint(color, style, mark)} ${report.display}  ${outcomeWords(report)}  ${paint(color, "dim", formatDuration(report.durationMs))}\n`;
  const details = shownDetails(report, withErrors);
  if (details === undefined) return line;
  return `${line}\n${indent(details, "    ")}\n\n`;
}

function shownDetails(report: RecordingReport, withErrors: boolean): string | undefined {
  return report.error !== undefined && !withErrors ? undefined : detailsOf(report);
}

export function formatHumanSummary(summary: RunSummary, color: boolean, withErrors = true): string {
  const count = (status: RecordingReport["status"]) =>
    summary.reports.filter((report) => report.status === status).length;
  const parts = [`${count("passed")} passed`];
  const failed = count("failed");
  parts.push(paint(color && failed > 0, "red", `${failed} failed`));
  const unreadable = count("unreadable");
  if (unreadable > 0) parts.push(paint(color, "red", `${unreadable} cannot be read`));
  const updated = count("updated");
  if (updated > 0) parts.push(paint(color, "yellow", `${updated} updated`));
  const notRun = count("notRun");
  if (notRun > 0) parts.push(`${notRun} not run (--bail)`);
  // One blank line before the summary (a recording with details already ends with one).
  const last = summary.reports.at(-1);
  const gap = last !== undefined && shownDetails(last, withErrors) !== undefined ? "" : "\n";
  let text = `${gap}${plural(summary.reports.length, "recording")}: ${parts.join(", ")}  (${formatDuration(summary.durationMs)})\n`;
  if (summary.ignored.length > 0) {
    const projects = summary.ignored.filter((file) => file.as === "project").length;
    const scripts = summary.ignored.length - projects;
    const what = [
      projects > 0 ? plural(projects, "project") : "",
      scripts > 0 ? plural(scripts, "script") : "",
    ].filter(Boolean);
    text += paint(color, "dim", `skipped ${what.join(" and ")} found beside the recordings\n`);
  }
  return text;
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : by + line))
    .join("\n");
}

// -------------------------------------------------------------------------------- junit

/** XML 1.0 forbids these characters even escaped: they are written as `\uXXXX` text. */
const notXmlChar =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function xmlSafe(text: string): string {
  return text.replace(
    notXmlChar,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Text content: `&`, `<`, `>` escaped; a carriage return kept as a reference. */
export function xmlText(text: string): string {
  return xmlSafe(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll("\r", "&#13;");
}

/** An attribute value in double quotes: also `"`, and white space kept as references. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replaceAll('"', "&quot;").replaceAll("\n", "&#10;").replaceAll("\t", "&#9;");
}

function attributes(values: Record<string, string | number | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${xmlAttribute(String(value))}"`)
    .join("");
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** `2026-01-05T09:00:00`: the timestamp form Ant and Jenkins write (UTC here). */
function timestamp(date: Date): string {
  return date.toISOString().slice(0, 19);
}

export function formatJunit(summary: RunSummary, now: Date = new Date()): string {
  const byFolder = new Map<string, RecordingReport[]>();
  for (const report of summary.reports) {
    const group = byFolder.get(report.folder) ?? [];
    group.push(report);
    byFolder.set(report.folder, group);
  }
  const counts = (reports: readonly RecordingReport[]) => ({
    tests: reports.length,
    failures: reports.filter((r) => r.status === "failed").length,
    errors: reports.filter((r) => r.status === "unreadable").length,
    skipped: reports.filter((r) => r.status === "notRun").length,
  });
  const total = counts(summary.reports);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({
      name: "flowscope replay",
      tests: total.tests,
      failures: total.failures,
      errors: total.errors,
      time: seconds(summary.durationMs),
    })}>`,
  ];
  for (const [folder, reports] of byFolder) {
    const own = counts(reports);
    const time = reports.reduce((sum, report) => sum + report.durationMs, 0);
    lines.push(
      `  <testsuite${attributes({
        name: folder,
        tests: own.tests,
        failures: own.failures,
        errors: own.errors,
        skipped: own.skipped,
        time: seconds(time),
        timestamp: timestamp(now),
      })}>`,
    );
    for (const report of reports) for (const line of junitTestcase(report)) lines.push(line);
    lines.push("  </testsuite>");
  }
  lines.push("</testsuites>");
  return `${lines.join("\n")}\n`;
}

function junitTestcase(report: RecordingReport): string[] {
  const open = `    <testcase${attributes({
    classname: report.folder,
    name: report.name,
    time: seconds(report.durationMs),
    assertions: report.expectations > 0 ? report.expectations : undefined,
  })}`;
  const details = detailsOf(report) ?? "";
  const message = outcomeWords(report);
  switch (report.status) {
    case "passed":
      return [`${open}/>`];
    case "updated":
      return [
        `${open}>`,
        `      <system-out>${xmlText(`${message}\n${details}`)}</system-out>`,
        "    </testcase>",
      ];
    case "notRun":
      return [`${open}>`, "      <skipped/>", "    </testcase>"];
    case "failed":
    case "unreadable": {
      const element = report.status === "failed" ? "failure" : "error";
      const type =
        report.status === "unreadable"
          ? "unreadable"
          : report.error !== undefined
            ? "invalid"
            : "mismatch";
      const firstLine = report.error?.split("\n")[0];
      return [
        `${open}>`,
        `      <${element}${attributes({ message: firstLine ?? message, type })}>${xmlText(details)}</${element}>`,
        "    </testcase>",
      ];
    }
  }
}

// ---------------------------------------------------------------------------------- tap

/** A TAP description: one line, `#` escaped (it would start a directive). */
function tapDescription(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replaceAll("\\", "\\\\")
    .replaceAll("#", "\\#");
}

/** C0 controls but tab and newline, as `\uXXXX` text: a YAML block holds printable text. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters replaced
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

export function formatTap(summary: RunSummary): string {
  const lines = ["TAP version 14", `1..${summary.reports.length}`];
  summary.reports.forEach((report, index) => {
    const number = index + 1;
    const description = `- ${tapDescription(report.display)}`;
    const time = `# time=${report.durationMs.toFixed(3)}ms`;
    if (report.status === "notRun") {
      lines.push(`ok ${number} ${description} # SKIP not run (--bail)`);
      return;
    }
    const ok = report.status === "passed" || report.status === "updated";
    lines.push(`${ok ? "ok" : "not ok"} ${number} ${description} ${time}`);
    const details = detailsOf(report);
    if (ok && details === undefined) return;
    lines.push("  ---");
    // YAML: a JSON string is a valid double-quoted scalar; the block scalar keeps the diff.
    lines.push(`  message: ${JSON.stringify(outcomeWords(report))}`);
    lines.push(`  severity: ${ok ? "comment" : report.status === "unreadable" ? "error" : "fail"}`);
    if (details !== undefined) {
      const key = ok ? "applied" : report.error !== undefined ? "error" : "diff";
      lines.push(`  ${key}: |2-`);
      for (const line of printable(details).split("\n"))
        lines.push(line === "" ? "" : `    ${line}`);
    }
    lines.push("  ...");
  });
  if (summary.reports.some((report) => report.status === "notRun")) {
    lines.push("# stopped at the first failure (--bail)");
  }
  return `${lines.join("\n")}\n`;
}

// --------------------------------------------------------------------------------- json

export function jsonReport(summary: RunSummary) {
  const count = (status: RecordingReport["status"]) =>
    summary.reports.filter((report) => report.status === status).length;
  return {
    summary: {
      recordings: summary.reports.length,
      passed: count("passed"),
      failed: count("failed"),
      unreadable: count("unreadable"),
      updated: count("updated"),
      notRun: count("notRun"),
      projects: summary.projects,
      durationMs: Math.round(summary.durationMs * 1000) / 1000,
      exitCode: summary.exitCode,
    },
    recordings: summary.reports.map((report) => ({
      file: report.display,
      folder: report.folder,
      name: report.name,
      status: report.status,
      durationMs: Math.round(report.durationMs * 1000) / 1000,
      expectations: report.expectations,
      mismatches: report.mismatches,
      ...(report.error !== undefined ? { error: report.error } : {}),
      ...(report.applied !== undefined ? { applied: report.applied } : {}),
    })),
    ignored: summary.ignored.map((file) => ({ file: file.display, as: file.as })),
  };
}

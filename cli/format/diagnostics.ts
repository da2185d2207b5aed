// How `flowscope validate` prints diagnostics: human lines grouped by experience, or the
// exact JSON shape of SPEC §4. Pure functions: tested in-process.
import type { Diagnostic } from "../../machines/model/index.ts";
import { paint } from "../io.ts";

export interface HumanFormatOptions {
  /** The file name as the user typed it; starts every diagnostic line. */
  file: string;
  /** Experience ids by index in the document (missing or non-string ids: undefined). */
  experienceIds: readonly (string | undefined)[];
  color: boolean;
}

export interface DiagnosticGroup {
  /** Index in `experiences`, or undefined for project-level diagnostics. */
  experienceIndex: number | undefined;
  diagnostics: Diagnostic[];
}

/** `--json`: exactly { diagnostics: [{ severity, code, message, pointer, line, column }] }. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const shaped = diagnostics.map(({ severity, code, message, pointer, line, column }) => ({
    severity,
    code,
    message,
    pointer,
    line,
    column,
  }));
  return `${JSON.stringify({ diagnostics: shaped }, null, 2)}\n`;
}

/** Human output: a header per group (project first), one line per diagnostic, a summary. */
export function formatDiagnosticsHuman(
  diagnostics: readonly Diagnostic[],
  options: HumanFormatOptions,
): string {
  const blocks = groupByExperience(diagnostics).map((group) =>
    [
      paint(options.color, "bold", groupHeader(group, options.experienceIds)),
      ...group.diagnostics.map((d) => formatDiagnosticLine(d, options.file, options.color)),
    ].join("\n"),
  );
  return [...blocks, formatSummary(diagnostics, options.color)].join("\n\n").concat("\n");
}

/** `file:line:col  severity  code  message` (the position is left out when unknown). */
export function formatDiagnosticLine(diagnostic: Diagnostic, file: string, color: boolean): string {
  const place =
    diagnostic.line === undefined ? file : `${file}:${diagnostic.line}:${diagnostic.column ?? 1}`;
  const severity = paint(
    color,
    diagnostic.severity === "error" ? "red" : "yellow",
    diagnostic.severity,
  );
  return `${place}  ${severity}  ${paint(color, "dim", diagnostic.code)}  ${diagnostic.message}`;
}

/** `✖ 2 errors, 1 warning`, `⚠ 0 errors, 1 warning` or `✔ no problems`. */
export function formatSummary(diagnostics: readonly Diagnostic[], color: boolean): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0) return paint(color, "green", "✔ no problems");
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
  return errors > 0 ? paint(color, "red", `✖ ${counts}`) : paint(color, "yellow", `⚠ ${counts}`);
}

/** The line printed (on stderr) when the file is not JSON: `file:line:col  error  parse  message`. */
export function formatParseError(
  file: string,
  parseError: { message: string; line: number; column: number },
): string {
  return `${file}:${parseError.line}:${parseError.column}  error  parse  ${parseError.message}`;
}

/** Project-level diagnostics first, then one group per experience in document order. */
export function groupByExperience(diagnostics: readonly Diagnostic[]): DiagnosticGroup[] {
  const groups = new Map<number | undefined, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const index = experienceIndexOf(diagnostic.pointer);
    const group = groups.get(index) ?? [];
    group.push(diagnostic);
    groups.set(index, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a ?? -1) - (b ?? -1))
    .map(([experienceIndex, list]) => ({ experienceIndex, diagnostics: list.sort(byPosition) }));
}

/** `/experiences/3/steps/0` → 3; anything not under one experience → undefined. */
export function experienceIndexOf(pointer: string): number | undefined {
  const match = /^\/experiences\/(\d+)(?:\/|$)/.exec(pointer);
  return match ? Number(match[1]) : undefined;
}

function groupHeader(group: DiagnosticGroup, ids: readonly (string | undefined)[]): string {
  if (group.experienceIndex === undefined) return "project";
  const id = ids[group.experienceIndex];
  return id === undefined
    ? `experience #${group.experienceIndex}`
    : `experience ${JSON.stringify(id)}`;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

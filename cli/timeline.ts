// The readable form of a simulation Result (`flowscope simulate` without --json): a timeline
// of the trace, then the final state. Pure functions of the Result: tested in-process.
//
//   +0.000s  experience.shown      onboarding
//            step.entered          onboarding › welcome
//            ┌ action.fired        goToStep #0  onboarding › welcome
//            └ action.fired        navigateTo #1  onboarding › welcome
//   +0.400s  action.landed         navigateTo #1  onboarding
//
// Actions fired by one list at one instant share a bracket (they fire together, SPEC §3.3).
import type { Result, TraceEntry } from "../machines/format/index.ts";
import { paint } from "./io.ts";

export interface TimelineOptions {
  color: boolean;
}

/** Width of the type column, so details line up. */
const typeWidth = 20;
/** Keys shown in the label part of a line, not again as key=value. */
const labelKeys = new Set(["at", "type", "experience", "step", "action", "order", "reasons"]);

/** The whole human output: timeline, blank line, final state. */
export function formatResultHuman(result: Result, options: TimelineOptions): string {
  return `${formatTimeline(result.trace, options)}\n\n${formatFinalState(result, options)}\n`;
}

// ------------------------------------------------------------------------------ timeline

export function formatTimeline(trace: readonly TraceEntry[], options: TimelineOptions): string {
  if (trace.length === 0) return paint(options.color, "dim", "(nothing happened)");
  // A loop, not a spread: a trace of 150,000 entries would overflow the call stack.
  const width = trace.reduce((w, entry) => Math.max(w, formatTime(entry.at).length), 0);
  const lines: string[] = [];
  let previousAt: number | undefined;
  for (const group of groupFiredTogether(trace)) {
    group.forEach((entry, index) => {
      const time = entry.at === previousAt ? "" : formatTime(entry.at);
      previousAt = entry.at;
      const bracket = group.length > 1 ? `${bracketOf(index, group.length)} ` : "";
      lines.push(formatEntryLine(entry, time.padEnd(width), bracket, options));
    });
  }
  return lines.join("\n");
}

/**
 * Splits the trace into runs: consecutive `action.fired` entries at the same instant whose
 * `order` counts up from 0 are one list fired together; every other entry stands alone.
 */
export function groupFiredTogether(trace: readonly TraceEntry[]): TraceEntry[][] {
  const groups: TraceEntry[][] = [];
  for (const entry of trace) {
    const last = groups.at(-1);
    if (last && continuesFiredGroup(last, entry)) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

function continuesFiredGroup(group: readonly TraceEntry[], entry: TraceEntry): boolean {
  const previous = group[group.length - 1];
  return (
    entry.type === "action.fired" &&
    previous.type === "action.fired" &&
    entry.at === previous.at &&
    typeof entry.order === "number" &&
    typeof previous.order === "number" &&
    entry.order > previous.order
  );
}

function bracketOf(index: number, size: number): string {
  if (index === 0) return "┌";
  return index === size - 1 ? "└" : "│";
}

/** `+1.250s`, or `+25h 0m 0.000s` once the clock has moved on by hours. */
export function formatTime(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3);
  if (hours === 0 && ms < 60_000) return `+${seconds}s`;
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return hours === 0 ? `+${minutes}m ${seconds}s` : `+${hours}h ${minutes}m ${seconds}s`;
}

function formatEntryLine(
  entry: TraceEntry,
  time: string,
  bracket: string,
  options: TimelineOptions,
): string {
  const timeColumn = paint(options.color, "dim", time);
  const type = `${bracket}${entry.type}`.padEnd(typeWidth);
  const styled = paint(options.color, styleOf(entry.type) ?? "bold", type);
  return `${timeColumn}  ${styled}  ${describeEntry(entry)}`.trimEnd();
}

function styleOf(type: string): "red" | "yellow" | "green" | undefined {
  if (type === "launch.blocked" || type === "launch.interrupted" || type === "loop.stopped") {
    return "red";
  }
  if (type === "warning" || type === "show.skipped") return "yellow";
  if (type === "experience.completed") return "green";
  return undefined;
}

/** The detail part of a line: the action, the place, other keys, then the reasons. */
export function describeEntry(entry: TraceEntry): string {
  const parts: string[] = [];
  if (typeof entry.action === "string") {
    parts.push(typeof entry.order === "number" ? `${entry.action} #${entry.order}` : entry.action);
  }
  const place = placeOf(entry);
  if (place) parts.push(place);
  const extras = Object.entries(entry)
    .filter(([key, value]) => !labelKeys.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${renderValue(value)}`);
  parts.push(...extras);
  const reasons = reasonsOf(entry);
  if (reasons) parts.push(`— ${reasons}`);
  return clean(parts.join("  "));
}

function placeOf(entry: TraceEntry): string {
  const experience = typeof entry.experience === "string" ? entry.experience : "";
  const step = typeof entry.step === "string" ? entry.step : "";
  if (experience && step) return `${experience} › ${step}`;
  return experience || step;
}

function reasonsOf(entry: TraceEntry): string {
  if (!Array.isArray(entry.reasons)) return "";
  return entry.reasons
    .map((reason: unknown) => {
      if (typeof reason !== "object" || reason === null) return renderValue(reason);
      const { code, message } = reason as { code?: unknown; message?: unknown };
      return message === undefined ? String(code) : `${String(code)}: ${String(message)}`;
    })
    .join("; ");
}

function renderValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

// --------------------------------------------------------------------------- final state

function formatFinalState(result: Result, options: TimelineOptions): string {
  const heading = (text: string) => paint(options.color, "bold", text);
  return [
    heading("Experiences"),
    ...formatExperiences(result),
    "",
    `${heading("Page")}      ${clean(result.page.url)}`,
    `${heading("Tabs")}      ${result.tabs.length === 0 ? "(none)" : clean(result.tabs.join(", "))}`,
    heading("Effects"),
    ...listOrNone(result.effects.map((effect) => `  ${describeEffect(effect)}`)),
    heading("Warnings"),
    ...listOrNone(
      result.warnings.map((warning) => `  ${clean(`${warning.code}  ${warning.message}`)}`),
    ),
  ].join("\n");
}

function formatExperiences(result: Result): string[] {
  const entries = Object.entries(result.experiences);
  if (entries.length === 0) return ["  (none)"];
  const idWidth = entries.reduce((w, [id]) => Math.max(w, id.length), 0);
  return entries.map(([id, state]) => {
    const parts = [
      clean(id).padEnd(idWidth),
      state.status.padEnd(9),
      state.step === null ? "" : `on ${state.step}`,
      state.visited.length > 0 ? `visited ${state.visited.join(" → ")}` : "",
      `views ${state.views}`,
      state.snoozeCount > 0 ? `snoozed ${state.snoozeCount}×` : "",
      state.tasksDone.length > 0 ? `tasks done ${state.tasksDone.join(", ")}` : "",
    ];
    return clean(`  ${parts.filter((part) => part !== "").join("  ")}`);
  });
}

function describeEffect(effect: Result["effects"][number]): string {
  const { type, ...rest } = effect;
  const details = Object.values(rest).map(renderValue).join("  ");
  return clean(`${type}  ${details}`.trimEnd());
}

function listOrNone(lines: string[]): string[] {
  return lines.length === 0 ? ["  (none)"] : lines;
}

/** Project text is data: control characters (ANSI escapes included) are shown escaped. */
export function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

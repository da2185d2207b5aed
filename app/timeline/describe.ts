// One trace entry in a line of words, and how it is flagged (warning, race, end).
import type { TraceEntry } from "../../machines/format/index.ts";

export type EntryTone = "plain" | "step" | "end" | "warning" | "race" | "action";

export function entryTone(entry: TraceEntry): EntryTone {
  switch (entry.type) {
    case "warning":
    case "loop.stopped":
    case "launch.blocked":
      return "warning";
    case "launch.interrupted":
      return "race";
    case "step.entered":
    case "experience.shown":
      return "step";
    case "experience.completed":
    case "experience.dismissed":
    case "experience.snoozed":
      return "end";
    case "action.fired":
    case "action.landed":
      return "action";
    default:
      return "plain";
  }
}

const str = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

export function describeEntry(entry: TraceEntry): string {
  const ex = entry.experience ? `${entry.experience}` : "";
  switch (entry.type) {
    case "step.entered":
      return `${ex} › ${str(entry.step)}`;
    case "experience.shown":
      return `${ex} shown (${str(entry.via)}${entry.from ? ` from ${str(entry.from)}` : ""})`;
    case "action.fired":
    case "action.landed": {
      const target = entry.target ? ` → ${str(entry.target)}` : "";
      return `${str(entry.action)}${target} #${str(entry.order)}${ex ? ` · ${ex}` : ""}`;
    }
    case "launch.interrupted":
      return `launch of ${ex} interrupted by navigation to ${str(entry.url)}`;
    case "launch.blocked":
    case "show.skipped": {
      const reasons = Array.isArray(entry.reasons)
        ? entry.reasons.map((r) => (r as { code?: string }).code).join(", ")
        : "";
      return `${ex}: ${reasons}`;
    }
    case "page.changed":
    case "tab.opened":
      return str(entry.url);
    case "warning":
      return `${str(entry.code)}: ${str(entry.message)}`;
    case "condition.matched":
      return `${ex} › ${str(entry.step)}: ${str(entry.condition)}`;
    case "answer.submitted":
      return `${ex} › ${str(entry.step)}: ${str(entry.value)}`;
    case "clock.advanced":
      return `+${str(entry.ms)} ms`;
    case "element.clicked":
      return str(entry.selector);
    case "attributes.set":
      return Object.entries((entry.attributes as Record<string, unknown>) ?? {})
        .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
        .join(", ");
    case "task.done":
      return `${ex} › ${str(entry.task)}`;
    case "agent.automated":
      return str(entry.automatedAction);
    case "preview.forced":
      return `${ex} forced onto ${str(entry.step)}`;
    case "agent.asked":
      return `“${str(entry.message)}”`;
    case "agent.answered":
      return `${str(entry.answer)}: “${str(entry.text)}”`;
    default:
      return ex;
  }
}

/** "0 ms", "1.2 s", "3 h 20 min" on the simulated clock. */
export function formatAt(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

// One trace entry in a line of words, and how it is flagged (warning, race, end). Names come
// from the project when it is given (labels, not ids) and times are human durations.
import type { TraceEntry } from "../../machines/format/index.ts";
import { formatDuration } from "./duration.ts";
import type { GoToTarget } from "./go-to.ts";
import { goToWords, type ProjectWords } from "./words.ts";

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

/** What an entry's words can draw on besides the entry itself. */
export interface EntryContext {
  /** The project's names (without it, ids are shown). */
  words?: ProjectWords;
  /** For a goToStep entry: where it went (go-to.ts). */
  goTo?: GoToTarget;
}

/** A name for an id: the project's, else the id itself. */
function namer(words: ProjectWords | undefined) {
  return {
    experience: (id: unknown) => (typeof id === "string" ? (words?.experience(id) ?? id) : ""),
    step: (experience: unknown, id: unknown) =>
      typeof id === "string" && typeof experience === "string"
        ? (words?.step(experience, id) ?? id)
        : str(id),
  };
}

/** "→ Thank you", "→ next step", "→ completed": where a goToStep went or points. */
function goToText(entry: TraceEntry, context: EntryContext): string {
  const experience = typeof entry.experience === "string" ? entry.experience : undefined;
  const { goTo, words } = context;
  if (goTo?.kind === "step")
    return ` → ${experience ? namer(words).step(experience, goTo.step) : goTo.step}`;
  if (goTo?.kind === "end") return ` → ${goTo.end}`;
  if (!words || !experience || typeof entry.step !== "string") return "";
  const refs = words.goToRefs(experience, entry.step);
  return refs.length === 1 ? ` → ${goToWords(words, experience, refs[0])}` : "";
}

export function describeEntry(entry: TraceEntry, context: EntryContext = {}): string {
  const name = namer(context.words);
  const ex = name.experience(entry.experience);
  const step = () => name.step(entry.experience, entry.step);
  switch (entry.type) {
    case "step.entered":
      return `${ex} › ${step()}`;
    case "experience.shown":
      return `${ex} shown (${str(entry.via)}${entry.from ? ` from ${name.experience(entry.from)}` : ""})`;
    case "action.fired":
    case "action.landed": {
      const target =
        entry.action === "goToStep"
          ? goToText(entry, context)
          : entry.target
            ? ` → ${name.experience(entry.target)}`
            : "";
      return `${str(entry.action)}${target}${ex ? ` · ${ex}` : ""}`;
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
      return `${ex} › ${step()}: ${str(entry.condition)}`;
    case "answer.submitted":
      return `${ex} › ${step()}: ${answerText(entry.value)}`;
    case "clock.advanced":
      return `+${typeof entry.ms === "number" ? formatDuration(entry.ms) : str(entry.ms)}`;
    case "element.clicked":
      return str(entry.selector);
    case "attributes.set":
      return Object.entries((entry.attributes as Record<string, unknown>) ?? {})
        .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
        .join(", ");
    case "task.done":
      return `${ex} › ${
        typeof entry.task === "string" && typeof entry.experience === "string" && context.words
          ? context.words.task(entry.experience, entry.task)
          : str(entry.task)
      }`;
    case "agent.automated":
      return str(entry.automatedAction);
    case "preview.forced":
      return `${ex} forced onto ${step()}`;
    case "agent.asked":
      return `“${str(entry.message)}”`;
    case "agent.answered":
      return `${str(entry.answer)}: “${str(entry.text)}”`;
    default:
      return ex;
  }
}

/** An answer as the user gave it: 10, “CSV export”, “a”, “b”. */
export function answerText(value: unknown): string {
  if (typeof value === "string") return `“${value}”`;
  if (Array.isArray(value))
    return value.length === 0 ? "nothing" : value.map(answerText).join(", ");
  return str(value);
}

// A step kind as a product manager says it (issue 12: the preview's header said
// "BOOKINTERVIEW"): the one map from the format's kinds to their names, for every pane that
// shows a step's kind. Typed by StepKind, so a new kind does not compile until it is named.
import type { StepKind } from "../../machines/format/index.ts";

const stepKindNames: Record<StepKind, string> = {
  modal: "Modal",
  tooltip: "Tooltip",
  snippet: "Snippet",
  badge: "Badge",
  cursor: "Cursor",
  nps: "NPS",
  scale: "Opinion scale",
  choice: "Single choice",
  multiChoice: "Multiple choice",
  text: "Open question",
  bookInterview: "Book interview",
  message: "Message",
  banner: "Banner",
  hint: "Hint",
};

/** "bookInterview" → "Book interview"; an unknown kind is shown as it is written. */
export function stepKindName(kind: string): string {
  return Object.hasOwn(stepKindNames, kind) ? stepKindNames[kind as StepKind] : kind;
}

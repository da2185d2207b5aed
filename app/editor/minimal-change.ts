// Text that comes from outside the editor (a form, the canvas, undo, a revert) reaches
// CodeMirror as the one changed span, not as a replacement of everything: the caret and the
// scroll position map through it, and only the changed lines are redrawn.

import { diffTexts } from "../workspace/history.ts";

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The smallest single change turning `before` into `after`; null when they are equal. The
 *  diff is the history's own (app/workspace/history.ts), in CodeMirror's terms. */
export function minimalChange(before: string, after: string): TextChange | null {
  const change = diffTexts(before, after);
  if (!change) return null;
  return {
    from: change.offset,
    to: change.offset + change.removed.length,
    insert: change.inserted,
  };
}

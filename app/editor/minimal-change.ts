// Text that comes from outside the editor (a form, the canvas, undo, a revert) reaches
// CodeMirror as the one changed span, not as a replacement of everything: the caret and the
// scroll position map through it, and only the changed lines are redrawn.

export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The smallest single change turning `before` into `after`; null when they are equal. */
export function minimalChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

// The one undo history of a document (issue 12): typing in the editor, the side form, the
// canvas and Format all step back through it. An entry keeps only the change it made (the
// common prefix/suffix diff of the texts before and after), never a copy of the text, so a
// long session on a large document costs what was edited, not the document times the edits.

/** Who made an edit: the editor (typing), the side form, the canvas, the Format command. */
export type EditOrigin = "type" | "form" | "canvas" | "format";

/** `removed` at `offset` became `inserted` (offsets in the text before the change). */
export interface TextChange {
  offset: number;
  removed: string;
  inserted: string;
}

interface Entry {
  change: TextChange;
  /** Revert is kept like any edit, so it can be undone. */
  origin: EditOrigin | "revert";
}

export interface History {
  /** Oldest first; the last one is what undo takes back. */
  readonly done: readonly Entry[];
  /** The entries undo took back, the next redo last. */
  readonly undone: readonly Entry[];
  /** When typing last extended the newest entry (epoch ms); unset once anything else happened. */
  readonly typedAt?: number;
}

export const emptyHistory: History = { done: [], undone: [] };

/** Typing this close to the previous keystroke joins its entry. */
export const typingGroupMs = 1000;

/** The oldest entries are forgotten beyond this many. */
export const historyDepth = 500;

/** The smallest single change turning `before` into `after`, or undefined when equal. */
export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
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
  return {
    offset: start,
    removed: before.slice(start, before.length - end),
    inserted: after.slice(start, after.length - end),
  };
}

export function applyChange(text: string, change: TextChange): string {
  const { offset, removed, inserted } = change;
  return text.slice(0, offset) + inserted + text.slice(offset + removed.length);
}

export function invertChange(change: TextChange): TextChange {
  return { offset: change.offset, removed: change.inserted, inserted: change.removed };
}

/**
 * Records the edit `before` → `after`. Typing that touches the newest entry's span within
 * `typingGroupMs` of the last keystroke joins it; anything else is an entry of its own. A new
 * edit clears what was undone.
 */
export function recordEdit(
  history: History,
  before: string,
  after: string,
  origin: EditOrigin | "revert",
  now: number,
): History {
  const change = diffTexts(before, after);
  if (!change) return history;
  const last = history.done[history.done.length - 1];
  const typing = origin === "type";
  if (
    typing &&
    last?.origin === "type" &&
    history.typedAt !== undefined &&
    now - history.typedAt <= typingGroupMs &&
    touches(last.change, change)
  ) {
    const joined: Entry = { origin, change: joinChanges(last.change, change, before, after) };
    return { done: [...history.done.slice(0, -1), joined], undone: [], typedAt: now };
  }
  const done = [...history.done, { origin, change }];
  if (done.length > historyDepth) done.splice(0, done.length - historyDepth);
  return typing ? { done, undone: [], typedAt: now } : { done, undone: [] };
}

/** The text and history after one undo, or undefined when there is nothing to undo. */
export function undoEdit(
  history: History,
  text: string,
): { text: string; history: History } | undefined {
  const last = history.done[history.done.length - 1];
  if (!last) return undefined;
  return {
    text: applyChange(text, invertChange(last.change)),
    history: { done: history.done.slice(0, -1), undone: [...history.undone, last] },
  };
}

/** The text and history after one redo, or undefined when there is nothing to redo. */
export function redoEdit(
  history: History,
  text: string,
): { text: string; history: History } | undefined {
  const next = history.undone[history.undone.length - 1];
  if (!next) return undefined;
  return {
    text: applyChange(text, next.change),
    history: { done: [...history.done, next], undone: history.undone.slice(0, -1) },
  };
}

/** Does `next` (on the text after `previous`) start or end inside what `previous` wrote? */
function touches(previous: TextChange, next: TextChange): boolean {
  return (
    next.offset <= previous.offset + previous.inserted.length &&
    next.offset + next.removed.length >= previous.offset
  );
}

/**
 * One change for `previous` (A → B) then `next` (B → C): the span of B that either touched,
 * read back in A (through `previous`) and in C. `middle` is B, `after` is C.
 */
function joinChanges(
  previous: TextChange,
  next: TextChange,
  middle: string,
  after: string,
): TextChange {
  const start = Math.min(previous.offset, next.offset);
  const end = Math.max(
    previous.offset + previous.inserted.length,
    next.offset + next.removed.length,
  );
  const removed =
    middle.slice(start, previous.offset) +
    previous.removed +
    middle.slice(previous.offset + previous.inserted.length, end);
  const grown = next.inserted.length - next.removed.length;
  return { offset: start, removed, inserted: after.slice(start, end + grown) };
}

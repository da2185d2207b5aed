// "Did you mean …?": the few known names closest to a misspelt one, for every message that
// names what could have been meant (unknown fields, step ids, options, experiences, keys of
// scripts and recordings). A message never lists a whole list that grows with the project:
// 20,000 unknown step ids, each listing 20,000 steps, made validate's output quadratic.
//
// Close means: equal but for case, or at most two edits apart (Levenshtein, case ignored).
// A short list is checked name by name. A long one is searched through an index of its
// names with one character deleted, built once per list: a name one edit away is always
// found, and most two edits away (DeletionIndex says which).

/** How many names a message suggests at most. */
export const suggestionLimit = 3;

/** Edits beyond this are not "close". */
const maxEdits = 2;
/** Lists up to this long are scanned name by name (exact for two edits); longer ones indexed. */
const scanLimit = 64;
/** Names longer than this are never close to anything (as the distance below gives up). */
const maxLength = 64;

/**
 * At most `limit` names of `known` close to `word`, closest first (then in list order).
 * Pass the same array again for the same list: its index is kept (weakly) with it.
 */
export function closestNames(
  word: string,
  known: readonly string[],
  limit = suggestionLimit,
): string[] {
  if (known.length === 0 || limit <= 0) return [];
  const lower = word.toLowerCase();
  const scored: { name: string; index: number; distance: number }[] = [];
  const consider = (index: number, name: string) => {
    const distance = editDistance(lower, name, maxEdits + 1);
    if (distance <= maxEdits) scored.push({ name: known[index], index, distance });
  };
  if (known.length <= scanLimit) {
    for (let i = 0; i < known.length; i++) consider(i, known[i].toLowerCase());
  } else {
    const index = indexOf(known);
    for (const i of index.candidates(lower)) consider(i, index.lower[i]);
  }
  scored.sort((a, b) => a.distance - b.distance || a.index - b.index);
  const names: string[] = [];
  for (const { name } of scored) {
    if (!names.includes(name)) names.push(name);
    if (names.length === limit) break;
  }
  return names;
}

/**
 * Names to suggest for `word`: the close ones; when the list is no longer than `limit`, all
 * of it (closest first), so a short list is always spelt out.
 */
export function suggestions(
  word: string,
  known: readonly string[],
  limit = suggestionLimit,
): string[] {
  const close = closestNames(word, known, limit);
  if (known.length > limit) return close;
  const rest = [...new Set(known)].filter((name) => !close.includes(name));
  return [...close, ...rest].slice(0, limit);
}

/**
 * `did you mean "a", "b" or "c"?`; with nothing to suggest, says why: the list is empty
 * (`it has no step ids`) or nothing in it is close (`none of its 12 step ids is close`).
 * `what` is the list's plural noun.
 */
export function didYouMean(word: string, known: readonly string[], what: string): string {
  const names = suggestions(word, known);
  if (names.length > 0) return `did you mean ${quotedList(names)}?`;
  if (known.length === 0) return `there are no ${what}`;
  return `none of the ${known.length} ${what} is close`;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => JSON.stringify(name));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

// -------------------------------------------------------------------------------- index

/**
 * The lower-cased names, and the names with one character deleted, → the names' indices.
 * A search looks the word up with up to one character deleted in both, and with two deleted
 * among the names themselves. That finds every name one edit away (a substitution deletes
 * on both sides, an extra or a missing character on one side) and, two edits away, two
 * extra characters, one extra and one missing, or two neighbours swapped. It leaves out the
 * rarer two substitutions, which would need every name with two deletions (and many more
 * candidates to check per search).
 */
class DeletionIndex {
  private readonly names = new Map<string, number[]>();
  private readonly variants = new Map<string, number[]>();
  /** The names, lower-cased once. */
  readonly lower: readonly string[];
  /** Per name, the last search that found it (so a search lists a name once). */
  private readonly seen: Uint32Array;
  private search = 0;

  constructor(known: readonly string[]) {
    this.lower = known.map((name) => name.toLowerCase());
    this.seen = new Uint32Array(known.length);
    for (let i = 0; i < known.length; i++) {
      const name = this.lower[i];
      if (name.length > maxLength) continue;
      add(this.names, name, i);
      for (const variant of deletions(name, 1).keys()) {
        if (variant !== name) add(this.variants, variant, i);
      }
    }
  }

  /** Indices of the names that may be close to `word` (to be checked by editDistance). */
  candidates(word: string): number[] {
    const found: number[] = [];
    if (word.length > maxLength) return found;
    const search = ++this.search;
    const collect = (indices: readonly number[] | undefined) => {
      for (const index of indices ?? []) {
        if (this.seen[index] === search) continue;
        this.seen[index] = search;
        found.push(index);
      }
    };
    for (const [variant, deleted] of deletions(word, maxEdits)) {
      collect(this.names.get(variant));
      if (deleted < maxEdits) collect(this.variants.get(variant));
    }
    return found;
  }
}

function add(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

const indices = new WeakMap<readonly string[], DeletionIndex>();

function indexOf(known: readonly string[]): DeletionIndex {
  let index = indices.get(known);
  if (index === undefined) {
    index = new DeletionIndex(known);
    indices.set(known, index);
  }
  return index;
}

/** `word` and every string made from it by deleting up to `count` characters, with how many. */
function deletions(word: string, count: number): Map<string, number> {
  const out = new Map([[word, 0]]);
  let frontier = [word];
  for (let round = 1; round <= count; round++) {
    const next: string[] = [];
    for (const text of frontier) {
      for (let i = 0; i < text.length; i++) {
        const variant = text.slice(0, i) + text.slice(i + 1);
        if (!out.has(variant)) {
          out.set(variant, round);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return out;
}

// ----------------------------------------------------------------------------- distance

/** Two rows of the distance table, reused: the distance runs for every candidate. */
const rowA = new Int32Array(maxLength + 1);
const rowB = new Int32Array(maxLength + 1);

/**
 * Levenshtein distance, giving up (returning `limit`) once it is certainly ≥ limit. Only the
 * band of cells within `limit` of the diagonal is computed (the others are ≥ limit anyway),
 * in two preallocated rows: it runs for every candidate of every suggestion.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const aLength = a.length;
  const bLength = b.length;
  if (aLength - bLength >= limit || bLength - aLength >= limit) return limit;
  if (aLength > maxLength || bLength > maxLength) return limit;
  let previous = rowA;
  let current = rowB;
  for (let j = 0; j <= bLength; j++) previous[j] = Math.min(j, limit);
  for (let i = 1; i <= aLength; i++) {
    const from = Math.max(i - limit + 1, 1);
    const to = Math.min(i + limit - 1, bLength);
    // Cells outside the band stand for "limit or more".
    let left = from === 1 && i < limit ? i : limit;
    current[from - 1] = left;
    let rowMin = left;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let cell = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      const up = j <= i + limit - 2 ? previous[j] + 1 : limit;
      if (up < cell) cell = up;
      if (left + 1 < cell) cell = left + 1;
      if (cell > limit) cell = limit;
      current[j] = cell;
      left = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (to < bLength) current[to + 1] = limit;
    if (rowMin >= limit) return limit;
    const swap = previous;
    previous = current;
    current = swap;
  }
  const distance = previous[bLength];
  return Math.min(distance, limit);
}

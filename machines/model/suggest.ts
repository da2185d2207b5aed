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
    for (const i of index.candidates(lower, 1)) consider(i, index.lower[i]);
    // Enough names one edit away: none two edits away could come before them.
    if (scored.filter((entry) => entry.distance <= 1).length < limit) {
      for (const i of index.candidates(lower, 2)) consider(i, index.lower[i]);
    }
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
  /** Hashes of the names and of their one-deletion variants (round 1). */
  private readonly nearby = new Map<number, number[]>();
  /** Hashes of the names alone (round 2). */
  private readonly names = new Map<number, number[]>();
  /** The names, lower-cased once. */
  readonly lower: readonly string[];
  /** Per name, the last search that found it (so a search lists a name once). */
  private readonly seen: Uint32Array;
  private search = 0;
  private found: number[] = [];

  constructor(known: readonly string[]) {
    this.lower = known.map((name) => name.toLowerCase());
    this.seen = new Uint32Array(known.length);
    // A name repeated (ids a project reuses) is indexed once, at its first place: a search
    // then checks each distinct name once, however often the list repeats it.
    const indexed = new Set<string>();
    for (let i = 0; i < known.length; i++) {
      const name = this.lower[i];
      if (name.length > maxLength || indexed.has(known[i])) continue;
      indexed.add(known[i]);
      const hash = new VariantHashes(name);
      add(this.names, hash.whole(), i);
      add(this.nearby, hash.whole(), i);
      for (let d = 0; d < name.length; d++) add(this.nearby, hash.without(d), i);
    }
  }

  /**
   * Indices of names that may be close to `word` (for editDistance to check): in round 1,
   * the word with up to one character deleted against names with up to one deleted; in
   * round 2, the word with two deleted against the names. Round 2 lists no name that round 1
   * of the same word listed. Variants are looked up by hash, never built as strings (this
   * runs once per message); a hash collision only adds a candidate that editDistance drops.
   */
  candidates(word: string, round: 1 | 2): number[] {
    this.found = [];
    if (word.length > maxLength) return this.found;
    const hash = new VariantHashes(word);
    if (round === 1) {
      this.search++;
      this.collect(this.nearby.get(hash.whole()));
      for (let d = 0; d < word.length; d++) this.collect(this.nearby.get(hash.without(d)));
    } else if (word.length <= 32) {
      // (A longer word would make too many pairs; one edit is enough for it.)
      for (let d = 0; d < word.length; d++) {
        for (let e = d + 1; e < word.length; e++) {
          this.collect(this.names.get(hash.withoutTwo(d, e)));
        }
      }
    }
    return this.found;
  }

  private collect(indices: readonly number[] | undefined): void {
    if (indices === undefined) return;
    for (const index of indices) {
      if (this.seen[index] === this.search) continue;
      this.seen[index] = this.search;
      this.found.push(index);
    }
  }
}

function add(map: Map<number, number[]>, key: number, index: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

/** Powers of the hash's base, modulo 2^32. */
const base = 0x01000193;
const powers = new Int32Array(maxLength + 1);
powers[0] = 1;
for (let k = 1; k <= maxLength; k++) powers[k] = Math.imul(powers[k - 1], base);

/**
 * A polynomial hash (modulo 2^32) of a string, and of the string with one or two characters
 * deleted, from its prefix and suffix hashes: hash(s) = Σ s[k]·base^(n−1−k).
 */
class VariantHashes {
  private readonly prefix: Int32Array;
  private readonly suffix: Int32Array;
  private readonly n: number;

  constructor(text: string) {
    const n = text.length;
    this.n = n;
    this.prefix = new Int32Array(n + 1);
    this.suffix = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) {
      this.prefix[k + 1] = (Math.imul(this.prefix[k], base) + text.charCodeAt(k)) | 0;
    }
    for (let k = n - 1; k >= 0; k--) {
      this.suffix[k] = (Math.imul(text.charCodeAt(k), powers[n - 1 - k]) + this.suffix[k + 1]) | 0;
    }
  }

  whole(): number {
    return this.prefix[this.n];
  }

  /** Without the character at `d`. */
  without(d: number): number {
    return (Math.imul(this.prefix[d], powers[this.n - 1 - d]) + this.suffix[d + 1]) | 0;
  }

  /** Without the characters at `d` < `e`. */
  withoutTwo(d: number, e: number): number {
    const n = this.n;
    const middle = (this.prefix[e] - Math.imul(this.prefix[d + 1], powers[e - d - 1])) | 0;
    return (
      (Math.imul(this.prefix[d], powers[n - 2 - d]) +
        Math.imul(middle, powers[n - 1 - e]) +
        this.suffix[e + 1]) |
      0
    );
  }
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

// The ids of a list (steps, posts, experiences), computed once per list and kept (weakly)
// with it: a rule that looks an id up for every action would otherwise scan the whole list
// each time, and the suggestion index (suggest.ts) is kept with the same ids array.

interface Ids {
  list: readonly string[];
  set: ReadonlySet<string>;
}

const cache = new WeakMap<readonly { id: string }[], Ids>();

function idsOfList(items: readonly { id: string }[]): Ids {
  let ids = cache.get(items);
  if (ids === undefined) {
    const list = items.map((item) => item.id);
    ids = { list, set: new Set(list) };
    cache.set(items, ids);
  }
  return ids;
}

/** The ids of `items`, in order; the same array each time for the same list. */
export function idsOf(items: readonly { id: string }[]): readonly string[] {
  return idsOfList(items).list;
}

export function hasId(items: readonly { id: string }[], id: string): boolean {
  return idsOfList(items).set.has(id);
}

// New ids for what the form adds or copies: readable (from the name when there is one) and
// unique among their siblings. Ids stay data: any string the author writes is kept as it is.

/** `base`, else `base-2`, `base-3`… whichever is not taken. */
export function freshId(taken: Iterable<string>, base: string): string {
  const used = new Set(taken);
  const stem = base === "" ? "item" : base;
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** "Trial ends soon!" → "trial-ends-soon"; a name without letters or digits gives `fallback`. */
export function slugOf(name: string, fallback: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug === "" ? fallback : slug;
}

// Page patterns (SPEC §1): `*` matches any run of zero or more characters, everything else
// matches itself, and a pattern must match the whole URL. No regex built from user text.

export function matchesPage(pattern: string, url: string): boolean {
  const parts = pattern.split("*");
  if (parts.length === 1) return pattern === url;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!url.startsWith(first)) return false;
  if (url.length < first.length + last.length || !url.endsWith(last)) return false;
  // Greedy-left matching of the middle parts is correct for `*`-only globs.
  let at = first.length;
  const end = url.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const found = url.indexOf(parts[i], at);
    if (found < 0 || found + parts[i].length > end) return false;
    at = found + parts[i].length;
  }
  return true;
}

export function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((pattern) => matchesPage(pattern, url));
}

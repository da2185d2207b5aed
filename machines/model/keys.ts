// Ids are data, never paths (issue 9): XState reads `.` and `#` in state keys as paths and
// ids, `*` in event names as wildcards, and `__proto__` in a config object as a prototype. A
// project id becomes a key by being kept as it is when it is plainly safe, else escaped
// after a `~` (which no safe key holds), so the mapping is one-to-one and reversible.

const safe = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Keys with a meaning of their own: the compiled machine's final and checklist states, and
 *  every name an object inherits. */
const reserved = new Set<string>([
  "completed",
  "dismissed",
  "snoozed",
  "open",
  "land",
  ...Object.getOwnPropertyNames(Object.prototype),
]);

const encoder = new TextEncoder();

/** The state key / event part for a project id: `welcome` → `welcome`, `a.b` → `~a%2Eb`. */
export function keyOf(id: string): string {
  if (safe.test(id) && !reserved.has(id)) return id;
  let out = "~";
  for (const char of id) {
    if (/[A-Za-z0-9_-]/.test(char)) out += char;
    else
      for (const byte of encoder.encode(char))
        out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** The project id a key stands for (the inverse of keyOf). */
export function idOf(key: string): string {
  if (!key.startsWith("~")) return key;
  return decodeURIComponent(key.slice(1));
}

// What a share link may carry, in one place. A link is input from anyone: 4 KB of it can inflate to megabytes, nest thousands of levels deep, or
// carry 20,000 script steps that the page would replay on load. Past a cap a link is refused,
// or its extra steps are left out, and the page says which (README "Semantics" → Debugger).

/** Bytes a link's data may inflate to (a 10,000-step project is about 4 MB of text). */
export const maxInflatedBytes = 32 * 1024 * 1024;

/**
 * Script steps a link may carry; later steps are left out, with a notice. (A session file the
 * user opens is not capped: it is theirs, and it replays in slices too.)
 * Replaying a step snapshots the whole simulation, so replay time grows with the square of
 * the script: 1,000 steps replay in about a second, 5,000 took 45 s and 1 GB.
 */
export const maxSharedSteps = 1_000;

/** Levels of `{` and `[` a link's data, and the project text it carries, may nest. */
export const maxSharedDepth = 100;

/** A link longer than this gets a warning: some chat tools and browsers cut long URLs. */
export const longLinkChars = 8_000;

/**
 * How deep `text`'s JSON nests (objects and arrays; brackets inside strings do not count),
 * reading it once without recursion. Stops counting past `limit` (it returns `limit + 1`).
 * Malformed text gets a number too: the JSON parser refuses it afterwards.
 */
export function jsonNestingDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return limit + 1;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/**
 * `value` (a parsed envelope, not yet checked) with its script cut to `maxSharedSteps`, and
 * what was left out in a sentence, or null when nothing was.
 */
export function capSharedSteps(value: unknown): { value: unknown; leftOut: string | null } {
  const session = isRecord(value) && isRecord(value.session) ? value.session : null;
  const steps = session?.steps;
  if (!session || !Array.isArray(steps) || steps.length <= maxSharedSteps) {
    return { value, leftOut: null };
  }
  const capped = {
    ...(value as Record<string, unknown>),
    session: { ...session, steps: steps.slice(0, maxSharedSteps) },
  };
  const dropped = steps.length - maxSharedSteps;
  return {
    value: capped,
    leftOut: `The link carried ${count(steps.length)} script steps, more than the ${count(maxSharedSteps)} it may carry: the first ${count(maxSharedSteps)} were opened and the last ${count(dropped)} left out.`,
  };
}

function count(n: number): string {
  return n.toLocaleString("en");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Audience conditions (SPEC §1): attribute tests and "has seen/completed/dismissed/snoozed".
import type { AudienceCondition } from "../format/schema.ts";
import type { WorldState } from "./types.ts";

/**
 * JSON-value equality (eq/neq): same kind, same keys (in any order, undefined members left
 * out), equal members. A loop over pairs, not recursion: a value may nest as deep as its
 * source allows (the app's attribute editor and share links parse values themselves).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  const pending: unknown[] = [a, b];
  while (pending.length > 0) {
    const right = pending.pop();
    const left = pending.pop();
    if (left === right) continue;
    if (typeof left !== "object" || typeof right !== "object" || left === null || right === null)
      return false;
    if (Array.isArray(left) !== Array.isArray(right)) return false;
    if (Array.isArray(left) && Array.isArray(right)) {
      if (left.length !== right.length) return false;
      for (let i = 0; i < left.length; i++) pending.push(left[i], right[i]);
      continue;
    }
    const l = left as Record<string, unknown>;
    const r = right as Record<string, unknown>;
    const keys = Object.keys(l).filter((k) => l[k] !== undefined);
    const rightCount = Object.keys(r).filter((k) => r[k] !== undefined).length;
    if (keys.length !== rightCount) return false;
    for (const k of keys) pending.push(l[k], Object.hasOwn(r, k) ? r[k] : undefined);
  }
  return true;
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (typeof haystack === "string") return typeof needle === "string" && haystack.includes(needle);
  if (Array.isArray(haystack)) return haystack.some((item) => jsonEqual(item, needle));
  return false;
}

export function conditionHolds(condition: AudienceCondition, world: WorldState): boolean {
  if ("attribute" in condition) {
    const attributes = world.user.attributes;
    const present = Object.hasOwn(attributes, condition.attribute);
    const value = present ? attributes[condition.attribute] : undefined;
    switch (condition.op) {
      case "exists":
        return value !== undefined && value !== null;
      case "notExists":
        return value === undefined || value === null;
      case "eq":
        return value !== undefined && jsonEqual(value, condition.value);
      case "neq":
        // Decided here (semantics.ts): a missing attribute is "not equal" to any value.
        return value === undefined || !jsonEqual(value, condition.value);
      case "contains":
        return contains(value, condition.value);
    }
  }
  const other = world.experiences[condition.experience];
  if (!other) return false;
  switch (condition.has) {
    case "seen":
      return other.views > 0;
    case "completed":
      return other.completedAt !== null;
    case "dismissed":
      return other.dismissedAt !== null;
    case "snoozed":
      return other.snoozeCount > 0;
  }
}

function describe(condition: AudienceCondition): string {
  if ("attribute" in condition) {
    const value =
      condition.op === "exists" || condition.op === "notExists"
        ? ""
        : ` ${jsonTextOf(condition.value)}`;
    return `${condition.attribute} ${condition.op}${value}`;
  }
  return `has ${condition.has} "${condition.experience}"`;
}

/** JSON.stringify recurses: a value too deep for it is named, not shown. */
function jsonTextOf(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return "(a value nested too deeply to show)";
  }
}

/** Descriptions of the audience conditions that do not hold (empty: the audience holds). */
export function audienceFailures(
  conditions: readonly AudienceCondition[],
  world: WorldState,
): string[] {
  return conditions.filter((c) => !conditionHolds(c, world)).map(describe);
}

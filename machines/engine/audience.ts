// Audience conditions (SPEC §1): attribute tests and "has seen/completed/dismissed/snoozed".
import type { AudienceCondition } from "../format/schema.ts";
import type { WorldState } from "./types.ts";

/** JSON-value equality (eq/neq): same JSON text once object keys are sorted. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
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
        : ` ${JSON.stringify(condition.value)}`;
    return `${condition.attribute} ${condition.op}${value}`;
  }
  return `has ${condition.has} "${condition.experience}"`;
}

/** Descriptions of the audience conditions that do not hold (empty: the audience holds). */
export function audienceFailures(
  conditions: readonly AudienceCondition[],
  world: WorldState,
): string[] {
  return conditions.filter((c) => !conditionHolds(c, world)).map(describe);
}

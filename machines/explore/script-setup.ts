// The start of every explorer script: a user the experience's audience lets in and a start
// page no URL trigger of the experience matches, so a launch shows it and nothing fires
// before the path's first step (paths are replayed by the engine; SPEC §4 scripts).
import { conditionHolds } from "../engine/audience.ts";
import type { WorldState } from "../engine/types.ts";
import type { AudienceCondition, Experience, Project } from "../format/schema.ts";
import { matchesPage } from "../model/glob.ts";

export interface ScriptSetup {
  user: { id: string; attributes: Record<string, unknown> };
  start: { url: string; at: string };
}

export const defaultStartAt = "2026-01-05T09:00:00Z";

function attributesHold(
  conditions: readonly AudienceCondition[],
  attributes: Record<string, unknown>,
): boolean {
  // Only attribute conditions can be met by choosing a user; "has …" ones need a history.
  const world = { user: { id: "u1", attributes }, experiences: {} } as unknown as WorldState;
  return conditions.every((c) => !("attribute" in c) || conditionHolds(c, world));
}

/** Attributes that meet the audience's attribute conditions (best effort for neq/contains). */
function synthesise(conditions: readonly AudienceCondition[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const c of conditions) {
    if (!("attribute" in c)) continue;
    if (c.op === "eq") attributes[c.attribute] = c.value;
    else if (c.op === "exists") attributes[c.attribute] ??= true;
    else if (c.op === "contains") {
      attributes[c.attribute] = typeof c.value === "string" ? c.value : [c.value];
    }
  }
  return attributes;
}

function userFor(project: Project, experience: Experience): ScriptSetup["user"] {
  const persona = project.personas.find((p) => attributesHold(experience.audience, p.attributes));
  if (persona) return { id: persona.id, attributes: structuredClone(persona.attributes) };
  return { id: "u1", attributes: synthesise(experience.audience) };
}

function urlTriggerPatterns(experience: Experience): string[] {
  return experience.steps.flatMap(urlPatternsOf);
}

function urlPatternsOf(step: Experience["steps"][number] | undefined): string[] {
  return (step?.triggers ?? []).flatMap((t) => ("url" in t.on ? [t.on.url] : []));
}

/** A page no URL trigger matches; else (a `*` trigger somewhere) one the first step's triggers
 *  do not match, so at least the launch itself is not undone by a trigger. */
function startUrl(experience: Experience): string {
  const patterns = urlTriggerPatterns(experience);
  const first = urlPatternsOf(experience.steps[0]);
  const candidates = ["/", "/flowscope-start", "/flowscope-start-0"];
  for (let n = 1; n < 10; n++) candidates.push(`/flowscope-start-${n}-${"x".repeat(n)}`);
  const avoids = (list: string[]) => (url: string) => !list.some((p) => matchesPage(p, url));
  return candidates.find(avoids(patterns)) ?? candidates.find(avoids(first)) ?? "/";
}

export function scriptSetup(project: Project, experience: Experience): ScriptSetup {
  return {
    user: userFor(project, experience),
    start: { url: startUrl(experience), at: defaultStartAt },
  };
}

/**
 * A concrete URL for a URL trigger's pattern: `*` removed, or (when that also matches another
 * URL trigger of the experience) replaced by a token, so only the intended trigger fires.
 */
export function urlForPattern(pattern: string, others: readonly string[]): string {
  const rivals = others.filter((p) => p !== pattern);
  const tokens = ["", "x", "flowscope", "fs-1", "fs-2-z"];
  for (const token of tokens) {
    const url = pattern.split("*").join(token);
    if (matchesPage(pattern, url) && !rivals.some((p) => matchesPage(p, url))) return url;
  }
  return pattern.split("*").join("");
}

export { urlTriggerPatterns };

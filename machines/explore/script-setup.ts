// The start of every explorer script: a user the experience's audience lets in and a start
// page no URL trigger of the experience matches, so a launch shows it and nothing fires
// before the path's first step (paths are replayed by the engine; SPEC §4 scripts). The setup
// is checked by the engine itself (showingSetup): a draft, an audience no simulated user
// meets, or a page where another flow shows first is said, never turned into a script that
// cannot replay.
import { conditionHolds } from "../engine/audience.ts";
import { ScriptStepError } from "../engine/errors.ts";
import { simulate } from "../engine/simulate.ts";
import type { WorldState } from "../engine/types.ts";
import type { AudienceCondition, Experience, Project } from "../format/schema.ts";
import { matchesPage } from "../model/glob.ts";

export interface ScriptSetup {
  user: { id: string; attributes: Record<string, unknown> };
  start: { url: string; at: string };
  /** false: the start page shows the experience by itself, so the script does not launch it. */
  launch?: boolean;
}

/** A setup that shows the experience at its first step, or why none can. */
export type SetupOutcome = { setup: ScriptSetup } | { unshowable: string };

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

const candidatePages = ["/", "/flowscope-start", "/flowscope-start-0"];
for (let n = 1; n < 10; n++) candidatePages.push(`/flowscope-start-${n}-${"x".repeat(n)}`);

const avoids = (list: readonly string[]) => (url: string) => !list.some((p) => matchesPage(p, url));

/** A page no URL trigger matches; else (a `*` trigger somewhere) one the first step's triggers
 *  do not match, so at least the launch itself is not undone by a trigger. */
function startUrl(experience: Experience): string {
  const patterns = urlTriggerPatterns(experience);
  const first = urlPatternsOf(experience.steps[0]);
  return candidatePages.find(avoids(patterns)) ?? candidatePages.find(avoids(first)) ?? "/";
}

/** Pages to try, best first: no URL trigger and no other automatic experience matches them. */
function startPages(project: Project, experience: Experience): string[] {
  const triggers = urlTriggerPatterns(experience);
  const first = urlPatternsOf(experience.steps[0]);
  const others = project.experiences
    .filter((e) => e !== experience && e.showOn.trigger === "auto")
    .flatMap((e) => e.showOn.urls);
  const own = experience.showOn.trigger === "auto" ? experience.showOn.urls : [];
  const ranked = [
    ...candidatePages.filter((url) => avoids([...triggers, ...others, ...own])(url)),
    ...candidatePages.filter((url) => avoids([...first, ...others])(url)),
    ...own.map((pattern) => urlForPattern(pattern, triggers)),
    startUrl(experience),
  ];
  return [...new Set(ranked)];
}

/** Does the engine show the experience at its first step after this setup? */
function shows(project: Project, experience: Experience, setup: ScriptSetup): string | true {
  const steps =
    setup.launch === false ? [] : [{ do: "launch" as const, experience: experience.id }];
  try {
    const result = simulate(project, { user: setup.user, start: setup.start, steps });
    const state = result.experiences[experience.id];
    if (state?.status === "active" && state.step === (experience.steps[0]?.id ?? null)) {
      if (state.visited.length === 1) return true;
    }
    const reasons = result.trace
      .filter((e) => e.experience === experience.id && Array.isArray(e.reasons))
      .flatMap((e) => (e.reasons as { message: string }[]).map((r) => r.message));
    const onScreen = project.experiences.find(
      (e) => e !== experience && result.experiences[e.id]?.status === "active",
    );
    if (reasons.length > 0) return [...new Set(reasons)].join("; ");
    if (onScreen) return `"${onScreen.id}" shows first`;
    return `it is ${state?.status ?? "missing"} after the start`;
  } catch (caught) {
    return caught instanceof ScriptStepError ? caught.message : String(caught);
  }
}

/**
 * A setup under which the engine shows the experience at its first step: a persona (or
 * attributes) its audience lets in, and a start page where nothing else shows first; the
 * script launches it, unless the page shows it by itself. Drafts and experiences no simulated
 * user can see get the reason instead.
 */
export function showingSetup(project: Project, experience: Experience): SetupOutcome {
  if (experience.status !== "live") {
    return {
      unshowable: `"${experience.id}" is ${experience.status}: only live experiences can be shown; publish it`,
    };
  }
  if (experience.steps.length === 0) return { setup: scriptSetup(project, experience) };
  const user = userFor(project, experience);
  let first: string | undefined;
  for (const url of startPages(project, experience)) {
    for (const launch of [true, false]) {
      const setup: ScriptSetup = {
        user,
        start: { url, at: defaultStartAt },
        ...(launch ? {} : { launch }),
      };
      const verdict = shows(project, experience, setup);
      if (verdict === true) return { setup };
      first ??= verdict;
    }
  }
  return { unshowable: `"${experience.id}" cannot be shown to a simulated user: ${first}` };
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

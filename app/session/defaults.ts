// Where a fresh session starts for a project. Decided here (the SPEC is silent on the UI):
// the first persona of the project, the first literal page (no `*`) an automatic experience
// shows on (so the page opens on something to see), the script's default instant.
import type { Experience, Project } from "../../machines/format/index.ts";
import type { SessionSetup } from "./types.ts";

const defaultStartAt = "2026-01-05T09:00:00Z";
const defaultUserId = "u1";

/** A page an automatic experience shows on, written without wildcards; else "/". */
export function defaultStartUrl(project: Project): string {
  for (const experience of project.experiences) {
    if (experience.status !== "live" || experience.showOn.trigger !== "auto") continue;
    const literal = experience.showOn.urls.find((url) => !url.includes("*"));
    if (literal) return literal;
  }
  return "/";
}

export function defaultSetup(project: Project): SessionSetup {
  const persona = project.personas[0];
  return {
    user: {
      id: persona ? persona.id : defaultUserId,
      attributes: structuredClone(persona?.attributes ?? {}),
    },
    personaId: persona?.id ?? null,
    start: { url: defaultStartUrl(project), at: defaultStartAt },
  };
}

/**
 * The setup after the project's text changed (same document). A setup picked from a persona
 * follows that persona (its attributes as the text now has them); when the persona is gone
 * — the text is another project, or the persona was renamed — the session starts as a new
 * project does, with the first persona. A setup still the previous project's default follows
 * the default, so a project that gains personas starts with its first. A user the PM set by
 * hand (personaId null) is kept.
 */
export function followProject(
  setup: SessionSetup,
  previous: Project,
  project: Project,
): SessionSetup {
  if (setup.personaId !== null) {
    const persona = project.personas.find((p) => p.id === setup.personaId);
    if (!persona) return defaultSetup(project);
    const user = { id: persona.id, attributes: structuredClone(persona.attributes) };
    return sameJson(user, setup.user) ? setup : { ...setup, user };
  }
  return sameJson(setup, defaultSetup(previous)) ? defaultSetup(project) : setup;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A flow worth drawing: one with steps (a checklist has none). */
function hasSteps(experience: Experience): boolean {
  return experience.steps.length > 0;
}

/** The experience to draw: the one asked for if it exists, else one on screen, else the first
 *  with steps, else the first. */
export function pickExperience(
  project: Project,
  wanted: string | null,
  active: readonly string[] = [],
): string | null {
  const ids = new Set(project.experiences.map((e) => e.id));
  if (wanted && ids.has(wanted)) return wanted;
  const onScreen = project.experiences.find((e) => active.includes(e.id) && hasSteps(e));
  if (onScreen) return onScreen.id;
  return (project.experiences.find(hasSteps) ?? project.experiences[0])?.id ?? null;
}

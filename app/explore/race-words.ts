// Races in words for the Races panel: where a raced list sits ("CTA “Complete my profile” on
// step nudge of profile-nudge"), and an outcome (page, statuses, effects), each part flagged
// when it is one of the things that differ between the list's outcomes.
import type { ListRaces, RaceOutcome } from "../../machines/explore/index.ts";
import type { Effect, Project } from "../../machines/format/index.ts";

type Experience = Project["experiences"][number];
type Step = Experience["steps"][number];

/** The interactions of a step with their edge-id suffix (flow-graph ids, see flow-graph.ts). */
function stepSources(step: Step): { suffix: string; words: string }[] {
  return [
    ...step.ctas.map((c) => ({ suffix: `cta/${c.id}`, words: `CTA “${c.label}”` })),
    ...step.triggers.map((t) => ({ suffix: `trigger/${t.id}`, words: `trigger ${t.id}` })),
    ...step.conditions.map((c) => ({ suffix: `condition/${c.id}`, words: `condition ${c.id}` })),
    { suffix: "fallback", words: "the fallback" },
    { suffix: "cross", words: "the closing cross" },
  ];
}

function experiencePlace(experience: Experience, rest: string): string | null {
  for (const task of experience.tasks) {
    if (rest === `task/${task.id}`) return `task “${task.label}” of ${experience.id}`;
  }
  for (const step of experience.steps) {
    for (const source of stepSources(step)) {
      if (rest === `${step.id}/${source.suffix}`) {
        return `${source.words} on step ${step.id} of ${experience.id}`;
      }
    }
  }
  return null;
}

const otherPlaces: { prefix: string; words: string }[] = [
  { prefix: "post/", words: "the CTA of post" },
  { prefix: "block/", words: "resource-center block" },
  { prefix: "agent/answer/", words: "agent custom answer" },
  { prefix: "agent/automated/", words: "agent automated action" },
];

/** Where the list sits, in words (its id when it cannot be told). */
export function listPlace(list: Pick<ListRaces, "id" | "experience">, project: Project): string {
  const experience = list.experience
    ? project.experiences.find((e) => e.id === list.experience)
    : undefined;
  if (experience && list.id.startsWith(`${experience.id}/`)) {
    const rest = list.id.slice(experience.id.length + 1);
    return experiencePlace(experience, rest) ?? list.id;
  }
  const other = otherPlaces.find((p) => list.id.startsWith(p.prefix));
  return other ? `${other.words} ${list.id.slice(other.prefix.length)}` : list.id;
}

export function effectWords(effect: Effect): string {
  switch (effect.type) {
    case "navigateTo":
      return `navigate to ${effect.url}${effect.openIn === "newTab" ? " (new tab)" : ""}`;
    case "launchAgent":
      return effect.message ? `agent asked “${effect.message}”` : "agent opened";
    case "openPost":
      return `post ${effect.post} opened`;
    case "bookInterview":
      return `booking via ${effect.provider}`;
    case "runJs":
      return "runJs";
  }
}

export interface OutcomePart {
  text: string;
  /** One of the places the list's outcomes differ in. */
  differs: boolean;
}

function statusWords(id: string, state: { status: string; step: string | null }): string {
  return `${id} ${state.status}${state.step ? ` at ${state.step}` : ""}`;
}

/** The outcome in words: the page, every experience not idle (or differing), the effects. */
export function outcomeParts(outcome: RaceOutcome, differs: readonly string[]): OutcomePart[] {
  const parts: OutcomePart[] = [
    { text: `page ${outcome.page}`, differs: differs.includes("page") },
  ];
  for (const [id, state] of Object.entries(outcome.experiences)) {
    const differing = differs.includes(`experiences.${id}`);
    if (state.status === "idle" && !differing) continue;
    parts.push({ text: statusWords(id, state), differs: differing });
  }
  const effects = outcome.effects.map(effectWords);
  parts.push({
    text: effects.length > 0 ? `effects: ${effects.join(", ")}` : "no effects",
    differs: differs.includes("effects"),
  });
  if (outcome.tabs.length > 0 || differs.includes("tabs")) {
    const tabs = outcome.tabs.length > 0 ? outcome.tabs.join(", ") : "none";
    parts.push({ text: `tabs: ${tabs}`, differs: differs.includes("tabs") });
  }
  return parts;
}

/** "page", "experiences.profile-tour" → "the page", "profile-tour". */
export function differsWords(differs: readonly string[]): string {
  const words = differs.map((d) =>
    d.startsWith("experiences.") ? d.slice("experiences.".length) : `the ${d}`,
  );
  return words.length > 0 ? words.join(", ") : "nothing";
}

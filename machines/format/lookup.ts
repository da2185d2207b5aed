// Lookups by id that run on every landing and every route: built once per experience (and
// per project), kept beside the parsed object, so cost stays linear in the flow's size.
import type { Experience, Project } from "./schema.ts";

const stepIndexes = new WeakMap<Experience, Map<string, number>>();
const experienceIndexes = new WeakMap<Project, Map<string, Experience>>();
const memberIndexes = new WeakMap<readonly { id: string }[], Map<string, { id: string }>>();

/** The index of step `id` in `experience.steps`, or -1. */
export function stepIndex(experience: Experience, id: string): number {
  let index = stepIndexes.get(experience);
  if (!index) {
    index = new Map();
    experience.steps.forEach((step, i) => {
      if (!index?.has(step.id)) index?.set(step.id, i);
    });
    stepIndexes.set(experience, index);
  }
  return index.get(id) ?? -1;
}

/** The project's experience `id`, if any (the first of that id). */
export function experienceById(project: Project, id: string): Experience | undefined {
  let index = experienceIndexes.get(project);
  if (!index) {
    index = new Map();
    for (const experience of project.experiences) {
      if (!index.has(experience.id)) index.set(experience.id, experience);
    }
    experienceIndexes.set(project, index);
  }
  return index.get(id);
}

/** The first member of `list` (a step's CTAs, triggers, conditions; a checklist's tasks) with `id`. */
export function memberById<T extends { id: string }>(
  list: readonly T[],
  id: string,
): T | undefined {
  let index = memberIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const member of list) if (!index.has(member.id)) index.set(member.id, member);
    memberIndexes.set(list, index);
  }
  return index.get(id) as T | undefined;
}

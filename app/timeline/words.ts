// A project's names for its ids (issue 12: the timeline speaks in labels, not ids): an
// experience's name, a step's name or title, a CTA's, a task's or a block's label, a post's
// title. Built once per project, looked up in Maps (ids are data: any string works).

import type { Experience, Project, Step } from "../../machines/format/index.ts";
import { waysOut } from "../../machines/graph/index.ts";

export interface ProjectWords {
  /** The experience's name, else its id. */
  experience(id: string): string;
  /** The step's name, else its title, else its id. */
  step(experienceId: string, stepId: string): string;
  /** The label of a CTA of that step, if it has one by that id. */
  cta(experienceId: string, stepId: string, ctaId: string): string | undefined;
  /** The label of the first CTA by that id (in the experience, when given). */
  anyCta(ctaId: string, experienceId?: string): string | undefined;
  task(experienceId: string, taskId: string): string;
  post(id: string): string;
  postCta(id: string): string | undefined;
  block(id: string): string;
  /** Every `step` a goToStep of the step's lists names (defaults included), once each. */
  goToRefs(experienceId: string, stepId: string): string[];
}

interface ExperienceWords {
  experience: Experience;
  steps: Map<string, Step>;
}

export function projectWords(project: Project): ProjectWords {
  const experiences = new Map<string, ExperienceWords>();
  for (const experience of project.experiences) {
    if (experiences.has(experience.id)) continue;
    const steps = new Map<string, Step>();
    for (const step of experience.steps) if (!steps.has(step.id)) steps.set(step.id, step);
    experiences.set(experience.id, { experience, steps });
  }
  const posts = new Map(project.posts.map((post) => [post.id, post]));
  const blocks = new Map(project.resourceCenter.blocks.map((block) => [block.id, block]));
  const stepOf = (experienceId: string, stepId: string) =>
    experiences.get(experienceId)?.steps.get(stepId);
  const goTo = new Map<Step, string[]>();

  return {
    experience: (id) => experiences.get(id)?.experience.name ?? id,
    step(experienceId, stepId) {
      const step = stepOf(experienceId, stepId);
      return step?.name ?? step?.title ?? stepId;
    },
    cta: (experienceId, stepId, ctaId) =>
      stepOf(experienceId, stepId)?.ctas.find((cta) => cta.id === ctaId)?.label,
    anyCta(ctaId, experienceId) {
      const scope =
        experienceId === undefined
          ? [...experiences.values()]
          : [experiences.get(experienceId)].filter((e) => e !== undefined);
      for (const { experience } of scope) {
        for (const step of experience.steps) {
          const cta = step.ctas.find((candidate) => candidate.id === ctaId);
          if (cta) return cta.label;
        }
      }
      return undefined;
    },
    task: (experienceId, taskId) =>
      experiences.get(experienceId)?.experience.tasks.find((task) => task.id === taskId)?.label ??
      taskId,
    post: (id) => posts.get(id)?.title ?? id,
    postCta: (id) => posts.get(id)?.cta?.label,
    block: (id) => blocks.get(id)?.label ?? id,
    goToRefs(experienceId, stepId) {
      const step = stepOf(experienceId, stepId);
      if (!step) return [];
      let refs = goTo.get(step);
      if (!refs) {
        const found = new Set<string>();
        for (const way of waysOut(step)) {
          for (const action of way.actions) if (action.type === "goToStep") found.add(action.step);
        }
        refs = [...found];
        goTo.set(step, refs);
      }
      return refs;
    },
  };
}

/** Where a goToStep leads, in words: "next step", "previous step", "completed", a step's name. */
export function goToWords(words: ProjectWords, experienceId: string, ref: string): string {
  if (ref === "next") return "next step";
  if (ref === "previous") return "previous step";
  if (ref === "complete") return "completed";
  return words.step(experienceId, ref);
}

// Stage d: ids are unique in their scope (SPEC §1 "Ids"), and audience conditions name
// experiences that exist. One map per scope: linear in the size of the project.
import type { Project, Step } from "../format/schema.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";

/** A namespace being filled: each id with the place of its first owner. */
class Scope {
  private readonly first = new Map<string, () => string>();

  constructor(
    private readonly scope: string,
    private readonly out: Diagnostic[],
  ) {}

  /** `where` builds the owner's pointer and kind lazily: only a repeat needs them. */
  add(id: string, pointer: () => string, what: string): void {
    const first = this.first.get(id);
    if (!first) {
      this.first.set(id, () => `${what} at ${pointer()}`);
      return;
    }
    this.out.push(
      diagnose(
        "duplicateId",
        `Id "${id}" is already used ${this.scope} by the ${first()}; ids must be unique there: rename one.`,
        `${pointer()}/id`,
      ),
    );
  }
}

/** One duplicateId per repeat, at the repeat's `id`, naming where the first one is. */
export function idDiagnostics(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  projectWide(project, new Scope("in this project", out));
  const personas = new Scope("among personas", out);
  project.personas.forEach((p, i) => {
    personas.add(p.id, () => `/personas/${i}`, "persona");
  });
  project.experiences.forEach((experience, e) => {
    const at = `/experiences/${e}`;
    // Steps and tasks share one namespace per experience, as the project-wide ids do.
    const inExperience = new Scope("in this experience", out);
    experience.steps.forEach((step, s) => {
      inExperience.add(step.id, () => `${at}/steps/${s}`, "step");
      stepScoped(step, () => `${at}/steps/${s}`, out);
    });
    experience.tasks.forEach((task, t) => {
      inExperience.add(task.id, () => `${at}/tasks/${t}`, "task");
    });
  });
  return out;
}

/** Experiences, posts, blocks, custom answers and automated actions share one namespace. */
function projectWide(project: Project, scope: Scope): void {
  project.experiences.forEach((x, i) => {
    scope.add(x.id, () => `/experiences/${i}`, "experience");
  });
  project.posts.forEach((x, i) => {
    scope.add(x.id, () => `/posts/${i}`, "post");
  });
  project.resourceCenter.blocks.forEach((x, i) => {
    scope.add(x.id, () => `/resourceCenter/blocks/${i}`, "resource center block");
  });
  project.agent.customAnswers.forEach((x, i) => {
    scope.add(x.id, () => `/agent/customAnswers/${i}`, "custom answer");
  });
  project.agent.automatedActions.forEach((x, i) => {
    scope.add(x.id, () => `/agent/automatedActions/${i}`, "automated action");
  });
}

/** CTAs, triggers and conditions: unique within their step (one namespace per step). */
function stepScoped(step: Step, at: () => string, out: Diagnostic[]): void {
  if (step.ctas.length + step.triggers.length + step.conditions.length < 2) return;
  const scope = new Scope("in this step", out);
  step.ctas.forEach((c, i) => {
    scope.add(c.id, () => `${at()}/ctas/${i}`, "CTA");
  });
  step.triggers.forEach((t, i) => {
    scope.add(t.id, () => `${at()}/triggers/${i}`, "trigger");
  });
  step.conditions.forEach((c, i) => {
    scope.add(c.id, () => `${at()}/conditions/${i}`, "condition");
  });
}

/** Audience `{ experience }` conditions must name an experience of the project. */
export function audienceDiagnostics(project: Project): Diagnostic[] {
  const ids = new Set(project.experiences.map((e) => e.id));
  const out: Diagnostic[] = [];
  project.experiences.forEach((experience, e) => {
    experience.audience.forEach((condition, c) => {
      if (!("experience" in condition) || ids.has(condition.experience)) return;
      out.push(
        diagnose(
          "unknownExperience",
          `Audience condition names experience "${condition.experience}", which does not exist; use one of the project's experience ids.`,
          `/experiences/${e}/audience/${c}/experience`,
        ),
      );
    });
  });
  return out;
}

// Stage d: ids are unique in their scope (SPEC §1 "Ids"), and audience conditions name
// experiences that exist. One map per scope: linear in the size of the project.
import type { Project, Step } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { diagnose } from "./codes.ts";

/** A kind of id owner: what it is called, and its array (under the scope's owner). */
interface Owners {
  what: string;
  slot: string;
}

const owners = {
  experience: { what: "experience", slot: "/experiences" },
  post: { what: "post", slot: "/posts" },
  block: { what: "resource center block", slot: "/resourceCenter/blocks" },
  customAnswer: { what: "custom answer", slot: "/agent/customAnswers" },
  automatedAction: { what: "automated action", slot: "/agent/automatedActions" },
  persona: { what: "persona", slot: "/personas" },
  step: { what: "step", slot: "/steps" },
  task: { what: "task", slot: "/tasks" },
  cta: { what: "CTA", slot: "/ctas" },
  trigger: { what: "trigger", slot: "/triggers" },
  condition: { what: "condition", slot: "/conditions" },
} as const satisfies Record<string, Owners>;

/** Up to this many ids a scope compares them one by one; beyond, it keeps a map. */
const linearLimit = 32;

/**
 * A namespace being filled: the ids in order (an id's ordinal is its place in the scope).
 * Owners come in groups (e.g. a step's CTAs, then its triggers); an ordinal finds its group
 * again. Nothing is allocated per id and a Scope is reused (reset) for every experience or
 * step: a project has tens of thousands of ids, in small scopes, and rarely repeats one.
 */
class Scope {
  private readonly ids: string[] = [];
  private count = 0;
  /** First ordinal of each id, kept once the scope has more than `linearLimit` ids. */
  private readonly firsts = new Map<string, number>();
  private indexed = false;
  private readonly groups: Owners[] = [];
  private readonly starts: number[] = [];
  private groupCount = 0;
  /** Indices of the experience and step the scope belongs to; -1 when it is wider. */
  private experience = -1;
  private step = -1;

  constructor(
    private readonly scope: string,
    private readonly out: Diagnostic[],
  ) {}

  /** Empties the scope for a new owner (arrays keep their storage: they are overwritten). */
  reset(experience: number, step: number): void {
    this.count = 0;
    this.groupCount = 0;
    if (this.indexed) this.firsts.clear();
    this.indexed = false;
    this.experience = experience;
    this.step = step;
  }

  /** Starts a group of owners; `add` then takes their ids in order. */
  group(owners: Owners): void {
    this.groups[this.groupCount] = owners;
    this.starts[this.groupCount] = this.count;
    this.groupCount++;
  }

  add(id: string): void {
    const ordinal = this.count++;
    this.ids[ordinal] = id;
    const first = this.firstOf(id, ordinal);
    if (first === ordinal) return;
    const owner = `${this.groups[this.groupOf(first)].what} at ${this.pointerOf(first)}`;
    this.out.push(
      diagnose(
        "duplicateId",
        `Id "${id}" is already used ${this.scope} by the ${owner}; ids must be unique there: rename one.`,
        `${this.pointerOf(ordinal)}/id`,
      ),
    );
  }

  /** The ordinal of the first owner of `id` (`ordinal` itself when it is new). */
  private firstOf(id: string, ordinal: number): number {
    if (ordinal < linearLimit) {
      for (let i = 0; i < ordinal; i++) if (this.ids[i] === id) return i;
      return ordinal;
    }
    if (!this.indexed) {
      for (let i = 0; i < ordinal; i++) {
        if (!this.firsts.has(this.ids[i])) this.firsts.set(this.ids[i], i);
      }
      this.indexed = true;
    }
    const first = this.firsts.get(id);
    if (first !== undefined) return first;
    this.firsts.set(id, ordinal);
    return ordinal;
  }

  private groupOf(ordinal: number): number {
    let g = this.groupCount - 1;
    while (this.starts[g] > ordinal) g--;
    return g;
  }

  private pointerOf(ordinal: number): string {
    const g = this.groupOf(ordinal);
    let at = this.experience < 0 ? "" : `/experiences/${this.experience}`;
    if (this.step >= 0) at += `/steps/${this.step}`;
    return `${at}${this.groups[g].slot}/${ordinal - this.starts[g]}`;
  }
}

/** One duplicateId per repeat, at the repeat's `id`, naming where the first one is. */
export function idDiagnostics(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  projectWide(project, new Scope("in this project", out));
  const personas = new Scope("among personas", out);
  personas.group(owners.persona);
  for (const persona of project.personas) personas.add(persona.id);
  // Steps and tasks share one namespace per experience, as the project-wide ids do.
  const inExperience = new Scope("in this experience", out);
  const inStep = new Scope("in this step", out);
  const experiences = project.experiences;
  for (let e = 0; e < experiences.length; e++) {
    const experience = experiences[e];
    inExperience.reset(e, -1);
    inExperience.group(owners.step);
    const steps = experience.steps;
    for (let s = 0; s < steps.length; s++) {
      inExperience.add(steps[s].id);
      stepScoped(steps[s], e, s, inStep);
    }
    inExperience.group(owners.task);
    for (const task of experience.tasks) inExperience.add(task.id);
  }
  return out;
}

/** Experiences, posts, blocks, custom answers and automated actions share one namespace. */
function projectWide(project: Project, scope: Scope): void {
  scope.group(owners.experience);
  for (const x of project.experiences) scope.add(x.id);
  scope.group(owners.post);
  for (const x of project.posts) scope.add(x.id);
  scope.group(owners.block);
  for (const x of project.resourceCenter.blocks) scope.add(x.id);
  scope.group(owners.customAnswer);
  for (const x of project.agent.customAnswers) scope.add(x.id);
  scope.group(owners.automatedAction);
  for (const x of project.agent.automatedActions) scope.add(x.id);
}

/** CTAs, triggers and conditions: unique within their step (one namespace per step). */
function stepScoped(step: Step, e: number, s: number, scope: Scope): void {
  if (step.ctas.length + step.triggers.length + step.conditions.length < 2) return;
  scope.reset(e, s);
  scope.group(owners.cta);
  for (const cta of step.ctas) scope.add(cta.id);
  scope.group(owners.trigger);
  for (const trigger of step.triggers) scope.add(trigger.id);
  scope.group(owners.condition);
  for (const condition of step.conditions) scope.add(condition.id);
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

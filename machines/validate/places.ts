// Every action list written in a project, with its context (SPEC §2) and place. Only lists
// the author wrote: an omitted closing cross or fallback takes a default that is valid by
// definition, so it is not checked here (flow.ts uses the defaults).
//
// A large project has tens of thousands of lists, nearly all without a diagnostic: lists
// share their owner (a step, an experience), build pointers only when asked for them and are
// not kept (a string or object that outlives a young-generation collection costs a copy).
import type { ActionPlace } from "../actions/action.ts";
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import type { AgentSource, Context } from "../rules/contexts.ts";

/** The experience and step (if any) a list belongs to; one per step, shared by its lists. */
class Owner {
  constructor(
    readonly experience: Experience | undefined,
    readonly experienceIndex: number | undefined,
    readonly step: Step | undefined,
    readonly stepIndex: number | undefined,
  ) {}

  /** "/experiences/2/steps/5", "/experiences/2" or "" (the document). */
  get pointer(): string {
    if (this.experienceIndex === undefined) return "";
    const experience = `/experiences/${this.experienceIndex}`;
    return this.stepIndex === undefined ? experience : `${experience}/steps/${this.stepIndex}`;
  }
}

const documentOwner = new Owner(undefined, undefined, undefined, undefined);

/** One class for every list (fast property access), fields unset where they do not apply. */
export class ActionList {
  /**
   * The list's pointer is `<owner><slot>/<item><tail>`, or `<owner><slot>` when `item` is -1:
   * e.g. slot "/ctas", item 2, tail "/actions"; slot "/fallback", no item.
   */
  constructor(
    readonly context: Context,
    readonly actions: readonly Action[],
    private readonly owner: Owner,
    private readonly slot: string,
    private readonly item: number,
    private readonly tail: string,
    /** Index of the CTA within its step (0 = primary), when context is "cta". */
    readonly ctaIndex?: number,
    readonly agentSource?: AgentSource,
  ) {}

  get experience(): Experience | undefined {
    return this.owner.experience;
  }
  get experienceIndex(): number | undefined {
    return this.owner.experienceIndex;
  }
  get step(): Step | undefined {
    return this.owner.step;
  }
  get stepIndex(): number | undefined {
    return this.owner.stepIndex;
  }

  /** Pointer of the list (its items are `${pointer}/${index}`). */
  get pointer(): string {
    const at = `${this.owner.pointer}${this.slot}`;
    return this.item < 0 ? at : `${at}/${this.item}${this.tail}`;
  }
}

/**
 * Calls `visit` with every action list of the project, in document order. The lists are not
 * kept: each is dropped once visited, so a large project leaves little for the collector.
 */
export function forEachActionList(project: Project, visit: (list: ActionList) => void): void {
  const experiences = project.experiences;
  for (let e = 0; e < experiences.length; e++) {
    const experience = experiences[e];
    const steps = experience.steps;
    for (let s = 0; s < steps.length; s++) stepLists(new Owner(experience, e, steps[s], s), visit);
    const tasks = experience.tasks;
    if (tasks.length === 0) continue;
    const owner = new Owner(experience, e, undefined, undefined);
    for (let t = 0; t < tasks.length; t++) {
      visit(new ActionList("task", tasks[t].actions, owner, "/tasks", t, "/actions"));
    }
  }
  const posts = project.posts;
  for (let p = 0; p < posts.length; p++) {
    const cta = posts[p].cta;
    if (cta) visit(documentList("post", cta.actions, "/posts", p, "/cta/actions"));
  }
  const blocks = project.resourceCenter.blocks;
  for (let b = 0; b < blocks.length; b++) {
    visit(documentList("block", blocks[b].actions, "/resourceCenter/blocks", b, "/actions"));
  }
  agentLists(project, visit);
}

function documentList(
  context: Context,
  actions: readonly Action[],
  slot: string,
  item: number,
  tail: string,
): ActionList {
  return new ActionList(context, actions, documentOwner, slot, item, tail);
}

function agentLists(project: Project, visit: (list: ActionList) => void): void {
  const { customAnswers, automatedActions } = project.agent;
  for (let a = 0; a < customAnswers.length; a++) {
    visit(agentList("customAnswer", "/agent/customAnswers", a, customAnswers[a].actions));
  }
  for (let a = 0; a < automatedActions.length; a++) {
    visit(agentList("automatedAction", "/agent/automatedActions", a, automatedActions[a].actions));
  }
}

function agentList(
  source: AgentSource,
  slot: string,
  item: number,
  actions: readonly Action[],
): ActionList {
  return new ActionList("agent", actions, documentOwner, slot, item, "/actions", undefined, source);
}

function stepLists(owner: Owner, visit: (list: ActionList) => void): void {
  const step = owner.step as Step;
  for (let c = 0; c < step.ctas.length; c++) {
    visit(new ActionList("cta", step.ctas[c].actions, owner, "/ctas", c, "/actions", c));
  }
  for (let t = 0; t < step.triggers.length; t++) {
    const actions = step.triggers[t].actions;
    visit(new ActionList("trigger", actions, owner, "/triggers", t, "/actions"));
  }
  for (let c = 0; c < step.conditions.length; c++) {
    const actions = step.conditions[c].actions;
    visit(new ActionList("condition", actions, owner, "/conditions", c, "/actions"));
  }
  if (step.fallback) {
    visit(new ActionList("condition", step.fallback, owner, "/fallback", -1, ""));
  }
  if (step.closingCross) {
    visit(new ActionList("cross", step.closingCross, owner, "/closingCross", -1, ""));
  }
}

/** The ActionPlace of one action of a list (what rule.check receives); its pointer is lazy. */
class Place implements ActionPlace {
  constructor(
    readonly project: Project,
    private readonly of: ActionList,
    readonly index: number,
  ) {}

  get pointer(): string {
    return `${this.of.pointer}/${this.index}`;
  }
  get context(): Context {
    return this.of.context;
  }
  get list(): readonly Action[] {
    return this.of.actions;
  }
  get experience(): Experience | undefined {
    return this.of.experience;
  }
  get step(): Step | undefined {
    return this.of.step;
  }
  get stepIndex(): number | undefined {
    return this.of.stepIndex;
  }
  get ctaIndex(): number | undefined {
    return this.of.ctaIndex;
  }
  get agentSource(): AgentSource | undefined {
    return this.of.agentSource;
  }
}

export function placeOf(project: Project, list: ActionList, index: number): ActionPlace {
  return new Place(project, list, index);
}

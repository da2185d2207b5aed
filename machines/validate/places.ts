// Every action list written in a project, with its context (SPEC §2) and place. Only lists
// the author wrote: an omitted closing cross or fallback takes a default that is valid by
// definition, so it is not checked here (flow.ts uses the defaults).
import type { ActionPlace } from "../actions/action.ts";
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import type { AgentSource, Context } from "../rules/contexts.ts";

export interface ActionList {
  context: Context;
  /** Pointer of the list (its items are `${pointer}/${index}`). */
  pointer: string;
  actions: readonly Action[];
  experience?: Experience;
  experienceIndex?: number;
  step?: Step;
  stepIndex?: number;
  ctaIndex?: number;
  agentSource?: AgentSource;
}

/** Where a step's lists sit; passed along instead of spread (object spread is slow here). */
interface StepWhere {
  experience: Experience;
  experienceIndex: number;
  step: Step;
  stepIndex: number;
}

/** One shape for every list (fast property access), fields unset where they do not apply. */
function list(
  context: Context,
  pointer: string,
  actions: readonly Action[],
  where?: StepWhere,
  ctaIndex?: number,
): ActionList {
  return {
    context,
    pointer,
    actions,
    experience: where?.experience,
    experienceIndex: where?.experienceIndex,
    step: where?.step,
    stepIndex: where?.stepIndex,
    ctaIndex,
    agentSource: undefined,
  };
}

function agentList(source: AgentSource, pointer: string, actions: readonly Action[]): ActionList {
  const result = list("agent", pointer, actions);
  result.agentSource = source;
  return result;
}

export function actionLists(project: Project): ActionList[] {
  const lists: ActionList[] = [];
  const experiences = project.experiences;
  for (let e = 0; e < experiences.length; e++) {
    const experience = experiences[e];
    const at = `/experiences/${e}`;
    for (let s = 0; s < experience.steps.length; s++) {
      const where = { experience, experienceIndex: e, step: experience.steps[s], stepIndex: s };
      stepLists(where, `${at}/steps/${s}`, lists);
    }
    for (let t = 0; t < experience.tasks.length; t++) {
      const task = list("task", `${at}/tasks/${t}/actions`, experience.tasks[t].actions);
      task.experience = experience;
      task.experienceIndex = e;
      lists.push(task);
    }
  }
  project.posts.forEach((post, p) => {
    if (post.cta) lists.push(list("post", `/posts/${p}/cta/actions`, post.cta.actions));
  });
  project.resourceCenter.blocks.forEach((block, b) => {
    lists.push(list("block", `/resourceCenter/blocks/${b}/actions`, block.actions));
  });
  project.agent.customAnswers.forEach((answer, a) => {
    lists.push(agentList("customAnswer", `/agent/customAnswers/${a}/actions`, answer.actions));
  });
  project.agent.automatedActions.forEach((automated, a) => {
    const pointer = `/agent/automatedActions/${a}/actions`;
    lists.push(agentList("automatedAction", pointer, automated.actions));
  });
  return lists;
}

function stepLists(where: StepWhere, at: string, lists: ActionList[]): void {
  const step = where.step;
  for (let c = 0; c < step.ctas.length; c++) {
    lists.push(list("cta", `${at}/ctas/${c}/actions`, step.ctas[c].actions, where, c));
  }
  for (let t = 0; t < step.triggers.length; t++) {
    lists.push(list("trigger", `${at}/triggers/${t}/actions`, step.triggers[t].actions, where));
  }
  for (let c = 0; c < step.conditions.length; c++) {
    lists.push(
      list("condition", `${at}/conditions/${c}/actions`, step.conditions[c].actions, where),
    );
  }
  if (step.fallback) lists.push(list("condition", `${at}/fallback`, step.fallback, where));
  if (step.closingCross) lists.push(list("cross", `${at}/closingCross`, step.closingCross, where));
}

/** The ActionPlace of one action of a list (what rule.check receives). */
export function placeOf(project: Project, list: ActionList, index: number): ActionPlace {
  return {
    project,
    context: list.context,
    pointer: `${list.pointer}/${index}`,
    index,
    list: list.actions,
    experience: list.experience,
    step: list.step,
    stepIndex: list.stepIndex,
    ctaIndex: list.ctaIndex,
    agentSource: list.agentSource,
  };
}

// Every action list of a project with more than one action (all contexts, SPEC §2), each
// with a script that brings its source on screen and fires it without letting anything land
// (`settle: false` on the last step), so the race explorer starts from the engine's own world.
import { findExperience } from "../compile/machine-config.ts";
import { waysOut } from "../compile/routes.ts";
import type { Action, Project } from "../format/schema.ts";
import type { ScriptStep } from "../format/script.ts";
import { flowGraph } from "../graph/flow-graph.ts";
import type { Context } from "../rules/contexts.ts";
import { raceWorkBudget } from "../semantics.ts";
import { indexGraph } from "./graph-index.ts";
import { type ScriptSetup, scriptSetup } from "./script-setup.ts";
import { scriptTree } from "./search.ts";
import { PathTree, PathWalker } from "./walker.ts";

export interface RaceList {
  /** Stable: a flow-graph edge id prefixed by its experience, or "post/<id>", "block/<id>"… */
  id: string;
  context: Context;
  experience?: string;
  actions: readonly Action[];
  setup: ScriptSetup;
  /** Brings the source on screen; the last step fires the list with `settle: false`. */
  steps: ScriptStep[];
  /** Ways out of the list's step: every event the engine sends there costs as many (XState
   *  tries each transition key of the state for a wildcard match). */
  width?: number;
}

/** The list's source could not be brought on screen (its step is unreachable). */
/** Why a list past the race explorer's work budget is not explored. */
export const budgetReason = `not explored: the race explorer's work budget (${raceWorkBudget.toLocaleString("en")} experience states restored) was spent on the lists before it`;

export interface UnreachableList {
  id: string;
  reason: string;
}

const defaultSetup = (project: Project): ScriptSetup => ({
  user: {
    id: project.personas[0]?.id ?? "u1",
    attributes: structuredClone(project.personas[0]?.attributes ?? {}),
  },
  start: { url: "/", at: "2026-01-05T09:00:00Z" },
});

function unsettled(step: ScriptStep): ScriptStep {
  return { ...step, settle: false };
}

function flowLists(
  project: Project,
  experienceId: string,
  out: RaceList[],
  skipped: UnreachableList[],
  limit: number,
): void {
  const experience = findExperience(project, experienceId);
  // Most flows have no list of two actions: they are passed over before any graph is built
  // (a project of tens of thousands of experiences answers in a second).
  if (!experience.steps.some((step) => waysOut(step).some((way) => way.actions.length > 1))) return;
  const graph = flowGraph(project, experienceId);
  const g = indexGraph(graph);
  const setup = scriptSetup(project, experience);
  // The breadth-first tree of scripts, built once and only for a flow with a list to race:
  // a list's script is its step's shortest script (shared prefixes), then the list.
  let scripts: { tree: PathTree; at: Map<string, number> } | undefined;
  for (const edge of graph.edges) {
    if (edge.actions.length < 2) continue;
    const id = `${experienceId}/${edge.id}`;
    if (out.length >= limit) {
      skipped.push({ id, reason: budgetReason });
      continue;
    }
    if (!scripts) {
      const tree = new PathTree();
      scripts = { tree, at: scriptTree(g, new PathWalker(g, experience, setup, tree)) };
    }
    const node = scripts.at.get(edge.from);
    if (node === undefined) {
      skipped.push({ id, reason: `step "${edge.from}" is not reachable from the first step` });
      continue;
    }
    const walker = new PathWalker(g, experience, setup, scripts.tree);
    walker.goTo(node);
    if (walker.node !== edge.from) {
      skipped.push({ id, reason: `the engine moves on from "${edge.from}" by itself` });
      continue;
    }
    walker.take(edge);
    const steps = walker.steps.slice(0, -1);
    steps.push(unsettled(walker.steps[walker.steps.length - 1]));
    const context: Context =
      edge.via.kind === "fallback" ? "condition" : (edge.via.kind as Context);
    const from = g.stepIndex.get(edge.from) ?? 0;
    const width = g.moving[from].length + g.staying[from].length;
    out.push({ id, context, experience: experienceId, actions: edge.actions, setup, steps, width });
  }
}

/**
 * Every list to race, at most `limit` of them with their scripts (the race explorer's work
 * budget cannot explore more): the flows' lists past it are listed as skipped, unwalked.
 */
export function raceLists(
  project: Project,
  limit = Number.POSITIVE_INFINITY,
): { lists: RaceList[]; skipped: UnreachableList[] } {
  const lists: RaceList[] = [];
  const skipped: UnreachableList[] = [];
  for (const experience of project.experiences) {
    if (experience.type !== "checklist") {
      flowLists(project, experience.id, lists, skipped, limit);
      continue;
    }
    for (const task of experience.tasks.filter((t) => t.actions.length > 1)) {
      lists.push({
        id: `${experience.id}/task/${task.id}`,
        context: "task",
        experience: experience.id,
        actions: task.actions,
        setup: scriptSetup(project, experience),
        // Tasks before it first, for checklists in order.
        steps: [
          { do: "launch", experience: experience.id },
          ...experience.tasks
            .slice(0, experience.tasks.indexOf(task))
            .filter(() => experience.checklist.order === "inOrder")
            .map((t) => ({ do: "task" as const, experience: experience.id, task: t.id })),
          { do: "task", experience: experience.id, task: task.id, settle: false },
        ],
      });
    }
  }
  const setup = defaultSetup(project);
  for (const post of project.posts) {
    const actions = post.cta?.actions ?? [];
    if (actions.length < 2) continue;
    lists.push({
      id: `post/${post.id}`,
      context: "post",
      actions,
      setup,
      steps: [{ do: "clickPostCta", post: post.id, settle: false }],
    });
  }
  for (const block of project.resourceCenter.blocks.filter((b) => b.actions.length > 1)) {
    lists.push({
      id: `block/${block.id}`,
      context: "block",
      actions: block.actions,
      setup,
      steps: [{ do: "clickBlock", block: block.id, settle: false }],
    });
  }
  const agent = project.agent;
  for (const answer of [...agent.customAnswers, ...agent.automatedActions]) {
    if (answer.actions.length < 2) continue;
    const kind = "answer" in answer ? "answer" : "automated";
    lists.push({
      id: `agent/${kind}/${answer.id}`,
      context: "agent",
      actions: answer.actions,
      setup,
      steps: [{ do: "askAgent", message: answer.match, settle: false }],
    });
  }
  return { lists, skipped };
}

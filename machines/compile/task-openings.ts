// What a checklist task opens when it is clicked (SPEC §3.2), decided statically by the action
// modules' own landing functions, as routes.ts decides where a step's list leads: a launched
// experience, a post, a page (or a new tab), or something that stays on the page. A checklist
// has no steps, so nothing here moves a flow: the compiled machine carries these in the task
// transitions' meta for the tools that draw a checklist (graph/checklist-graph.ts).
import type { Action, ActionType, Project } from "../format/schema.ts";
import { effectOf, staticLanding } from "./routes.ts";

export type TaskOpening =
  | { kind: "launch"; experience: string }
  | { kind: "post"; post: string }
  /** `url` as written (a template such as /users/{userId}): no user is known yet. */
  | { kind: "page"; url: string; newTab: boolean }
  /** Lands on nothing the canvas draws (the agent, runJs, or an action refused here). */
  | { kind: "other"; action: ActionType };

/** One opening per action of a task's list, in list order. */
export function taskOpenings(project: Project, list: readonly Action[]): TaskOpening[] {
  const world = { project, attributes: {}, flow: undefined };
  return list.map((action): TaskOpening => {
    const changes = effectOf(action).land(action as never, staticLanding(action, "task"), world);
    for (const change of changes) {
      if (change.type === "launch") return { kind: "launch", experience: change.experience };
      if (change.type === "effect" && change.effect.type === "openPost") {
        return { kind: "post", post: change.effect.post };
      }
      if ((change.type === "page" || change.type === "tab") && action.type === "navigateTo") {
        return { kind: "page", url: action.url, newTab: change.type === "tab" };
      }
    }
    return { kind: "other", action: action.type };
  });
}

// All nine actions by type: the one place the rest of Flowscope looks an action up.
import type { ActionOf, ActionType } from "../format/schema.ts";
import type { ActionDefinition } from "./action.ts";
import { bookInterview } from "./bookInterview.ts";
import { dismiss } from "./dismiss.ts";
import { goToStep } from "./goToStep.ts";
import { launchAgent } from "./launchAgent.ts";
import { launchExperience } from "./launchExperience.ts";
import { navigateTo } from "./navigateTo.ts";
import { openPost } from "./openPost.ts";
import { runJs } from "./runJs.ts";
import { snooze } from "./snooze.ts";

export const actionRegistry: { [T in ActionType]: ActionDefinition<T> } = {
  launchAgent,
  goToStep,
  dismiss,
  launchExperience,
  openPost,
  navigateTo,
  snooze,
  runJs,
  bookInterview,
};

export function actionDefinition<T extends ActionType>(type: T): ActionDefinition<T> {
  return actionRegistry[type];
}

/** Typed helper: runs `fn` with the action's own definition. */
export function withDefinition<R>(
  action: ActionOf<ActionType>,
  fn: <T extends ActionType>(definition: ActionDefinition<T>, action: ActionOf<T>) => R,
): R {
  return fn(actionRegistry[action.type] as ActionDefinition<typeof action.type>, action as never);
}

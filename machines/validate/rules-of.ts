// An action's rule, looked up without a closure: the validator asks it for every action of
// a project (registry.ts's withDefinition allocates one callback per call).
import type { ActionRule } from "../actions/action.ts";
import { actionRegistry } from "../actions/registry.ts";
import type { Action, ActionType } from "../format/schema.ts";

/** The rule of `action`'s type, typed for any action (each rule only sees its own type). */
export function ruleOf(action: Action): ActionRule<ActionType> {
  return actionRegistry[action.type].rule as ActionRule<ActionType>;
}

// Stage b: may this action sit here? The seed's availability table first, then the action's
// own rule (registry). An action the table refuses gets that one error and no more.
import type { ActionPlace } from "../actions/action.ts";
import type { Action, Project } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { actionLabels } from "../rules/action-types.ts";
import { availability } from "../rules/availability.ts";
import { contextLabels } from "../rules/contexts.ts";
import { diagnose } from "./codes.ts";
import { type ActionList, placeOf } from "./places.ts";
import { ruleOf } from "./rules-of.ts";

/** The availability errors of one list's actions, into `out`. */
export function listAvailability(project: Project, list: ActionList, out: Diagnostic[]): void {
  const actions = list.actions;
  for (let index = 0; index < actions.length; index++) {
    const action = actions[index];
    const refused = tableDiagnostic(project, list, action, index);
    if (refused) {
      out.push(refused);
      continue;
    }
    const found = ruleDiagnostics(action, placeOf(project, list, index));
    for (let d = 0; d < found.length; d++) out.push(found[d]);
  }
}

/** The action's own rule (no closure per action: this runs for every action of a project). */
function ruleDiagnostics(action: Action, place: ActionPlace): Diagnostic[] {
  return ruleOf(action).check(action, place);
}

function tableDiagnostic(
  project: Project,
  list: ActionList,
  action: Action,
  index: number,
): Diagnostic | undefined {
  const cell = availability[action.type][list.context];
  const label = actionLabels[action.type];
  switch (cell) {
    case "no":
      return diagnose(
        "notAvailable",
        `${label} is not available in ${placeLabel(list)}; remove it or move it to a place that allows it.`,
        typePointer(list, index),
      );
    case "needsActivation":
      if (project.settings.runJsEnabled) return undefined;
      return diagnose(
        "runJsNeedsActivation",
        `${label} needs activation by Jimo support: set settings.runJsEnabled to true once it is activated, or remove the action.`,
        typePointer(list, index),
      );
    case "customAnswersOnly":
      if (list.agentSource !== "automatedAction") return undefined;
      return diagnose(
        "notAvailable",
        `${label} is available to the agent only in custom answers, not in automated actions; move it to agent.customAnswers.`,
        typePointer(list, index),
      );
    default:
      // yes, default, agentBoth; firstStep and fixed are the snooze and bookInterview rules.
      return undefined;
  }
}

/** Built only for a refusal: most actions pass. */
function typePointer(list: ActionList, index: number): string {
  return `${list.pointer}/${index}/type`;
}

function placeLabel(list: ActionList): string {
  if (list.context !== "agent") return contextLabels[list.context];
  return list.agentSource === "automatedAction"
    ? "an agent automated action"
    : "an agent custom answer";
}

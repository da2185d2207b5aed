// Stage b: may this action sit here? The seed's availability table first, then the action's
// own rule (registry). An action the table refuses gets that one error and no more.
import { withDefinition } from "../actions/registry.ts";
import type { Action, Project } from "../format/schema.ts";
import { actionLabels } from "../rules/action-types.ts";
import { availability } from "../rules/availability.ts";
import { contextLabels } from "../rules/contexts.ts";
import { diagnose } from "./codes.ts";
import type { Diagnostic } from "./diagnostic.ts";
import { type ActionList, placeOf } from "./places.ts";

export function availabilityDiagnostics(
  project: Project,
  lists: readonly ActionList[],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const list of lists) {
    list.actions.forEach((action, index) => {
      const refused = tableDiagnostic(project, list, action, index);
      if (refused) {
        out.push(refused);
        return;
      }
      const place = placeOf(project, list, index);
      out.push(
        ...withDefinition(action, (definition, typed) => definition.rule.check(typed, place)),
      );
    });
  }
  return out;
}

function tableDiagnostic(
  project: Project,
  list: ActionList,
  action: Action,
  index: number,
): Diagnostic | undefined {
  const cell = availability[action.type][list.context];
  const pointer = `${list.pointer}/${index}/type`;
  const label = actionLabels[action.type];
  switch (cell) {
    case "no":
      return diagnose(
        "notAvailable",
        `${label} is not available in ${placeLabel(list)}; remove it or move it to a place that allows it.`,
        pointer,
      );
    case "needsActivation":
      if (project.settings.runJsEnabled) return undefined;
      return diagnose(
        "runJsNeedsActivation",
        `${label} needs activation by Jimo support: set settings.runJsEnabled to true once it is activated, or remove the action.`,
        pointer,
      );
    case "customAnswersOnly":
      if (list.agentSource !== "automatedAction") return undefined;
      return diagnose(
        "notAvailable",
        `${label} is available to the agent only in custom answers, not in automated actions; move it to agent.customAnswers.`,
        pointer,
      );
    default:
      // yes, default, agentBoth; firstStep and fixed are the snooze and bookInterview rules.
      return undefined;
  }
}

function placeLabel(list: ActionList): string {
  if (list.context !== "agent") return contextLabels[list.context];
  return list.agentSource === "automatedAction"
    ? "an agent automated action"
    : "an agent custom answer";
}

// The action picker of a list, as Jimo's builder shows it (SPEC §2): only the actions the
// seed's availability table allows in the list's context; among those, an action the
// combination matrix refuses after the actions already added is shown disabled, with why.
// Snooze only on the first step of a tour, banner or survey; Book Interview never picked (it
// is fixed on a Book Interview step's primary CTA). The tables are machines/rules' own.
import { isSequential } from "../../machines/model/index.ts";
import {
  type ActionTypeName,
  type AgentSource,
  actionLabels,
  actionTypes,
  availability,
  type Context,
  canFollow,
} from "../../machines/rules/index.ts";
import { effectiveActions } from "./action-edits.ts";
import { experienceNode, type ListRef, stepIndex, stepNode } from "./refs.ts";
import { items, member, type Node, stringAt } from "./text-edits.ts";

/** What decides the picker of one list. */
export interface ListPlace {
  context: Context;
  /** The list is on the first step of a tour, banner or survey (snooze's "1st step"). */
  firstStep: boolean;
  /** settings.runJsEnabled: Run JS code has been activated by support. */
  runJsEnabled: boolean;
  /** The primary CTA of a Book Interview step: Book Interview is its fixed first action. */
  fixedBookInterview: boolean;
  agentSource?: AgentSource;
}

export interface ActionChoice {
  type: ActionTypeName;
  label: string;
  /** Offered but refused here, with `reason`. */
  disabled: boolean;
  reason?: string;
}

/** The seed's words for a Run JS code action before support activates it. */
export const runJsInactive =
  "Contact our support to enable this feature (Run JS code needs activation: settings.runJsEnabled).";

/** Is `type` offered at all in this place (the availability table)? */
export function isOffered(type: ActionTypeName, place: ListPlace): boolean {
  switch (availability[type][place.context]) {
    case "yes":
    case "default":
    case "needsActivation":
    case "agentBoth":
      return true;
    case "firstStep":
      return place.firstStep;
    case "customAnswersOnly":
      return place.agentSource !== "automatedAction";
    default:
      // "no", and "fixed": Book Interview comes with its step, it is never picked.
      return false;
  }
}

/** The list's types as they apply: a Book Interview primary CTA starts with its fixed action. */
export function appliedTypes(place: ListPlace, written: readonly string[]): string[] {
  const implied = place.fixedBookInterview && written[0] !== "bookInterview";
  return implied ? ["bookInterview", ...written] : [...written];
}

/** Why `type` cannot follow the actions of `types` (the combination matrix), if it cannot. */
export function combinationRefusal(
  types: readonly string[],
  type: ActionTypeName,
): string | undefined {
  const label = actionLabels[type];
  if (types.includes(type)) {
    return `${label} is already in this list: the same action cannot be added twice.`;
  }
  for (const earlier of types) {
    if (!isActionType(earlier) || canFollow(earlier, type)) continue;
    return `${label} cannot be added after ${actionLabels[earlier]}: the seed's combination matrix does not allow it.`;
  }
  return undefined;
}

/** The first place where `types`, read in order, breaks the combination matrix. */
export function listRefusal(types: readonly string[]): string | undefined {
  for (let k = 1; k < types.length; k++) {
    const type = types[k];
    if (!isActionType(type)) continue;
    const refused = combinationRefusal(types.slice(0, k), type);
    if (refused) return refused;
  }
  return undefined;
}

export function isActionType(type: string): type is ActionTypeName {
  return (actionTypes as readonly string[]).includes(type);
}

/** The picker's entries for a list that holds `written` (action types, in order). */
export function actionChoices(place: ListPlace, written: readonly string[]): ActionChoice[] {
  const types = appliedTypes(place, written);
  return actionTypes
    .filter((type) => isOffered(type, place))
    .map((type) => {
      const label = actionLabels[type];
      const inactive =
        availability[type][place.context] === "needsActivation" && !place.runJsEnabled;
      const reason = inactive ? runJsInactive : combinationRefusal(types, type);
      return reason === undefined
        ? { type, label, disabled: false }
        : { type, label, disabled: true, reason };
    });
}

const contextOfList: Record<ListRef["kind"], Context> = {
  cta: "cta",
  trigger: "trigger",
  condition: "condition",
  fallback: "condition",
  cross: "cross",
  task: "task",
};

/** The place of a list of the project text. */
export function placeOfList(root: Node | undefined, ref: ListRef): ListPlace {
  const experience = experienceNode(root, ref);
  const settings = member(root, "settings");
  const runJsEnabled = member(settings, "runJsEnabled")?.value === true;
  const context = contextOfList[ref.kind];
  if (ref.kind === "task") {
    return { context, firstStep: false, runJsEnabled, fixedBookInterview: false };
  }
  const type = stringAt(experience, "type") ?? "";
  const firstStep = stepIndex(root, ref) === 0 && isSequential({ type });
  const step = stepNode(root, ref);
  const primary = items(member(step, "ctas"))[0];
  const fixedBookInterview =
    ref.kind === "cta" &&
    stringAt(step, "kind") === "bookInterview" &&
    primary !== undefined &&
    stringAt(primary, "id") === ref.id;
  return { context, firstStep, runJsEnabled, fixedBookInterview };
}

/** The picker of a list of the project text. */
export function choicesForList(root: Node | undefined, ref: ListRef): ActionChoice[] {
  const written = effectiveActions(root, ref).map((action) => String(action.type));
  return actionChoices(placeOfList(root, ref), written);
}

/** Is action `index` of the list the fixed Book Interview (not removable, not movable)? */
export function isFixedAction(place: ListPlace, index: number, type: string): boolean {
  return place.fixedBookInterview && index === 0 && type === "bookInterview";
}

// Stage f, per action list (SPEC §2 warnings): two actions that both change what the user
// sees, and a same-tab navigation beside an action that renders on the current page. A
// navigation/render pair is reported once, as navigateBesideRender (the more precise one),
// and each list gets at most one warning of each kind.
import { withDefinition } from "../actions/registry.ts";
import type { Action } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { actionLabels } from "../rules/action-types.ts";
import { diagnose } from "./codes.ts";
import type { ActionList } from "./places.ts";

const changesView = (action: Action) =>
  withDefinition(action, (definition, typed) => definition.rule.changesView(typed));
const rendersOnPage = (action: Action) =>
  withDefinition(action, (definition) => definition.rule.rendersOnPage);
const isSameTabNavigation = (action: Action) =>
  action.type === "navigateTo" && action.openIn !== "newTab";

export function listWarnings(list: ActionList): Diagnostic[] {
  const actions = list.actions;
  if (actions.length < 2) return []; // every warning here is about a pair
  const out: Diagnostic[] = [];
  const navigation = actions.findIndex(isSameTabNavigation);
  const renderers = actions.flatMap((action, i) => (rendersOnPage(action) ? [i] : []));
  if (navigation >= 0 && renderers.length > 0) {
    const names = renderers.map((i) => actionLabels[actions[i].type]).join(", ");
    out.push(
      diagnose(
        "navigateBesideRender",
        `This same-tab Navigate to changes the page while ${names} renders on the current one, which may be cut off: open the URL in a new tab or remove one of them.`,
        `${list.pointer}/${navigation}`,
      ),
    );
  }
  const pair = viewPair(actions, (a, b) => isNavigationRenderPair(actions[a], actions[b]));
  if (pair) {
    const [a, b] = pair;
    out.push(
      diagnose(
        "twoViewChanges",
        `${actionLabels[actions[a].type]} and ${actionLabels[actions[b].type]} both change what the user sees; the seed advises against combining them: keep one, or pair it with Run JS or a new-tab Navigate to.`,
        `${list.pointer}/${b}`,
      ),
    );
  }
  return out;
}

function isNavigationRenderPair(a: Action, b: Action): boolean {
  return (
    (isSameTabNavigation(a) && rendersOnPage(b)) || (isSameTabNavigation(b) && rendersOnPage(a))
  );
}

/** The first pair (by the later action) of view-changing actions that `skip` does not excuse. */
function viewPair(
  actions: readonly Action[],
  skip: (a: number, b: number) => boolean,
): [number, number] | undefined {
  const viewers: number[] = [];
  for (let b = 0; b < actions.length; b++) {
    if (!changesView(actions[b])) continue;
    const a = viewers.find((earlier) => !skip(earlier, b));
    if (a !== undefined) return [a, b];
    viewers.push(b);
  }
  return undefined;
}

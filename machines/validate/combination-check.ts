// Stage c: the seed's combination matrix, read in the order actions were added (SPEC §2).
// Action k must be allowed by every earlier action j (row j, column k); one error per list,
// at the first action that breaks a rule, with a valid order of the same actions if any.
import type { ActionType } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { actionLabels } from "../rules/action-types.ts";
import { canFollow } from "../rules/combination.ts";
import { diagnose } from "./codes.ts";
import type { ActionList } from "./places.ts";

/** The list as the runtime sees it: a bookInterview step's primary CTA implies bookInterview first. */
export function effectiveTypes(list: ActionList): { types: ActionType[]; implied: boolean } {
  const types = list.actions.map((action) => action.type);
  const implied =
    list.context === "cta" &&
    list.ctaIndex === 0 &&
    list.step?.kind === "bookInterview" &&
    types[0] !== "bookInterview";
  return { types: implied ? ["bookInterview", ...types] : types, implied };
}

export function combinationDiagnostic(list: ActionList): Diagnostic | undefined {
  if (list.actions.length < 2 && list.step?.kind !== "bookInterview") return undefined;
  const { types, implied } = effectiveTypes(list);
  const shift = implied ? 1 : 0;
  for (let k = 1; k < types.length; k++) {
    const first = types.indexOf(types[k]);
    if (first < k) {
      return duplicate(types[k], first - shift, typePointer(list, k - shift), list.pointer);
    }
    const blocker = blockerOf(types, k);
    if (blocker !== undefined) {
      return notAllowed(types, blocker, types[k], implied, typePointer(list, k - shift));
    }
  }
  return undefined;
}

/** The first earlier type that action k may not follow. */
function blockerOf(types: readonly ActionType[], k: number): ActionType | undefined {
  for (let j = 0; j < k; j++) if (!canFollow(types[j], types[k])) return types[j];
  return undefined;
}

/** Built only for an error: most lists pass. */
function typePointer(list: ActionList, index: number): string {
  return `${list.pointer}/${index}/type`;
}

function duplicate(
  type: ActionType,
  firstIndex: number,
  pointer: string,
  listPointer: string,
): Diagnostic {
  const where =
    firstIndex < 0 ? "implied by this Book Interview step" : `at ${listPointer}/${firstIndex}`;
  return diagnose(
    "duplicateAction",
    `${actionLabels[type]} is already in this list (${where}); the same action cannot be added twice: remove one.`,
    pointer,
  );
}

function notAllowed(
  types: readonly ActionType[],
  earlier: ActionType,
  later: ActionType,
  implied: boolean,
  pointer: string,
): Diagnostic {
  const earlierImplied = implied && earlier === types[0];
  const source = earlierImplied ? " (implied by this Book Interview step's primary CTA)" : "";
  let message = `${actionLabels[later]} cannot be added after ${actionLabels[earlier]}${source}: the seed's combination matrix does not allow it`;
  // A repeated type makes every order invalid (and would make the search long): no hint.
  const order = new Set(types).size === types.length ? validOrder(types, implied) : undefined;
  if (order)
    message += `; this order would be valid: ${order.map((t) => actionLabels[t]).join(", ")}.`;
  else message += "; no order of these actions is valid: remove one of them.";
  return diagnose("combinationNotAllowed", message, pointer);
}

/**
 * An order of `types` (all distinct) that the matrix accepts, closest to the given order
 * (depth-first in the original order, pruned as soon as a prefix breaks a rule), or
 * undefined. With `pinFirst` the first type stays first (it is implied, not movable).
 */
export function validOrder(
  types: readonly ActionType[],
  pinFirst = false,
): ActionType[] | undefined {
  const chosen: ActionType[] = pinFirst ? [types[0]] : [];
  const used = types.map((_, i) => pinFirst && i === 0);
  const search = (): boolean => {
    if (chosen.length === types.length) return true;
    for (let i = 0; i < types.length; i++) {
      if (used[i] || !chosen.every((earlier) => canFollow(earlier, types[i]))) continue;
      used[i] = true;
      chosen.push(types[i]);
      if (search()) return true;
      chosen.pop();
      used[i] = false;
    }
    return false;
  };
  return search() ? chosen : undefined;
}

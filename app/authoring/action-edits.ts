// Edits of one action list (a CTA's, trigger's, condition's or task's actions, the closing
// cross, the fallback): add, remove, reorder an action, set its fields. An omitted closing
// cross or fallback is the seed's default list; editing it writes that list out first.
import { defaultClosingCross, defaultFallback } from "../../machines/rules/index.ts";
import { actionKeys, itemKeys, stepKeys } from "./key-order.ts";
import { type ListRef, listOwner } from "./refs.ts";
import {
  applyAll,
  type Edit,
  insertItem,
  items,
  member,
  moveItem,
  type Node,
  type ParsedText,
  parseText,
  plainValue,
  removeChild,
  removeMember,
  replaceNode,
  setMember,
} from "./text-edits.ts";

/** An action as written in the text (its fields are whatever the text holds). */
export type ActionValue = { type: string } & Record<string, unknown>;

/** The list as it applies: the text's, or the seed's default for an omitted cross/fallback. */
export function effectiveActions(root: Node | undefined, ref: ListRef): ActionValue[] {
  const place = listOwner(root, ref);
  if (!place) return [];
  const list = member(place.owner, place.key);
  if (list?.type === "array") return plainValue(list) as ActionValue[];
  return defaultOf(ref).map((action) => ({ ...action }));
}

/** Is the list written in the text (not the seed's default)? */
export function isWritten(root: Node | undefined, ref: ListRef): boolean {
  const place = listOwner(root, ref);
  return place !== undefined && member(place.owner, place.key)?.type === "array";
}

function defaultOf(ref: ListRef): readonly ActionValue[] {
  if (ref.kind === "cross") return defaultClosingCross;
  if (ref.kind === "fallback") return defaultFallback;
  return [];
}

/**
 * Applies `onNode` to the list node when the text has it; otherwise writes the whole list,
 * `onValues` applied to the default.
 */
function editList(
  text: string,
  ref: ListRef,
  onNode: (doc: ParsedText, list: Node) => Edit | undefined,
  onValues: (actions: ActionValue[]) => ActionValue[] | undefined,
): string {
  const doc = parseText(text);
  if (!doc.ok) return text;
  const place = listOwner(doc.root, ref);
  if (!place) return text;
  const list = member(place.owner, place.key);
  if (list?.type === "array") return applyAll(text, [onNode(doc, list)]);
  const values = onValues(defaultOf(ref).map((action) => ({ ...action })));
  if (!values) return text;
  const order = place.key === "actions" ? itemKeys : stepKeys;
  return applyAll(text, [setMember(doc, place.owner, place.key, values, order)]);
}

export function addAction(text: string, ref: ListRef, action: ActionValue): string {
  return editList(
    text,
    ref,
    (doc, list) => insertItem(doc, list, items(list).length, action),
    (actions) => [...actions, action],
  );
}

export function removeAction(text: string, ref: ListRef, index: number): string {
  return editList(
    text,
    ref,
    (doc, list) => removeChild(doc, list, index),
    (actions) => (index < actions.length ? actions.filter((_, k) => k !== index) : undefined),
  );
}

export function moveAction(text: string, ref: ListRef, from: number, to: number): string {
  return editList(
    text,
    ref,
    (doc, list) => moveItem(doc, list, from, to),
    (actions) => {
      if (!actions[from] || !actions[to] || from === to) return undefined;
      const next = actions.slice();
      const [moved] = next.splice(from, 1);
      next.splice(to, 0, moved);
      return next;
    },
  );
}

/** Sets (or, with `undefined`, removes) field `key` of action `index`. */
export function setActionField(
  text: string,
  ref: ListRef,
  index: number,
  key: string,
  value: unknown,
): string {
  return editList(
    text,
    ref,
    (doc, list) => {
      const action = items(list)[index];
      if (action?.type !== "object") return undefined;
      if (value === undefined) return removeMember(doc, action, key);
      return setMember(doc, action, key, value, actionKeys);
    },
    (actions) => {
      const action = actions[index];
      if (!action) return undefined;
      const next: ActionValue = { ...action };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return actions.map((old, k) => (k === index ? next : old));
    },
  );
}

/** Replaces the whole list. */
export function setActions(text: string, ref: ListRef, actions: readonly ActionValue[]): string {
  return editList(
    text,
    ref,
    (doc, list) => replaceNode(doc, list, actions),
    () => [...actions],
  );
}

/** Back to the seed's default: an omitted closing cross or fallback. */
export function resetToDefault(
  text: string,
  ref: ListRef & { kind: "cross" | "fallback" },
): string {
  const doc = parseText(text);
  if (!doc.ok) return text;
  const place = listOwner(doc.root, ref);
  return place ? applyAll(text, [removeMember(doc, place.owner, place.key)]) : text;
}

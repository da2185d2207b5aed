// Edits of a step's CTAs, progress triggers and survey conditions (found by their ids):
// add, remove, reorder, set a field; and one condition per answer of a choice step.
import { freshId, slugOf } from "./fresh-id.ts";
import { itemKeys, stepKeys } from "./key-order.ts";
import {
  type ItemKind,
  type ItemRef,
  idsOf,
  itemArrayKey,
  itemNode,
  type StepRef,
  stepNode,
} from "./refs.ts";
import {
  applyAll,
  indexById,
  insertInto,
  items,
  member,
  moveItem,
  parseText,
  plainValue,
  removeChild,
  removeMember,
  setMember,
} from "./text-edits.ts";

/** The id a new CTA, trigger or condition of the step gets from `base`. */
export function newItemId(text: string, ref: StepRef, kind: ItemKind, base: string): string {
  const doc = parseText(text);
  return freshId(idsOf(member(stepNode(doc.root, ref), itemArrayKey[kind])), base);
}

/** Appends a CTA, trigger or condition (an object with its id) to the step. */
export function addItem(
  text: string,
  ref: StepRef,
  kind: ItemKind,
  item: Record<string, unknown>,
): string {
  const doc = parseText(text);
  const step = doc.ok ? stepNode(doc.root, ref) : undefined;
  return step ? applyAll(text, [insertInto(doc, step, itemArrayKey[kind], item, stepKeys)]) : text;
}

export function removeItem(text: string, ref: ItemRef): string {
  const doc = parseText(text);
  const list = doc.ok ? member(stepNode(doc.root, ref), itemArrayKey[ref.kind]) : undefined;
  const index = indexById(list, ref.id);
  return list && index >= 0 ? applyAll(text, [removeChild(doc, list, index)]) : text;
}

/** Moves the item to position `to` among its siblings (the first CTA is the primary one). */
export function moveItemTo(text: string, ref: ItemRef, to: number): string {
  const doc = parseText(text);
  const list = doc.ok ? member(stepNode(doc.root, ref), itemArrayKey[ref.kind]) : undefined;
  const from = indexById(list, ref.id);
  return list && from >= 0 ? applyAll(text, [moveItem(doc, list, from, to)]) : text;
}

/** Sets (or, with `undefined`, removes) a field: a CTA's label, a trigger's `on`, a condition's `if`. */
export function setItemField(text: string, ref: ItemRef, key: string, value: unknown): string {
  const doc = parseText(text);
  const item = doc.ok ? itemNode(doc.root, ref) : undefined;
  if (!item) return text;
  const edit =
    value === undefined ? removeMember(doc, item, key) : setMember(doc, item, key, value, itemKeys);
  return applyAll(text, [edit]);
}

/** The options of a choice step that no `anyOf [option]` condition names yet. */
export function optionsWithoutCondition(text: string, ref: StepRef): string[] {
  const doc = parseText(text);
  const step = stepNode(doc.root, ref);
  const options = plainValue(member(member(step, "question"), "options"));
  if (!Array.isArray(options)) return [];
  const covered = new Set<string>();
  for (const condition of items(member(step, "conditions"))) {
    const anyOf = plainValue(member(member(condition, "if"), "anyOf"));
    if (Array.isArray(anyOf) && anyOf.length === 1) covered.add(String(anyOf[0]));
  }
  return options.filter(
    (option): option is string => typeof option === "string" && !covered.has(option),
  );
}

/**
 * Adds one condition per answer of a choice step that has none yet (`anyOf [answer]`, going
 * to the next step, as the seed's conditions start), so each answer can branch on its own.
 */
export function addConditionPerOption(text: string, ref: StepRef): string {
  let out = text;
  for (const option of optionsWithoutCondition(text, ref)) {
    const id = newItemId(out, ref, "condition", slugOf(option, "answer"));
    out = addItem(out, ref, "condition", {
      id,
      if: { anyOf: [option] },
      actions: [{ type: "goToStep", step: "next" }],
    });
  }
  return out;
}

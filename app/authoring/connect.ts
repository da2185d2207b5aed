// A route drawn on the canvas: dragging from a CTA's or a survey condition's handle to a step
// makes that list go to the step, as one minimal edit of the active document's JSON text (one
// undo entry, origin "canvas").
import { workspaceStore } from "../workspace/workspace-store.ts";
import { addAction, effectiveActions, setActionField } from "./action-edits.ts";
import { listOwner, stepNode } from "./refs.ts";
import { parseText } from "./text-edits.ts";

/** The list a drag starts from. */
export interface ListRef {
  experience: string;
  step: string;
  kind: "cta" | "condition";
  id: string;
}

/**
 * The text with list `from` going to step `toStep`: its goToStep (the first one) now names
 * the step, or one is added. Unchanged when the list or the step is not there.
 */
export function goToStepIn(text: string, from: ListRef, toStep: string): string {
  const doc = parseText(text);
  if (!doc.ok || !listOwner(doc.root, from)) return text;
  if (!stepNode(doc.root, { experience: from.experience, step: toStep })) return text;
  const index = effectiveActions(doc.root, from).findIndex((action) => action.type === "goToStep");
  if (index >= 0) return setActionField(text, from, index, "step", toStep);
  return addAction(text, from, { type: "goToStep", step: toStep });
}

/**
 * Makes the list `from` go to step `toStep` of the same experience, as one minimal edit of the
 * active document's JSON text (one undo entry). Returns false, changing nothing, when the
 * document or the list is not there.
 */
export function connectToStep(from: ListRef, toStep: string): boolean {
  const state = workspaceStore.getState();
  const doc = state.documents.find((candidate) => candidate.id === state.activeId);
  if (!doc) return false;
  const parsed = parseText(doc.text);
  if (!parsed.ok || !listOwner(parsed.root, from)) return false;
  if (!stepNode(parsed.root, { experience: from.experience, step: toStep })) return false;
  workspaceStore.edit(doc.id, goToStepIn(doc.text, from, toStep), "canvas");
  return true;
}

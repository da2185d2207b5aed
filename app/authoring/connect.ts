// A route drawn on the canvas: dragging from a CTA's or a survey condition's handle to a step
// makes that list go to the step. (Interface fixed here; the authoring edits implement it.)

/** The list a drag starts from. */
export interface ListRef {
  experience: string;
  step: string;
  kind: "cta" | "condition";
  id: string;
}

/**
 * Makes the list `from` go to step `toStep` of the same experience, as one minimal edit of the
 * active document's JSON text (one undo entry). Returns false, changing nothing, when the
 * document or the list is not there.
 */
export function connectToStep(_from: ListRef, _toStep: string): boolean {
  return false;
}

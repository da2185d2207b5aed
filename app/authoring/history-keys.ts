// Mod-z / Mod-Shift-z (and Mod-y) anywhere on the page but in a text field step the active
// document's one history back and forward. Inside the JSON editor its own keymap does the same
// (app/editor); in the form's inputs the browser's own undo of the field's text is kept.
import { activeDocument } from "../workspace/document-model.ts";
import type { WorkspaceStore } from "../workspace/workspace-store.ts";

/** Does the key go to a field that edits text of its own (input, textarea, the editor)? */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest(".cm-editor, [contenteditable='true'], textarea")) return true;
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(
      target.type,
    );
  }
  return false;
}

/** "undo", "redo" or undefined for a key event. */
export function historyKey(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
) {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return undefined;
}

/** Listens on `target` (the window); returns the function that stops listening. */
export function installHistoryKeys(target: Window, workspace: WorkspaceStore): () => void {
  const onKey = (event: KeyboardEvent) => {
    const which = historyKey(event);
    if (!which || event.defaultPrevented || inTextField(event.target)) return;
    const doc = activeDocument(workspace.getState());
    if (!doc) return;
    event.preventDefault();
    if (which === "undo") workspace.undo(doc.id);
    else workspace.redo(doc.id);
  };
  target.addEventListener("keydown", onKey);
  return () => target.removeEventListener("keydown", onKey);
}

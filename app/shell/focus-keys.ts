// The focus mode's keys: "F" toggles it, unless the key is typed into a text field (or with a
// modifier, which belongs to the browser); Escape leaves it, unless something open on the page
// (a menu, a popup, a field) has already taken that Escape.

export interface FocusKey {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Escape already handled (defaultPrevented), or a key repeat. */
  handled: boolean;
  /** The key goes to something that takes text: an input, a text area, a select, the editor. */
  intoText: boolean;
}

export type FocusKeyAction = "toggle" | "leave" | null;

export function focusKeyAction(event: FocusKey, focus: boolean): FocusKeyAction {
  if (event.handled || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === "Escape") return focus ? "leave" : null;
  if ((event.key === "f" || event.key === "F") && !event.intoText) return "toggle";
  return null;
}

/** Whether a key pressed on `target` is typed into it (inputs, selects, editable content). */
export function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']")) {
    // Checkboxes, radios and buttons take no text: F there is the shortcut.
    const input = target.closest("input");
    return (
      !input || !["checkbox", "radio", "button", "submit", "reset", "range"].includes(input.type)
    );
  }
  return false;
}

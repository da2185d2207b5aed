// A button that opens a popup (WAI-ARIA disclosure and menu-button patterns): the button says
// whether its popup is open (aria-expanded) and which element it controls; Escape closes the
// popup and puts the focus back on the button; a press outside both closes it too.
import { type RefObject, useCallback, useEffect, useId, useRef, useState } from "react";

export interface Popup<T extends HTMLElement> {
  open: boolean;
  /** Opens or closes; closing with `returnFocus` puts the focus back on the button. */
  setOpen(open: boolean, returnFocus?: boolean): void;
  toggle(): void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  popupRef: RefObject<T | null>;
  /** The popup element's id, for the button's aria-controls. */
  popupId: string;
}

export function usePopup<T extends HTMLElement = HTMLDivElement>(onOpen?: () => void): Popup<T> {
  const [open, setOpenState] = useState(false);
  const openRef = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<T>(null);
  const popupId = useId();
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  const setOpen = useCallback((next: boolean, returnFocus = false) => {
    const was = openRef.current;
    openRef.current = next;
    setOpenState(next);
    if (next && !was) onOpenRef.current?.();
    if (!next && returnFocus) buttonRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen(!openRef.current), [setOpen]);

  useEffect(() => {
    if (!open) return;
    const inside = (target: EventTarget | null) =>
      target instanceof Node &&
      (popupRef.current?.contains(target) || buttonRef.current?.contains(target)) === true;
    const onKeyDown = (event: KeyboardEvent) => {
      // A field inside that handles Escape itself (a rename) marks it handled.
      if (event.key !== "Escape" || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false, true);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!inside(event.target)) setOpen(false);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open, setOpen]);

  return { open, setOpen, toggle, buttonRef, popupRef, popupId };
}

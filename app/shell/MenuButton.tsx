// A menu button (WAI-ARIA menu-button pattern) for the top bar's action menus: the button opens
// a menu of `role="menuitem"` buttons and the focus goes to its first item; ArrowUp/ArrowDown,
// Home and End move between the items; choosing one, or Escape, closes the menu and puts the
// focus back on the button; Tab closes it and goes on.
import { type KeyboardEvent, type MouseEvent, type ReactNode, useEffect, useRef } from "react";
import { tabAfterKey } from "../explore/tab-keys.ts";
import { usePopup } from "./usePopup.ts";

interface MenuButtonProps {
  /** The button's content (its accessible name unless `label` is given). */
  children: ReactNode;
  /** The menu's items: buttons with `role="menuitem"` (see MenuItem). */
  items: ReactNode;
  /** The menu's accessible name. */
  menuLabel: string;
  className?: string;
  buttonClassName?: string;
  menuClassName?: string;
  title?: string;
}

const itemSelector = '[role="menuitem"]:not(:disabled)';

function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return menu ? Array.from(menu.querySelectorAll<HTMLElement>(itemSelector)) : [];
}

export function MenuButton({
  children,
  items,
  menuLabel,
  className,
  buttonClassName,
  menuClassName,
  title,
}: MenuButtonProps) {
  const popup = usePopup<HTMLDivElement>();
  // Which end the focus goes to when the menu opens (ArrowUp opens on the last item).
  const startAt = useRef<"first" | "last">("first");

  useEffect(() => {
    if (!popup.open) return;
    const all = itemsOf(popup.popupRef.current);
    (startAt.current === "last" ? all[all.length - 1] : all[0])?.focus();
  }, [popup.open, popup.popupRef]);

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    startAt.current = event.key === "ArrowUp" ? "last" : "first";
    popup.setOpen(true);
  };
  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Tab") {
      popup.setOpen(false, true);
      return;
    }
    const all = itemsOf(popup.popupRef.current);
    const current = all.find((item) => item === document.activeElement) ?? all[0];
    const next = current ? tabAfterKey(all, current, event.key, "vertical") : null;
    if (!next) return;
    event.preventDefault();
    next.focus();
  };
  // An item was chosen (its own onClick has acted): the menu closes, the focus goes back.
  const onMenuClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    if (target?.closest('[role="menuitem"]')) popup.setOpen(false, true);
  };

  return (
    <div className={className}>
      <button
        ref={popup.buttonRef}
        type="button"
        className={buttonClassName}
        title={title}
        aria-haspopup="menu"
        aria-expanded={popup.open}
        aria-controls={popup.open ? popup.popupId : undefined}
        onClick={() => {
          startAt.current = "first";
          popup.toggle();
        }}
        onKeyDown={onButtonKeyDown}
      >
        {children}
      </button>
      {popup.open && (
        <div
          ref={popup.popupRef}
          id={popup.popupId}
          role="menu"
          aria-label={menuLabel}
          className={menuClassName}
          onKeyDown={onMenuKeyDown}
          onClick={onMenuClick}
        >
          {items}
        </div>
      )}
    </div>
  );
}

interface MenuItemProps {
  children: ReactNode;
  onSelect(): void;
  className?: string;
  disabled?: boolean;
  title?: string;
}

/** One item of a MenuButton's menu. */
export function MenuItem({ children, onSelect, className, disabled, title }: MenuItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={className}
      disabled={disabled}
      title={title}
      onClick={() => onSelect()}
    >
      {children}
    </button>
  );
}

// A tab list (WAI-ARIA tabs pattern, automatic activation): only the selected tab is in the Tab
// order (roving tabindex); ArrowLeft/ArrowRight move to the previous/next tab and select it,
// wrapping around, Home/End to the ends.
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { tabAfterKey } from "../explore/tab-keys.ts";

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

interface TabListProps<T extends string> {
  tabs: readonly TabSpec<T>[];
  value: T;
  onChange(tab: T): void;
  /** The tab list's accessible name. */
  label: string;
  /** The element id of a tab and of the panel it controls. */
  tabId(tab: T): string;
  panelId(tab: T): string;
  className?: string;
  tabClassName?: string;
}

export function TabList<T extends string>({
  tabs,
  value,
  onChange,
  label,
  tabId,
  panelId,
  className = "tabs",
  tabClassName = "tab",
}: TabListProps<T>) {
  const refs = useRef(new Map<T, HTMLButtonElement>());
  const ids = tabs.map((tab) => tab.id);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = tabAfterKey(ids, value, event.key);
    if (next === null) return;
    event.preventDefault();
    onChange(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(element) => {
            if (element) refs.current.set(tab.id, element);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={value === tab.id}
          // Only the selected tab's panel is sure to be in the page.
          aria-controls={value === tab.id ? panelId(tab.id) : undefined}
          tabIndex={value === tab.id ? 0 : -1}
          className={tabClassName}
          onClick={() => onChange(tab.id)}
          onKeyDown={onKeyDown}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

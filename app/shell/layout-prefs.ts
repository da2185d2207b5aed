// The workbench's remembered choices that are not pane sizes: focus mode and the left pane's
// tab. (Pane sizes and collapsed panes are the resizable groups' own layouts, saved by
// react-resizable-panels under their group ids; see pane-storage.ts.) Kept in localStorage;
// bad or foreign data there is ignored, never trusted.
import { useSyncExternalStore } from "react";
import { type PaneStorage, paneStorage } from "./pane-storage.ts";

export type LeftTab = "edit" | "json" | "forecast";

export interface LayoutPrefs {
  /** The canvas full window, the preview floating over it. */
  focus: boolean;
  /** The left pane shows the side form ("edit"), the project's JSON and its report, or the
   *  Forecast panel. */
  leftTab: LeftTab;
}

export const defaultLayoutPrefs: LayoutPrefs = { focus: false, leftTab: "json" };

export const layoutPrefsKey = "flowscope:layout";

type Listener = () => void;

export interface LayoutPrefsStore {
  get(): LayoutPrefs;
  update(change: Partial<LayoutPrefs>): void;
  subscribe(listener: Listener): () => void;
}

/** Reads saved prefs: each field only when it has the expected shape, else its default. */
export function readLayoutPrefs(saved: string | null): LayoutPrefs {
  if (saved === null) return defaultLayoutPrefs;
  let value: unknown;
  try {
    value = JSON.parse(saved);
  } catch {
    return defaultLayoutPrefs;
  }
  if (typeof value !== "object" || value === null) return defaultLayoutPrefs;
  const focus = Object.hasOwn(value, "focus") ? (value as { focus: unknown }).focus : undefined;
  const tab = Object.hasOwn(value, "leftTab") ? (value as { leftTab: unknown }).leftTab : undefined;
  return {
    focus: typeof focus === "boolean" ? focus : defaultLayoutPrefs.focus,
    leftTab:
      tab === "edit" || tab === "json" || tab === "forecast" ? tab : defaultLayoutPrefs.leftTab,
  };
}

export function createLayoutPrefsStore(storage: PaneStorage): LayoutPrefsStore {
  let current = readLayoutPrefs(storage.getItem(layoutPrefsKey));
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    update(change) {
      const next = { ...current, ...change };
      if (next.focus === current.focus && next.leftTab === current.leftTab) return;
      current = next;
      storage.setItem(layoutPrefsKey, JSON.stringify(current));
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's layout prefs. */
export const layoutPrefs = createLayoutPrefsStore(paneStorage);

export function useLayoutPrefs(store: LayoutPrefsStore = layoutPrefs): LayoutPrefs {
  return useSyncExternalStore(store.subscribe, store.get);
}

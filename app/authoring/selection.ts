// What the author has picked on the canvas (a step, a route, a checklist task), shared by the
// canvas, which sets it, and the side form, which edits what it names. A tiny external store
// (useSyncExternalStore) like the workspace's, so panes far apart need no props between them.
import { useSyncExternalStore } from "react";

/** Which list of a step a route comes from (the canvas edge's cause). */
export type RouteSource =
  | { kind: "cta"; id: string }
  | { kind: "condition"; id: string }
  | { kind: "trigger"; id: string }
  | { kind: "cross" }
  | { kind: "fallback" };

export type Selection =
  | { kind: "step"; experience: string; step: string }
  | { kind: "route"; experience: string; step: string; source: RouteSource; edge: string }
  | { kind: "task"; experience: string; task: string }
  | null;

type Listener = () => void;

export interface SelectionStore {
  get(): Selection;
  set(next: Selection): void;
  subscribe(listener: Listener): () => void;
}

export function createSelectionStore(): SelectionStore {
  let current: Selection = null;
  const listeners = new Set<Listener>();
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The page's selection. */
export const selectionStore = createSelectionStore();

export function useSelection(store: SelectionStore = selectionStore): Selection {
  return useSyncExternalStore(store.subscribe, store.get);
}

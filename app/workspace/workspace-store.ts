// The workspace as a small external store (useSyncExternalStore), so the editor, the workspace
// menu, persistence and QA, mounted in different places of the page, share one list of
// documents without threading props through App.
import { useSyncExternalStore } from "react";
import {
  activeDocument,
  closeDocument,
  editDocument,
  emptyWorkspace,
  type OpenRequest,
  openDocument,
  renameDocument,
  revertDocument,
  selectDocument,
  type WorkspaceDocument,
  type WorkspaceState,
} from "./document-model.ts";

type Listener = () => void;

/** Who made an edit (see WorkspaceStore.edit). */
export type EditOrigin = "type" | "form" | "canvas" | "format";

export interface WorkspaceStore {
  getState(): WorkspaceState;
  subscribe(listener: Listener): () => void;
  /**
   * Opens a document (or selects the example already open); returns its id. Pass `id` to
   * attach things to the document (its session) before listeners hear of it.
   */
  open(request: OpenRequest, id?: string): string;
  select(id: string): void;
  /**
   * Replaces a document's text. `origin` says who edited (typing in the editor, the side
   * form, the canvas, Format): the one undo history of the document (issue 12) groups
   * consecutive typing into one entry and keeps every other edit as an entry of its own.
   */
  edit(id: string, text: string, origin?: EditOrigin): void;
  /** Steps the document's one history back / forward (forms, canvas and text alike). */
  undo(id: string): void;
  redo(id: string): void;
  revert(id: string): void;
  /** Renames a document (document-model.ts renameDocument: trimmed, unique). */
  rename(id: string, name: string): void;
  close(id: string): void;
  /** Replaces everything (restoring saved work). */
  load(state: WorkspaceState): void;
}

export function createWorkspaceStore(
  initial: WorkspaceState = emptyWorkspace,
  now: () => number = Date.now,
  newId: () => string = randomId,
): WorkspaceStore {
  let state = initial;
  const listeners = new Set<Listener>();
  const set = (next: WorkspaceState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open(request, id = newId()) {
      const next = openDocument(state, request, id, now());
      set(next);
      return next.activeId as string;
    },
    select: (id) => set(selectDocument(state, id)),
    edit: (id, text, _origin = "type") => set(editDocument(state, id, text, now())),
    // The history lands with the authoring forms (issue 12); until then, nothing to step.
    undo: () => {},
    redo: () => {},
    revert: (id) => set(revertDocument(state, id, now())),
    rename: (id, name) => set(renameDocument(state, id, name, now())),
    close: (id) => set(closeDocument(state, id)),
    load: (next) => set(next),
  };
}

export function randomId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The page's workspace. */
export const workspaceStore = createWorkspaceStore();

export function useWorkspace(store: WorkspaceStore = workspaceStore): WorkspaceState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

export function useActiveDocument(
  store: WorkspaceStore = workspaceStore,
): WorkspaceDocument | undefined {
  return activeDocument(useWorkspace(store));
}

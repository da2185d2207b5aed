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
  setDocumentForecast,
  type WorkspaceDocument,
  type WorkspaceState,
} from "./document-model.ts";
import {
  type EditOrigin,
  emptyHistory,
  type History,
  recordEdit,
  redoEdit,
  undoEdit,
} from "./history.ts";

export type { EditOrigin };

type Listener = () => void;

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
  /** Is there something to undo / redo in the document's history? */
  canUndo(id: string): boolean;
  canRedo(id: string): boolean;
  /** Back to the text as opened; one entry of the history, so it can be undone. */
  revert(id: string): void;
  /** Renames a document (document-model.ts renameDocument: trimmed, unique). */
  rename(id: string, name: string): void;
  /** Keeps the document's forecast model text (not part of the undo history). */
  setForecastModel(id: string, text: string): void;
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
  // Beside the state, not in it: the history is not saved with the workspace.
  const histories = new Map<string, History>();
  const set = (next: WorkspaceState) => {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const textOf = (id: string) => state.documents.find((doc) => doc.id === id)?.text;
  const historyOf = (id: string) => histories.get(id) ?? emptyHistory;
  /** Replaces the text, recording the change as one entry (typing may join the last one). */
  const change = (id: string, text: string, origin: EditOrigin | "revert") => {
    const before = textOf(id);
    if (before === undefined || before === text) return;
    const at = now();
    histories.set(id, recordEdit(historyOf(id), before, text, origin, at));
    set(editDocument(state, id, text, at));
  };
  const step = (id: string, move: typeof undoEdit) => {
    const text = textOf(id);
    const moved = text === undefined ? undefined : move(historyOf(id), text);
    if (!moved) return;
    histories.set(id, moved.history);
    set(editDocument(state, id, moved.text, now()));
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
    edit: (id, text, origin = "type") => change(id, text, origin),
    undo: (id) => step(id, undoEdit),
    redo: (id) => step(id, redoEdit),
    canUndo: (id) => historyOf(id).done.length > 0,
    canRedo: (id) => historyOf(id).undone.length > 0,
    revert(id) {
      const reverted = revertDocument(state, id, now());
      const text = reverted.documents.find((doc) => doc.id === id)?.text;
      if (text !== undefined) change(id, text, "revert");
    },
    rename: (id, name) => set(renameDocument(state, id, name, now())),
    setForecastModel: (id, text) => set(setDocumentForecast(state, id, text, now())),
    close(id) {
      histories.delete(id);
      set(closeDocument(state, id));
    },
    load(next) {
      // A history only fits the text it was recorded on: keep it where that text came back.
      for (const [id] of histories) {
        const doc = next.documents.find((candidate) => candidate.id === id);
        if (doc?.text !== textOf(id)) histories.delete(id);
      }
      set(next);
    },
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

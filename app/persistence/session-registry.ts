// Each document's session (persona, script so far, selected experience), in memory. The
// session bridge writes it as the user plays; autosave copies it to IndexedDB; opening a
// document, a share link or an exported session puts one here first.
import type { SavedSession } from "./session-model.ts";

type Listener = () => void;

export interface SessionRegistry {
  get(documentId: string): SavedSession | undefined;
  set(documentId: string, session: SavedSession): void;
  delete(documentId: string): void;
  /** All sessions; a new Map object after every change. */
  all(): ReadonlyMap<string, SavedSession>;
  subscribe(listener: Listener): () => void;
}

export function createSessionRegistry(): SessionRegistry {
  let sessions: ReadonlyMap<string, SavedSession> = new Map();
  const listeners = new Set<Listener>();
  const replace = (next: Map<string, SavedSession>) => {
    sessions = next;
    for (const listener of listeners) listener();
  };
  return {
    get: (id) => sessions.get(id),
    set(id, session) {
      if (sessions.get(id) === session) return;
      replace(new Map(sessions).set(id, session));
    },
    delete(id) {
      if (!sessions.has(id)) return;
      const next = new Map(sessions);
      next.delete(id);
      replace(next);
    },
    all: () => sessions,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const sessionRegistry = createSessionRegistry();

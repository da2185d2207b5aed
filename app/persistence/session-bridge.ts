// Keeps each document's session in the session registry, from where the keeper saves it: the
// session store (app/session) follows the workspace's active document (its own bridge hands
// it the registry's session when a document opens); this copies the store's session (persona,
// steps so far, selected experience) back whenever it changes. Also the SessionPort that QA
// and sharing use.
import { type SessionStore, sessionStore } from "../session/store.ts";
import type { SavedSession } from "./session-model.ts";
import type { SessionPort } from "./session-port.ts";
import { type SessionRegistry, sessionRegistry } from "./session-registry.ts";

export function keepSessions(
  registry: SessionRegistry = sessionRegistry,
  store: SessionStore = sessionStore,
): () => void {
  let documentId: string | null = null;
  /** A saved session whose document opened with invalid text: loaded once the text is valid. */
  let pending: SavedSession | null = null;

  const sync = () => {
    const state = store.getState();
    if (state.documentId !== documentId) {
      documentId = state.documentId;
      const saved = documentId === null ? undefined : registry.get(documentId);
      pending = saved && !state.project ? saved : null;
    }
    if (documentId === null || !state.project) return;
    if (pending) {
      const session = pending;
      pending = null;
      store.loadSession(session);
      return;
    }
    const session = store.exportSession();
    const previous = registry.get(documentId);
    if (!previous || !sameSession(previous, session)) registry.set(documentId, session);
  };

  sync();
  return store.subscribe(sync);
}

function sameSession(a: SavedSession, b: SavedSession): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The live session as QA and sharing see it. */
export function sessionPort(store: SessionStore = sessionStore): SessionPort {
  return {
    current: () => ({ ...store.exportSession(), result: store.result() }),
    reset(setup) {
      store.setSetup({ user: setup.user, personaId: null, start: setup.start });
    },
    run(step) {
      const outcome = store.run(step);
      if (!outcome.ok) throw new Error(outcome.message);
    },
  };
}

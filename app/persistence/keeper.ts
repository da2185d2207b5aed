// Keeps the workspace in IndexedDB (issue 4 item 7): at start, restore the saved documents and
// sessions, open a share link if the URL carries one (else the first example when nothing was
// saved); then save every change, debounced, writing only what changed since the last save.
import type { OpenRequest } from "../workspace/document-model.ts";
import type { WorkspaceStore } from "../workspace/workspace-store.ts";
import { debounce } from "./debounce.ts";
import type { SavedWork } from "./saved-work.ts";
import type { SessionRegistry } from "./session-registry.ts";
import { decodeSharedState, tokenFromHash } from "./share-codec.ts";

/** Quiet time after the last change before writing. */
const autosaveDelayMs = 400;

export type SaveStatus = "saved" | "pending" | "saving" | "off" | "failed";

export interface KeeperOptions {
  workspace: WorkspaceStore;
  sessions: SessionRegistry;
  /** null when IndexedDB could not be opened: the page works, nothing is kept. */
  work: SavedWork | null;
  /** The page's hash (a share link's `#share=…`). */
  hash: string;
  /** Removes the share token from the address once opened (a reload then restores from storage). */
  clearHash(): void;
  /** What to open when nothing was saved and no link was followed. */
  firstDocument(): OpenRequest;
  onStatus(status: SaveStatus, detail?: string): void;
  onNotice(message: string): void;
  newId(): string;
  delayMs?: number;
}

export interface Keeper {
  /** Writes pending changes now (page hide). */
  flush(): Promise<void>;
  stop(): void;
}

export async function startKeeper(options: KeeperOptions): Promise<Keeper> {
  const { workspace, work } = options;
  // What storage holds: the baseline the first save compares with.
  const stored = work ? await restoreInto(options, work) : null;
  if (!work) options.onStatus("off");
  await openSharedLink(options);
  if (workspace.getState().documents.length === 0) {
    workspace.open(options.firstDocument());
  }
  if (!work || !stored) return { flush: async () => {}, stop: () => {} };
  return watch(options, work, stored);
}

/** What was read back from storage, by identity (the objects now in the stores). */
interface Stored {
  documents: ReadonlyMap<string, unknown>;
  sessions: ReadonlyMap<string, unknown>;
}

async function restoreInto(options: KeeperOptions, work: SavedWork): Promise<Stored> {
  const restored = await work.restore();
  for (const [id, session] of restored.sessions) options.sessions.set(id, session);
  if (restored.documents.length > 0) {
    const activeId = restored.activeId ?? restored.documents[restored.documents.length - 1].id;
    options.workspace.load({ documents: restored.documents, activeId });
  }
  if (restored.skipped.length > 0) {
    options.onNotice(
      `Some saved work could not be read and was left out: ${restored.skipped.join(", ")}.`,
    );
  }
  return {
    documents: new Map(options.workspace.getState().documents.map((doc) => [doc.id, doc])),
    sessions: new Map(options.sessions.all()),
  };
}

async function openSharedLink(options: KeeperOptions): Promise<void> {
  const token = tokenFromHash(options.hash);
  if (token === null) return;
  try {
    const { state: shared, leftOut } = await decodeSharedState(token);
    // The session goes in first: opening the document makes the session store load it.
    const id = options.newId();
    options.sessions.set(id, shared.session);
    options.workspace.open(
      { name: shared.name, text: shared.project, origin: { kind: "share" } },
      id,
    );
    const opened = `Opened the shared session “${shared.name}”.`;
    options.onNotice(leftOut ? `${opened} ${leftOut}` : opened);
  } catch (thrown) {
    options.onNotice(thrown instanceof Error ? thrown.message : String(thrown));
  }
  options.clearHash();
}

/**
 * Saves what changed, by object identity (the stores replace what they change), starting from
 * what storage held: a share link or the first example opened since is written at once.
 */
function watch(options: KeeperOptions, work: SavedWork, stored: Stored): Keeper {
  const { workspace, sessions } = options;
  let savedDocs: Map<string, unknown> = new Map(stored.documents);
  let savedSessions: Map<string, unknown> = new Map(stored.sessions);
  let savedActive: string | null | undefined;
  let writing: Promise<void> = Promise.resolve();

  const save = async () => {
    const state = workspace.getState();
    const currentSessions = sessions.all();
    const writes: Promise<void>[] = [];
    const open = new Set(state.documents.map((doc) => doc.id));
    for (const doc of state.documents) {
      if (savedDocs.get(doc.id) !== doc) writes.push(work.saveDocument(doc));
    }
    for (const id of savedDocs.keys()) if (!open.has(id)) writes.push(work.deleteDocument(id));
    for (const [id, session] of currentSessions) {
      if (open.has(id) && savedSessions.get(id) !== session)
        writes.push(work.saveSession(id, session));
    }
    if (state.activeId !== savedActive) writes.push(work.saveActiveId(state.activeId));
    savedDocs = new Map(state.documents.map((doc) => [doc.id, doc]));
    savedSessions = new Map<string, unknown>(currentSessions);
    savedActive = state.activeId;
    await Promise.all(writes);
  };

  const run = () => {
    options.onStatus("saving");
    writing = writing
      .then(save)
      .then(() => options.onStatus(saver.pending() ? "pending" : "saved"))
      .catch((thrown: unknown) =>
        options.onStatus("failed", thrown instanceof Error ? thrown.message : String(thrown)),
      );
  };
  const saver = debounce<void>(run, options.delayMs ?? autosaveDelayMs);
  const changed = () => {
    options.onStatus("pending");
    saver.schedule();
  };
  const unsubscribe = [workspace.subscribe(changed), sessions.subscribe(changed)];
  // The state may differ from storage (a share link, the first example): save it.
  changed();
  return {
    async flush() {
      saver.flush();
      await writing;
    },
    stop() {
      for (const off of unsubscribe) off();
      saver.cancel();
    },
  };
}

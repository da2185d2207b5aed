// Saved work in IndexedDB (issue 4 item 7): the workspace's documents, one session per
// document, and which document was active. Whatever comes back is checked, and a record that
// no longer fits the format is skipped (and reported) instead of breaking the page.
import { type WorkspaceDocument, workspaceDocument } from "../workspace/document-model.ts";
import { defaultIndexedDb, type KeyValueStore, openDatabase, storeOf } from "./idb.ts";
import { type SavedSession, savedSession } from "./session-model.ts";

const databaseName = "flowscope";
/** Bump with a migration in openDatabase's upgrade when a store changes shape. */
const databaseVersion = 1;
const stores = { documents: "documents", sessions: "sessions", meta: "meta" } as const;
const activeKey = "activeDocument";

export interface RestoredWork {
  documents: WorkspaceDocument[];
  sessions: Map<string, SavedSession>;
  activeId: string | null;
  /** Records that could not be read (their keys), for one notice. */
  skipped: string[];
}

export class SavedWork {
  private constructor(
    private readonly documents: KeyValueStore<unknown>,
    private readonly sessions: KeyValueStore<unknown>,
    private readonly meta: KeyValueStore<unknown>,
    private readonly db: IDBDatabase,
  ) {}

  static async open(factory = defaultIndexedDb(), name = databaseName): Promise<SavedWork> {
    const db = await openDatabase(factory, name, databaseVersion, Object.values(stores));
    return new SavedWork(
      storeOf(db, stores.documents),
      storeOf(db, stores.sessions),
      storeOf(db, stores.meta),
      db,
    );
  }

  close(): void {
    this.db.close();
  }

  saveDocument(doc: WorkspaceDocument): Promise<void> {
    return this.documents.put(doc.id, doc);
  }

  async deleteDocument(id: string): Promise<void> {
    await Promise.all([this.documents.delete(id), this.sessions.delete(id)]);
  }

  saveSession(documentId: string, session: SavedSession): Promise<void> {
    return this.sessions.put(documentId, session);
  }

  saveActiveId(id: string | null): Promise<void> {
    return this.meta.put(activeKey, id);
  }

  /** Everything saved, documents in the order they were opened. */
  async restore(): Promise<RestoredWork> {
    const [docEntries, sessionEntries, active] = await Promise.all([
      this.documents.entries(),
      this.sessions.entries(),
      this.meta.get(activeKey),
    ]);
    const skipped: string[] = [];
    const documents = parseEntries(docEntries, workspaceDocument, skipped, "document").map(
      ([, doc]) => doc,
    );
    documents.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    const sessions = new Map(parseEntries(sessionEntries, savedSession, skipped, "session"));
    const activeId =
      typeof active === "string" && documents.some((doc) => doc.id === active) ? active : null;
    return { documents, sessions, activeId, skipped };
  }
}

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** The entries whose value fits `parser`; the others' keys go to `skipped`. */
function parseEntries<T>(
  entries: [string, unknown][],
  parser: Parser<T>,
  skipped: string[],
  label: string,
): [string, T][] {
  const out: [string, T][] = [];
  for (const [key, value] of entries) {
    const parsed = parser.safeParse(value);
    if (parsed.success) out.push([key, parsed.data]);
    else skipped.push(`${label} ${key}`);
  }
  return out;
}

// Keeps the session on the workspace's active document: the workspace (app/workspace) owns
// the documents' texts; the session follows the active one. Opening a document hands over the
// session saved for it (app/persistence's registry), if any.
import { activeDocument } from "../workspace/document-model.ts";
import type { WorkspaceStore } from "../workspace/workspace-store.ts";
import type { SessionStore } from "./store.ts";
import type { SessionInput } from "./types.ts";

export function connectWorkspace(
  workspace: WorkspaceStore,
  session: SessionStore,
  savedSessionOf: (documentId: string) => SessionInput | undefined = () => undefined,
): () => void {
  const sync = () => {
    const doc = activeDocument(workspace.getState());
    if (!doc) return;
    if (doc.id !== session.getState().documentId) {
      session.openDocument(doc.id, doc.text, savedSessionOf(doc.id));
      return;
    }
    session.setText(doc.text);
  };
  sync();
  return workspace.subscribe(sync);
}

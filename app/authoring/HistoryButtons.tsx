// Undo and Redo of the active document's one history (forms, canvas and text alike).
import { useActiveDocument, workspaceStore } from "../workspace/workspace-store.ts";

export function HistoryButtons() {
  const doc = useActiveDocument();
  if (!doc) return null;
  return (
    <div className="af-history">
      <button
        type="button"
        className="btn btn-small"
        disabled={!workspaceStore.canUndo(doc.id)}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => workspaceStore.undo(doc.id)}
      >
        Undo
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={!workspaceStore.canRedo(doc.id)}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        onClick={() => workspaceStore.redo(doc.id)}
      >
        Redo
      </button>
    </div>
  );
}

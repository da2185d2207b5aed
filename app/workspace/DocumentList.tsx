// The open documents, as a menu: its button names the active one; inside, every document with
// its edited mark, to switch to or close (asking first when closing would throw edits away).
import { useState } from "react";
import {
  activeDocument,
  isEdited,
  type WorkspaceDocument,
  type WorkspaceState,
} from "./document-model.ts";
import { closeMenuOf } from "./menu.ts";
import { workspaceStore } from "./workspace-store.ts";

export function DocumentList({ workspace }: { workspace: WorkspaceState }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const active = activeDocument(workspace);
  const close = (doc: WorkspaceDocument) => {
    if (isEdited(doc) && confirming !== doc.id) setConfirming(doc.id);
    else {
      setConfirming(null);
      workspaceStore.close(doc.id);
    }
  };
  return (
    <details className="ws-dropdown ws-docs">
      <summary className="ws-button ws-docs-button" title="Open documents">
        <span className="ws-docs-name">{active?.name ?? "No document"}</span>
        {active && isEdited(active) && <EditedMark />}
        <span className="ws-docs-count">{workspace.documents.length} open ▾</span>
      </summary>
      <nav className="ws-popover" aria-label="Documents">
        <ul className="ws-doc-list">
          {workspace.documents.map((doc) => (
            <li
              key={doc.id}
              className="ws-doc"
              data-active={doc.id === workspace.activeId || undefined}
            >
              <button
                type="button"
                className="ws-doc-name"
                aria-current={doc.id === workspace.activeId ? "page" : undefined}
                onClick={(event) => {
                  closeMenuOf(event.currentTarget);
                  workspaceStore.select(doc.id);
                }}
              >
                {doc.name}
                {isEdited(doc) && <EditedMark />}
              </button>
              {confirming === doc.id ? (
                <span className="ws-confirm" role="alert">
                  Discard its edits?
                  <button type="button" className="ws-link" onClick={() => close(doc)}>
                    Close it
                  </button>
                  <button type="button" className="ws-link" onClick={() => setConfirming(null)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="ws-doc-close"
                  aria-label={`Close ${doc.name}`}
                  onClick={() => close(doc)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}

function EditedMark() {
  return (
    <>
      <span className="ws-edited" aria-hidden="true">
        ●
      </span>
      <span className="ws-visually-hidden"> (edited)</span>
    </>
  );
}

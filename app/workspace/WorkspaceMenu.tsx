// The workspace menu (issue 4 item 1), compact enough for the top bar: the example select, an
// "Open" menu (a file, pasted JSON, a new project; files can also be dropped on the page), the
// open documents, and "Revert changes" while the active document is edited.
import { type MouseEvent, useCallback, useRef, useState } from "react";
import { DocumentList } from "./DocumentList.tsx";
import { activeDocument, isEdited } from "./document-model.ts";
import { ExampleMenu } from "./ExampleMenu.tsx";
import { FileOpener } from "./FileOpener.tsx";
import { closeMenuOf } from "./menu.ts";
import { openNewProject } from "./open-actions.ts";
import { PasteDialog } from "./PasteDialog.tsx";
import { useWorkspace, workspaceStore } from "./workspace-store.ts";
import "./workspace.css";

export function WorkspaceMenu() {
  const workspace = useWorkspace();
  const active = activeDocument(workspace);
  const fileRef = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((message: string | null) => setError(message), []);
  const activeExampleId = active?.origin.kind === "example" ? active.origin.exampleId : null;
  /** A menu item: closes the menu, then acts. */
  const item = (act: () => void) => (event: MouseEvent<HTMLButtonElement>) => {
    closeMenuOf(event.currentTarget);
    act();
  };
  return (
    <div className="ws-menu">
      <ExampleMenu workspace={workspace} activeExampleId={activeExampleId} />
      <details className="ws-dropdown">
        <summary className="ws-button">Open ▾</summary>
        <div className="ws-popover ws-menu-list">
          <button type="button" className="ws-item" onClick={item(() => fileRef.current?.click())}>
            Open file…
          </button>
          <button type="button" className="ws-item" onClick={item(() => setPasting(true))}>
            Paste JSON…
          </button>
          <button type="button" className="ws-item" onClick={item(openNewProject)}>
            New project
          </button>
        </div>
      </details>
      <FileOpener ref={fileRef} onError={onError} />
      <PasteDialog open={pasting} onClose={() => setPasting(false)} />
      <DocumentList workspace={workspace} />
      {active && isEdited(active) && (
        <button
          type="button"
          className="ws-button"
          aria-label="Revert changes"
          title="Revert changes: back to the text as it was opened"
          onClick={() => workspaceStore.revert(active.id)}
        >
          ↺ Revert
        </button>
      )}
      {error && (
        <p className="ws-error" role="alert">
          {error}
          <button type="button" className="ws-link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

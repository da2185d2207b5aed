// The workspace menu (issue 4 item 1), compact enough for the top bar: the example select, an
// "Open" menu (a file, pasted JSON, a new project; files can also be dropped on the page), the
// open documents, and "Revert changes" while the active document is edited (asking first).
import { useCallback, useRef, useState } from "react";
import { MenuButton, MenuItem } from "../shell/MenuButton.tsx";
import { DocumentList } from "./DocumentList.tsx";
import { activeDocument, isEdited } from "./document-model.ts";
import { ExampleMenu } from "./ExampleMenu.tsx";
import { FileOpener } from "./FileOpener.tsx";
import { openNewProject } from "./open-actions.ts";
import { PasteDialog } from "./PasteDialog.tsx";
import { RevertDialog } from "./RevertDialog.tsx";
import { useWorkspace, workspaceStore } from "./workspace-store.ts";
import "./workspace.css";

export function WorkspaceMenu() {
  const workspace = useWorkspace();
  const active = activeDocument(workspace);
  const fileRef = useRef<HTMLInputElement>(null);
  const [pasting, setPasting] = useState(false);
  /** The document whose revert waits for a yes. */
  const [reverting, setReverting] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onError = useCallback((message: string | null) => setError(message), []);
  const activeExampleId = active?.origin.kind === "example" ? active.origin.exampleId : null;
  return (
    <div className="ws-menu">
      <ExampleMenu workspace={workspace} activeExampleId={activeExampleId} />
      <MenuButton
        className="ws-dropdown"
        buttonClassName="ws-button"
        menuClassName="ws-popover ws-menu-list"
        menuLabel="Open"
        items={
          <>
            <MenuItem className="ws-item" onSelect={() => fileRef.current?.click()}>
              Open file…
            </MenuItem>
            <MenuItem className="ws-item" onSelect={() => setPasting(true)}>
              Paste JSON…
            </MenuItem>
            <MenuItem className="ws-item" onSelect={() => openNewProject()}>
              New project
            </MenuItem>
          </>
        }
      >
        Open ▾
      </MenuButton>
      <FileOpener ref={fileRef} onError={onError} />
      <PasteDialog open={pasting} onClose={() => setPasting(false)} />
      <DocumentList workspace={workspace} />
      {active && isEdited(active) && (
        <button
          type="button"
          className="ws-button"
          aria-label="Revert changes"
          aria-haspopup="dialog"
          title="Revert changes: back to the text as it was opened"
          onClick={() => setReverting({ id: active.id, name: active.name })}
        >
          ↺ Revert
        </button>
      )}
      <RevertDialog
        name={reverting?.name ?? null}
        onCancel={() => setReverting(null)}
        onRevert={() => {
          if (reverting) workspaceStore.revert(reverting.id);
          setReverting(null);
        }}
      />
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

// The open documents, as a popup (a disclosure: each row has several buttons, so it is no
// menu): its button names the active one; inside, every document with its edited mark, to
// switch to, rename (issue 11 item 5) or close (asking first when closing would throw edits
// away). Escape closes it and returns the focus to its button.
import { type KeyboardEvent, useRef, useState } from "react";
import { usePopup } from "../shell/usePopup.ts";
import {
  activeDocument,
  isEdited,
  maxDocumentNameLength,
  type WorkspaceDocument,
  type WorkspaceState,
} from "./document-model.ts";
import { documentFileName } from "./file-name.ts";
import { workspaceStore } from "./workspace-store.ts";

export function DocumentList({ workspace }: { workspace: WorkspaceState }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const active = activeDocument(workspace);
  const popup = usePopup<HTMLElement>();
  const close = (doc: WorkspaceDocument) => {
    if (isEdited(doc) && confirming !== doc.id) setConfirming(doc.id);
    else {
      setConfirming(null);
      workspaceStore.close(doc.id);
    }
  };
  return (
    <div className="ws-dropdown ws-docs">
      <button
        ref={popup.buttonRef}
        type="button"
        className="ws-button ws-docs-button"
        title="Open documents"
        aria-expanded={popup.open}
        aria-controls={popup.open ? popup.popupId : undefined}
        onClick={popup.toggle}
      >
        <span className="ws-docs-name">{active?.name ?? "No document"}</span>
        {active && isEdited(active) && <EditedMark />}
        <span className="ws-docs-count">{workspace.documents.length} open ▾</span>
      </button>
      {popup.open && (
        <nav ref={popup.popupRef} id={popup.popupId} className="ws-popover" aria-label="Documents">
          <ul className="ws-doc-list">
            {workspace.documents.map((doc) => (
              <li
                key={doc.id}
                className="ws-doc"
                data-active={doc.id === workspace.activeId || undefined}
              >
                {renaming === doc.id ? (
                  <RenameField doc={doc} onDone={() => setRenaming(null)} />
                ) : (
                  <>
                    <button
                      type="button"
                      className="ws-doc-name"
                      aria-current={doc.id === workspace.activeId ? "page" : undefined}
                      title={`Exported and recorded as ${documentFileName(doc)}`}
                      onClick={() => {
                        popup.setOpen(false, true);
                        workspaceStore.select(doc.id);
                      }}
                    >
                      {doc.name}
                      {isEdited(doc) && <EditedMark />}
                    </button>
                    <button
                      type="button"
                      className="ws-doc-close"
                      aria-label={`Rename ${doc.name}`}
                      title="Rename"
                      onClick={() => {
                        setConfirming(null);
                        setRenaming(doc.id);
                      }}
                    >
                      ✎
                    </button>
                  </>
                )}
                {renaming === doc.id ? null : confirming === doc.id ? (
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
      )}
    </div>
  );
}

/**
 * The name in a text field: Enter or leaving the field renames, Escape keeps the old name.
 * Below it, the file name the new name gives (what Export and Record will write).
 */
function RenameField({ doc, onDone }: { doc: WorkspaceDocument; onDone(): void }) {
  const [value, setValue] = useState(doc.name);
  // Ends once: a blur as the field goes away must not rename after Escape or Enter.
  const ended = useRef(false);
  const end = (rename: boolean) => {
    if (ended.current) return;
    ended.current = true;
    if (rename) workspaceStore.rename(doc.id, value);
    onDone();
  };
  const commit = () => end(true);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape") {
      // Escape would also close the menu: only the field is left.
      event.preventDefault();
      event.stopPropagation();
      end(false);
    }
  };
  const preview = value.trim() === "" ? doc.name : value;
  return (
    <form
      className="ws-rename"
      onSubmit={(event) => {
        event.preventDefault();
        commit();
      }}
    >
      <input
        className="ws-rename-input"
        aria-label={`New name of ${doc.name}`}
        value={value}
        maxLength={maxDocumentNameLength}
        // biome-ignore lint/a11y/noAutofocus: the field opens on the user's own click on Rename.
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={commit}
      />
      <span className="ws-rename-file" aria-live="polite">
        {documentFileName({ name: preview, origin: doc.origin, renamed: true })}
      </span>
    </form>
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

// Saved work in the page (issue 4 item 7): starts autosave, shows whether everything is
// saved, exports the project or the session, and makes a share link. (Importing is the
// workspace's "Open file…": it takes a project or an exported session.)
import { useEffect } from "react";
import { sessionStore } from "../session/store.ts";
import { MenuButton, MenuItem } from "../shell/MenuButton.tsx";
import { documentFileName, sessionFileName } from "../workspace/file-name.ts";
import { useActiveDocument } from "../workspace/workspace-store.ts";
import { bundleText, makeBundle } from "./bundle.ts";
import { downloadText } from "./download.ts";
import { SharePanel } from "./SharePanel.tsx";
import { startSavedWork } from "./startup.ts";
import { updateStatus, usePersistenceStatus } from "./status.ts";
import "./persistence.css";

const saveLabels = {
  saved: "Saved",
  pending: "Saving soon…",
  saving: "Saving…",
  off: "Not saved",
  failed: "Save failed",
} as const;

const saveTitles = {
  saved: "Every document and session is saved in this browser",
  pending: "Changes are saved a moment after you stop typing",
  saving: "Writing to this browser's storage",
  off: "This browser does not let Flowscope keep your work",
  failed: "Your last changes could not be saved",
} as const;

export function PersistenceBar() {
  const status = usePersistenceStatus();
  const doc = useActiveDocument();

  useEffect(() => {
    void startSavedWork();
  }, []);

  const exportProject = () => {
    // The one file-name rule: a recording made on this document names this very file.
    if (doc) downloadText(documentFileName(doc), doc.text);
  };
  const exportSession = () => {
    if (!doc) return;
    const bundle = makeBundle(doc.name, doc.text, sessionStore.exportSession());
    downloadText(sessionFileName(doc), bundleText(bundle));
  };

  return (
    <div className="pst">
      <output
        className={`pst-status is-${status.save}`}
        aria-label="Save status"
        title={status.detail ?? saveTitles[status.save]}
      >
        {saveLabels[status.save]}
      </output>
      <MenuButton
        className="pst-menu"
        buttonClassName="pst-button"
        menuClassName="pst-popover pst-menu-list"
        menuLabel="Export"
        items={
          <>
            <MenuItem
              className="pst-item"
              disabled={!doc}
              onSelect={exportProject}
              title="The file a recording made on this document names"
            >
              Export project ({doc ? documentFileName(doc) : "JSON"})
            </MenuItem>
            <MenuItem className="pst-item" disabled={!doc} onSelect={exportSession}>
              Export session (project, persona, steps)
            </MenuItem>
          </>
        }
      >
        Export
      </MenuButton>
      {doc && (
        <SharePanel
          name={doc.name}
          project={doc.text}
          session={() => sessionStore.exportSession()}
        />
      )}
      {status.notice && (
        <p className="pst-notice" role="status">
          {status.notice}
          <button type="button" className="pst-link" onClick={() => updateStatus({ notice: null })}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}

// "Paste JSON…": a dialog with a text box; the pasted text opens as a new document, valid or
// not (the editor then shows what is wrong and where). A pasted session bundle opens with its
// session, like an imported file.
import { useEffect, useRef, useState } from "react";
import { readImport } from "../persistence/bundle.ts";
import { openText } from "./open-actions.ts";

interface PasteDialogProps {
  open: boolean;
  onClose(): void;
}

export function PasteDialog({ open, onClose }: PasteDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState("");
  const [name, setName] = useState("Pasted project");

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  const submit = () => {
    const imported = readImport(`${name}.json`, text);
    const session = imported.kind === "bundle" ? imported.session : undefined;
    const title = imported.kind === "bundle" ? imported.name : name;
    openText(title, imported.project, { kind: "paste" }, session);
    setText("");
    onClose();
  };

  return (
    <dialog
      ref={dialogRef}
      className="ws-dialog"
      aria-labelledby="ws-paste-title"
      onClose={onClose}
    >
      <form
        className="ws-dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <h2 id="ws-paste-title" className="ws-dialog-title">
          Open pasted JSON
        </h2>
        <label className="ws-stack">
          <span>Name</span>
          <input className="ws-input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="ws-stack">
          <span>Pasted JSON</span>
          <textarea
            className="ws-textarea"
            value={text}
            spellCheck={false}
            rows={14}
            placeholder='{ "version": 1, "experiences": [] }'
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <div className="ws-dialog-actions">
          <button type="button" className="ws-button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="ws-button ws-primary" disabled={text.trim() === ""}>
            Open
          </button>
        </div>
      </form>
    </dialog>
  );
}

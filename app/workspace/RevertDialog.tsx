// "Revert changes" asks first: a modal dialog names the document and what is lost. Escape or
// "Keep my edits" cancels (the focus goes back to the Revert button); "Revert" throws the
// edits away. The safe choice has the focus when it opens.
import { useEffect, useRef } from "react";

interface RevertDialogProps {
  /** The document to revert, or null when the dialog is closed. */
  name: string | null;
  onRevert(): void;
  onCancel(): void;
}

export function RevertDialog({ name, onRevert, onCancel }: RevertDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const open = name !== null;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (open && dialog && !dialog.open) dialog.showModal();
    if (!open && dialog?.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="ws-dialog ws-confirm-dialog"
      aria-labelledby="ws-revert-title"
      aria-describedby="ws-revert-detail"
      // Escape closes the dialog natively: that is a cancel.
      onClose={() => {
        if (open) onCancel();
      }}
    >
      <div className="ws-dialog-body">
        <h2 id="ws-revert-title" className="ws-dialog-title">
          Revert “{name}”?
        </h2>
        <p id="ws-revert-detail" className="ws-dialog-text">
          Every edit since it was opened is thrown away: the text goes back to what was opened.
        </p>
        <div className="ws-dialog-actions">
          <button
            type="button"
            className="ws-button"
            // biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirmation.
            autoFocus
            onClick={onCancel}
          >
            Keep my edits
          </button>
          <button type="button" className="ws-button ws-danger" onClick={onRevert}>
            Revert
          </button>
        </div>
      </div>
    </dialog>
  );
}

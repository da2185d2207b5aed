// A destructive button that asks first, in place (no window.confirm): the first press shows
// the question with Delete and Cancel; Escape or Cancel backs out. Undo can still bring back
// what was deleted.
import { useEffect, useRef, useState } from "react";

interface ConfirmButtonProps {
  /** The button's text, e.g. "Delete step". */
  label: string;
  /** The question asked, e.g. "Delete step “welcome” and its CTAs?" */
  question: string;
  onConfirm(): void;
}

export function ConfirmButton({ label, question, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className="btn btn-small af-danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div
      className="af-confirm"
      role="alertdialog"
      aria-label={label}
      onKeyDown={(event) => {
        if (event.key === "Escape") setAsking(false);
      }}
    >
      <span>{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="btn btn-small af-danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {label}
      </button>
      <button type="button" className="btn btn-small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </div>
  );
}

// An id, renamed everywhere it is used (rename.ts) when the author presses Rename or Enter;
// a taken or empty id is refused with the reason, before anything is written.
import { useId, useState } from "react";
import { type RenameTarget, renameId, renameProblem } from "./rename.ts";
import { change } from "./useAuthoring.ts";

interface RenameFieldProps {
  target: RenameTarget;
  /** The id as the text holds it now. */
  id: string;
  text: string;
  /** Called with the new id once the text is renamed (to follow it in the selection). */
  onRenamed?(id: string): void;
}

export function RenameField({ target, id, text, onRenamed }: RenameFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const problemId = useId();
  const shown = draft ?? id;
  const problem = draft === null ? undefined : renameProblem(text, target, draft);
  const submit = () => {
    if (draft === null || draft === id || problem) return;
    change((current) => renameId(current, target, draft));
    setDraft(null);
    onRenamed?.(draft);
  };
  return (
    <div className="af-rename">
      <label className="af-field">
        <span className="af-label">Id</span>
        <input
          className="input af-input mono"
          value={shown}
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") submit();
            if (event.key === "Escape") setDraft(null);
          }}
        />
      </label>
      <button
        type="button"
        className="btn btn-small"
        disabled={draft === null || draft === id || problem !== undefined}
        onClick={submit}
      >
        Rename
      </button>
      {problem && (
        <p className="af-problem" id={problemId} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

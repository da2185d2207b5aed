// Shown when a loaded recording names a project the page does not have open and no example
// is (issue 12): which file it needs, a button to open that file (then it replays), and an
// explicit "replay on the open document" — never a silent replay on another project.
import { useRef } from "react";

interface ProjectNeededProps {
  /** The file the recording names ("checkout-nps-eu.json"). */
  fileName: string;
  /** The recording's `project` as written. */
  project: string;
  /** The open document's name. */
  openName: string;
  onFile(file: File): void;
  onReplayHere(): void;
  onCancel(): void;
}

export function ProjectNeeded(props: ProjectNeededProps) {
  const { fileName, project, openName, onFile, onReplayHere, onCancel } = props;
  const input = useRef<HTMLInputElement>(null);
  return (
    <section className="qa-needed" aria-label="Project needed">
      <p className="qa-needed-text" role="alert">
        This recording is for <strong>{fileName}</strong>
        {project !== fileName && <span className="qa-note"> ({project})</span>}, which is not open
        here. Open that project file to replay it.
      </p>
      <div className="qa-needed-actions">
        <button type="button" className="qa-button" onClick={() => input.current?.click()}>
          Open {fileName}…
        </button>
        <button type="button" className="qa-button" onClick={onReplayHere}>
          Replay on “{openName}” instead
        </button>
        <button type="button" className="qa-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <input
        ref={input}
        className="qa-hidden"
        type="file"
        accept=".json,application/json"
        aria-label={`Project file for the recording (${fileName})`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </section>
  );
}

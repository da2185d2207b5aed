// The note "Record" leaves (issue 11 item 5): the recording downloaded, the project file it
// names, where to keep both, and the exact `flowscope replay …` commands for CI, each with a
// Copy button.
import { useState } from "react";
import type { CiReplay } from "./ci-command.ts";

interface RecordedNoteProps {
  steps: number;
  ci: CiReplay;
  onClose(): void;
}

export function RecordedNote({ steps, ci, onClose }: RecordedNoteProps) {
  return (
    <section className="qa-recorded" aria-label="Recording">
      <header className="qa-recorded-head">
        <h2 className="qa-panel-title">
          Recorded {steps} {steps === 1 ? "step" : "steps"}
        </h2>
        <button
          type="button"
          className="qa-button"
          aria-label="Close the recording note"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      <p className="qa-recorded-text">
        Downloaded <code>{ci.recordingFile}</code>; its project is <code>{ci.project}</code>.
      </p>
      {ci.example ? (
        <p className="qa-recorded-text">
          Put it in <code>{ci.folder}/</code> of the Flowscope repository, beside the other
          examples' recordings. In CI:
        </p>
      ) : (
        <p className="qa-recorded-text">
          Keep it beside <code>{ci.projectFile}</code> (Export → Export project), both in{" "}
          <code>{ci.folder}/</code> of your repository. In CI:
        </p>
      )}
      <CommandLine command={ci.fileCommand} label="Copy the command for this recording" />
      <p className="qa-recorded-text">Or every recording of the folder:</p>
      <CommandLine command={ci.folderCommand} label="Copy the command for the folder" />
    </section>
  );
}

type CopyState = "idle" | "copied" | "select";

/** A command in monospace with a Copy button (the clipboard, else the text is selected). */
function CommandLine({ command, label }: { command: string; label: string }) {
  const [state, setState] = useState<CopyState>("idle");
  const [code, setCode] = useState<HTMLElement | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setState("copied");
    } catch {
      // No clipboard (an insecure page, a denied permission): select it for Ctrl+C.
      if (code) window.getSelection()?.selectAllChildren(code);
      setState("select");
    }
  };
  return (
    <div className="qa-command">
      <code ref={setCode} className="qa-command-text">
        {command}
      </code>
      <button type="button" className="qa-button" aria-label={label} onClick={copy}>
        {state === "copied" ? "Copied" : "Copy"}
      </button>
      {state === "select" && (
        <span className="qa-command-hint" role="status">
          Selected: press Ctrl+C to copy
        </span>
      )}
    </div>
  );
}

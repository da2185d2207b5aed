// QA (issue 4 item 6): record the session as a recording file, load a recording and replay it
// step by step or at once, with pass/fail per expectation. The replay drives the live session,
// so the canvas, preview and timeline follow each step. A recording replays on the project it
// names (issue 12): that document is selected or that example opened first; when the page has
// no such project, the panel says which file it needs and offers to open it.
import { useMemo, useRef, useState } from "react";
import type { Recording } from "../../machines/format/index.ts";
import { examples } from "../examples/catalog.ts";
import { downloadText } from "../persistence/download.ts";
import { sessionPort } from "../persistence/session-bridge.ts";
import type { SessionPort } from "../persistence/session-port.ts";
import { type NamedDocument, recordingFileName, recordingProject } from "../workspace/file-name.ts";
import { useActiveDocument, workspaceStore } from "../workspace/workspace-store.ts";
import { type CiReplay, ciReplay } from "./ci-command.ts";
import { summarize } from "./expectations.ts";
import { describeLoadError, parseRecording } from "./load-recording.ts";
import { openProjectFile, openTarget } from "./open-project.ts";
import { ProjectNeeded } from "./ProjectNeeded.tsx";
import { RecordedNote } from "./RecordedNote.tsx";
import { ReplayReport } from "./ReplayReport.tsx";
import { buildRecording } from "./record.ts";
import { recordingTarget } from "./recording-project.ts";
import { isFinished, type ReplayState, runReplay, startReplay, stepReplay } from "./replay.ts";
import { sessionDriver } from "./session-driver.ts";
import "./qa.css";

/** The QA panel on the page's session and active document. */
export function QaPanel() {
  const port = useMemo(() => sessionPort(), []);
  const doc = useActiveDocument();
  const named: NamedDocument = doc ?? { name: "project", origin: { kind: "new" } };
  return <QaPanelView session={port} doc={named} />;
}

/** A few words for the panel's header (it stays visible when the panel is folded). */
function progressOf(replay: ReplayState): string {
  if (!replay.outcomes) return `· step ${replay.next} of ${replay.recording.script.steps.length}`;
  const { passed } = summarize(replay.outcomes);
  return `· ${passed} of ${replay.outcomes.length} pass`;
}

interface QaPanelViewProps {
  session: SessionPort;
  /** The active document: its name and file name (workspace/file-name.ts, the one rule). */
  doc: NamedDocument;
}

/** What the note after "Record" shows. */
interface Recorded {
  steps: number;
  ci: CiReplay;
}

function QaPanelView({ session, doc }: QaPanelViewProps) {
  const driver = useMemo(() => sessionDriver(session), [session]);
  const [replay, setReplay] = useState<ReplayState | null>(null);
  const [folded, setFolded] = useState(false);
  const [message, setMessage] = useState<{ kind: "info" | "error"; text: string } | null>(null);
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  /** A recording whose project is not here: waiting for its file (or "replay here"). */
  const [needing, setNeeding] = useState<{ recording: Recording; fileName: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const projectPath = recordingProject(doc);

  const record = () => {
    const current = session.current();
    if (!current.result) {
      setRecorded(null);
      setMessage({ kind: "error", text: "Nothing to record: the project is not valid yet." });
      return;
    }
    const recording = buildRecording({ project: projectPath, ...current, result: current.result });
    const fileName = recordingFileName(doc, new Date());
    downloadText(fileName, `${JSON.stringify(recording, null, 2)}\n`);
    setMessage(null);
    setRecorded({ steps: recording.script.steps.length, ci: ciReplay(doc, fileName) });
  };

  const load = async (file: File) => {
    setRecorded(null);
    const loaded = parseRecording(await file.text());
    if (!loaded.ok) {
      setReplay(null);
      setMessage({ kind: "error", text: describeLoadError(file.name, loaded) });
      return;
    }
    setMessage(null);
    setNeeding(null);
    const recording = loaded.recording;
    const { documents, activeId } = workspaceStore.getState();
    const target = recordingTarget(recording.project, documents, activeId, examples);
    if (target.kind === "missing") {
      setReplay(null);
      setNeeding({ recording, fileName: target.fileName });
      return;
    }
    const opened = openTarget(target);
    if (opened !== null) {
      setMessage({
        kind: "info",
        text: `Opened “${opened}”, the project this recording is for (${recording.project}).`,
      });
    }
    begin(recording);
  };

  /** The user picked the file of the project a recording needs: open it, then replay. */
  const openNeeded = async (file: File) => {
    if (!needing) return;
    try {
      const opened = await openProjectFile(file);
      setMessage({ kind: "info", text: `Opened “${opened}” for the recording.` });
    } catch (thrown) {
      setMessage({
        kind: "error",
        text: `Cannot open ${file.name}: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
      });
      return;
    }
    setNeeding(null);
    begin(needing.recording);
  };

  const begin = (recording: Recording) => {
    setFolded(false);
    setReplay(startReplay(recording, driver));
  };

  return (
    <div className="qa">
      <button type="button" className="qa-button" onClick={record}>
        Record
      </button>
      <button type="button" className="qa-button" onClick={() => fileRef.current?.click()}>
        Load recording
      </button>
      <input
        ref={fileRef}
        className="qa-hidden"
        type="file"
        accept=".json,application/json"
        aria-label="Recording file"
        onChange={async (event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          input.value = "";
          if (file) await load(file);
        }}
      />
      {needing && (
        <ProjectNeeded
          fileName={needing.fileName}
          project={needing.recording.project}
          openName={doc.name}
          onFile={openNeeded}
          onReplayHere={() => {
            setNeeding(null);
            begin(needing.recording);
          }}
          onCancel={() => setNeeding(null)}
        />
      )}
      {recorded && (
        <RecordedNote steps={recorded.steps} ci={recorded.ci} onClose={() => setRecorded(null)} />
      )}
      {message && (
        <p
          className={`qa-message is-${message.kind}`}
          role={message.kind === "error" ? "alert" : "status"}
        >
          {message.text}
          <button type="button" className="qa-link" onClick={() => setMessage(null)}>
            Dismiss
          </button>
        </p>
      )}
      {replay && (
        <section className={`qa-panel${folded ? " is-folded" : ""}`} aria-label="Replay">
          <header className="qa-panel-head">
            <h2 className="qa-panel-title">
              Replay <span className="qa-panel-progress">{progressOf(replay)}</span>
            </h2>
            <div className="qa-panel-actions">
              <button
                type="button"
                className="qa-button"
                disabled={isFinished(replay)}
                onClick={() => setReplay(stepReplay(replay, driver))}
              >
                Step
              </button>
              <button
                type="button"
                className="qa-button"
                disabled={isFinished(replay)}
                onClick={() => setReplay(runReplay(replay, driver))}
              >
                Run all
              </button>
              <button type="button" className="qa-button" onClick={() => begin(replay.recording)}>
                Restart
              </button>
              <button
                type="button"
                className="qa-button"
                aria-label={folded ? "Unfold the replay" : "Fold the replay"}
                aria-expanded={!folded}
                onClick={() => setFolded((now) => !now)}
              >
                {folded ? "▴" : "▾"}
              </button>
              <button
                type="button"
                className="qa-button"
                aria-label="Close the replay"
                onClick={() => setReplay(null)}
              >
                ×
              </button>
            </div>
          </header>
          <ReplayReport replay={replay} projectName={doc.name} projectPath={projectPath} />
        </section>
      )}
    </div>
  );
}

// The first page: a top bar with an example picker, the JSON editor and the validation report.
// It grows into the debugger (canvas, simulation) in later issues; each pane is its own folder.
import { useCallback, useRef, useState } from "react";
import { JsonEditor, type JsonEditorHandle } from "./editor/JsonEditor.tsx";
import { examples, findExample, initialExampleId } from "./examples/catalog.ts";
import { ExamplePicker } from "./examples/ExamplePicker.tsx";
import { useEditedTexts } from "./examples/useEditedTexts.ts";
import { useValidation } from "./validation/useValidation.ts";
import { ValidationReport } from "./validation/ValidationReport.tsx";

export function App() {
  const [selectedId, setSelectedId] = useState(() => initialExampleId(examples));
  const edits = useEditedTexts();
  const example = findExample(examples, selectedId);
  const text = edits.textOf(example);
  const { outcome, stale } = useValidation(text);
  const editorRef = useRef<JsonEditorHandle>(null);

  const reveal = useCallback((line: number, column: number) => {
    editorRef.current?.revealPosition(line, column);
  }, []);

  return (
    <div className="app">
      <header className="top-bar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Flowscope</span>
        </div>
        <ExamplePicker
          examples={examples}
          selectedId={example.id}
          isEdited={edits.isEdited}
          onSelect={setSelectedId}
        />
        <span className="file-hint" title="File in the repository">
          {example.file}
        </span>
        {edits.isEdited(example) && (
          <button type="button" className="button" onClick={() => edits.revert(example)}>
            Revert changes
          </button>
        )}
      </header>
      <main className="workspace">
        <div className="pane editor-pane">
          <h2 className="pane-title">Project JSON</h2>
          <JsonEditor
            // A new example starts with a fresh caret, scroll and highlight.
            key={example.id}
            ref={editorRef}
            label="Project JSON"
            value={text}
            onChange={(next) => edits.edit(example, next)}
          />
        </div>
        <div className="pane report-pane">
          <ValidationReport outcome={outcome} stale={stale} onReveal={reveal} />
        </div>
      </main>
    </div>
  );
}

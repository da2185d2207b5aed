// The editable JSON pane, on CodeMirror 6: syntax highlighting, schema completion and hover,
// the validator's findings at their lines (lint gutter + underline), a band on the line a
// diagnostic link revealed, a toolbar with Format, and a status bar with the caret position.
// CodeMirror keeps the document and renders only the visible lines; React only hears about
// edits and the caret. Undo, redo and Format go through the workspace, whose one history of
// the document also holds the side form's and the canvas's edits.
import { setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import {
  type Ref,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useActiveDocument, workspaceStore } from "../workspace/workspace-store.ts";
import { type EditorProblems, toLintDiagnostics } from "./diagnostics.ts";
import { editorExtensions, external } from "./extensions.ts";
import { formatJson } from "./format-json.ts";
import { setHighlightedLine } from "./highlight-line.ts";
import { minimalChange } from "./minimal-change.ts";
import { offsetAt, positionAt, type TextPosition } from "./positions.ts";
import { createTextEmitter } from "./text-emitter.ts";
import "./editor.css";

export interface JsonEditorHandle {
  /** Moves the caret to (line, column), scrolls there, highlights the line and focuses. */
  revealPosition(line: number, column: number): void;
}

interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  /** Accessible name of the text box. */
  label: string;
  /** The validator's findings; shown while `problems.text` is the editor's text. */
  problems?: EditorProblems;
  /**
   * The workspace document the text is (its history takes undo, redo and Format); the
   * active document when absent.
   */
  documentId?: string;
  ref?: Ref<JsonEditorHandle>;
}

export function JsonEditor({ value, onChange, label, problems, documentId, ref }: JsonEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  /** The text the editor holds as far as the parent knows (what it last sent or got). */
  const textRef = useRef(value);
  const onChangeRef = useRef(onChange);
  const [caret, setCaret] = useState<TextPosition>({ line: 1, column: 1 });
  const [lines, setLines] = useState(() => countLines(value));
  const [highlighted, setHighlighted] = useState<number | null>(null);
  /** What the last Format said when it changed nothing (invalid JSON, already formatted). */
  const [formatNote, setFormatNote] = useState("");
  const activeId = useActiveDocument()?.id;
  const documentIdRef = useRef(documentId ?? activeId);
  /** Set by undo / redo from the editor: the text they bring moves the caret to the change. */
  const revealChangeRef = useRef(false);

  useLayoutEffect(() => {
    onChangeRef.current = onChange;
    documentIdRef.current = documentId ?? activeId;
  });

  /** Reports edits to the parent: at once for usual documents, batched for very large ones. */
  const emitter = useMemo(
    () =>
      createTextEmitter((text) => {
        textRef.current = text;
        onChangeRef.current(text);
      }),
    [],
  );

  /** Steps the document's one history; a pending edit is recorded first. */
  const stepHistory = (direction: "undo" | "redo") => {
    const id = documentIdRef.current;
    if (id === undefined) return;
    emitter.flush();
    const before = workspaceStore.getState();
    revealChangeRef.current = true;
    workspaceStore[direction](id);
    // Nothing to step: no text will come to reveal.
    if (workspaceStore.getState() === before) revealChangeRef.current = false;
  };

  /** Format: the whole text laid out again, as one edit of the document's history. */
  const format = (view: EditorView) => {
    emitter.flush();
    const result = formatJson(view.state.doc.toString());
    if (!result.ok) {
      setFormatNote(result.message);
      return;
    }
    setFormatNote(result.changed ? "" : "Already formatted.");
    if (!result.changed) return;
    const id = documentIdRef.current;
    if (id !== undefined) {
      workspaceStore.edit(id, result.text, "format");
      return;
    }
    // Not a workspace document: the edit goes to the parent like typed text.
    const change = minimalChange(view.state.doc.toString(), result.text);
    if (change) view.dispatch({ changes: change, userEvent: "input.format" });
  };
  const commandsRef = useRef({ stepHistory, format });
  useLayoutEffect(() => {
    commandsRef.current = { stepHistory, format };
  });

  // One view for the component's life; the parent remounts (key) for another document.
  // biome-ignore lint/correctness/useExhaustiveDependencies: created once, fed through refs.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: textRef.current,
        extensions: editorExtensions(label, {
          onText(current) {
            setHighlighted(null);
            setFormatNote(""); // about a text that is no more
            emitter.changed(current);
          },
          onCaret(current) {
            const { state } = current;
            setCaret(positionAt(state.doc, state.selection.main.head));
            setLines(state.doc.lines);
          },
          undo: () => commandsRef.current.stepHistory("undo"),
          redo: () => commandsRef.current.stepHistory("redo"),
          format: (current) => commandsRef.current.format(current),
        }),
      }),
    });
    viewRef.current = view;
    // Leaving the editor reports a pending edit at once.
    const flush = () => emitter.flush();
    view.contentDOM.addEventListener("blur", flush);
    return () => {
      emitter.flush();
      view.contentDOM.removeEventListener("blur", flush);
      view.destroy();
      viewRef.current = null;
    };
  }, []);

  // Text from outside (a form, the canvas, undo, Format, revert): load it without reporting an
  // edit, as the one span that changed, so the caret and the scroll stay where they were.
  // After undo or redo from the editor, the caret goes to the change and it is scrolled to.
  useEffect(() => {
    const view = viewRef.current;
    const reveal = revealChangeRef.current;
    revealChangeRef.current = false;
    if (!view || value === textRef.current) return;
    emitter.cancel(); // the parent's text wins over an edit not reported yet
    textRef.current = value;
    const change = minimalChange(view.state.doc.toString(), value);
    if (!change) return;
    const end = change.from + change.insert.length;
    view.dispatch({
      changes: change,
      annotations: external.of(true),
      ...(reveal && {
        selection: { anchor: end },
        effects: EditorView.scrollIntoView(end, { y: "nearest" }),
      }),
    });
  }, [value, emitter]);

  useEffect(() => {
    const view = viewRef.current;
    // Findings about an older text would land on the wrong places: wait for the next ones.
    if (!view || !problems || problems.text !== textRef.current || emitter.pending()) return;
    view.dispatch(setDiagnostics(view.state, toLintDiagnostics(view.state.doc, problems)));
  }, [problems, emitter]);

  useImperativeHandle(
    ref,
    () => ({
      revealPosition(line, column) {
        const view = viewRef.current;
        if (!view) return;
        const offset = offsetAt(view.state.doc, line, column);
        const target = positionAt(view.state.doc, offset);
        view.dispatch({
          selection: { anchor: offset },
          effects: [
            setHighlightedLine.of(target.line),
            EditorView.scrollIntoView(offset, { y: "center", x: "nearest" }),
          ],
        });
        view.focus();
        setHighlighted(target.line);
        setCaret(target);
      },
    }),
    [],
  );

  return (
    <div className="json-editor" data-highlighted-line={highlighted ?? undefined}>
      <div className="json-editor-toolbar">
        <button
          type="button"
          className="json-editor-button"
          title="Format the JSON with 2-space indentation (Shift+Alt+F)"
          aria-keyshortcuts="Shift+Alt+F"
          onClick={() => {
            const view = viewRef.current;
            if (view) commandsRef.current.format(view);
          }}
        >
          Format
        </button>
        <output className="json-editor-note" aria-live="polite">
          {formatNote}
        </output>
      </div>
      <div className="json-editor-host" ref={hostRef} />
      <output className="json-editor-status" aria-label="Caret position">
        Ln {caret.line}, Col {caret.column}
        <span className="json-editor-sep" aria-hidden="true">
          ·
        </span>
        {lines} {lines === 1 ? "line" : "lines"}
      </output>
    </div>
  );
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

// The editable JSON pane, on CodeMirror 6: syntax highlighting, schema completion and hover,
// the validator's findings at their lines (lint gutter + underline), a band on the line a
// diagnostic link revealed, and a status bar with the caret position. CodeMirror keeps the
// document and renders only the visible lines; React only hears about edits and the caret.
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
import { type EditorProblems, toLintDiagnostics } from "./diagnostics.ts";
import { editorExtensions, external } from "./extensions.ts";
import { setHighlightedLine } from "./highlight-line.ts";
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
  ref?: Ref<JsonEditorHandle>;
}

export function JsonEditor({ value, onChange, label, problems, ref }: JsonEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  /** The text the editor holds as far as the parent knows (what it last sent or got). */
  const textRef = useRef(value);
  const onChangeRef = useRef(onChange);
  const [caret, setCaret] = useState<TextPosition>({ line: 1, column: 1 });
  const [lines, setLines] = useState(() => countLines(value));
  const [highlighted, setHighlighted] = useState<number | null>(null);

  useLayoutEffect(() => {
    onChangeRef.current = onChange;
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
            emitter.changed(current);
          },
          onCaret(current) {
            const { state } = current;
            setCaret(positionAt(state.doc, state.selection.main.head));
            setLines(state.doc.lines);
          },
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

  // Text from outside (revert, restore, another source): load it without reporting an edit.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || value === textRef.current) return;
    emitter.cancel(); // the parent's text wins over an edit not reported yet
    textRef.current = value;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: value },
      annotations: external.of(true),
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

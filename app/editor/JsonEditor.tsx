// The editable JSON pane: a textarea with a line-number gutter, a highlighted line (set when a
// diagnostic link is followed) and a status bar with the caret position. Plain text only.
// The next issue replaces the textarea with CodeMirror 6 behind the same `revealPosition` handle.
import {
  type CSSProperties,
  type Ref,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from "react";
import { LineGutter } from "./LineGutter.tsx";
import { lineHeightPx, lineTop, paddingTopPx, scrollToPosition } from "./metrics.ts";
import { lineCount, offsetOf, positionOf, type TextPosition } from "./positions.ts";

export interface JsonEditorHandle {
  /** Moves the caret to (line, column), scrolls there, highlights the line and focuses. */
  revealPosition(line: number, column: number): void;
}

interface JsonEditorProps {
  value: string;
  onChange(value: string): void;
  /** Accessible name of the text box. */
  label: string;
  ref?: Ref<JsonEditorHandle>;
}

const geometry = {
  "--line-height": `${lineHeightPx}px`,
  "--pad-top": `${paddingTopPx}px`,
} as CSSProperties;

export function JsonEditor({ value, onChange, label, ref }: JsonEditorProps) {
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [caret, setCaret] = useState<TextPosition>({ line: 1, column: 1 });
  const [highlightedLine, setHighlightedLine] = useState<number | null>(null);
  const lines = useMemo(() => lineCount(value), [value]);

  useImperativeHandle(
    ref,
    () => ({
      revealPosition(line, column) {
        const textarea = textareaRef.current;
        if (!textarea) return;
        const offset = offsetOf(textarea.value, line, column);
        const target = positionOf(textarea.value, offset);
        textarea.focus({ preventScroll: true });
        textarea.setSelectionRange(offset, offset);
        scrollToPosition(textarea, target.line, target.column);
        setScrollTop(textarea.scrollTop);
        setCaret(target);
        setHighlightedLine(target.line);
      },
    }),
    [],
  );

  function trackCaret() {
    const textarea = textareaRef.current;
    if (textarea) setCaret(positionOf(textarea.value, textarea.selectionStart));
  }

  return (
    <div className="editor" style={geometry} data-highlighted-line={highlightedLine ?? undefined}>
      <div className="editor-body">
        <LineGutter
          lines={lines}
          scrollTop={scrollTop}
          caretLine={caret.line}
          highlightedLine={highlightedLine}
        />
        <div className="code-area">
          {highlightedLine !== null && (
            <div
              className="line-highlight"
              aria-hidden="true"
              style={{ top: lineTop(highlightedLine) - scrollTop }}
            />
          )}
          <textarea
            ref={textareaRef}
            className="code-input"
            aria-label={label}
            value={value}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            autoCorrect="off"
            onChange={(event) => {
              // Edits move lines around: a highlight from before would point at the wrong one.
              setHighlightedLine(null);
              setCaret(positionOf(event.target.value, event.target.selectionStart));
              onChange(event.target.value);
            }}
            onSelect={trackCaret}
            onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
          />
        </div>
      </div>
      <output className="status-bar" aria-label="Caret position">
        Ln {caret.line}, Col {caret.column}
        <span className="status-sep" aria-hidden="true">
          ·
        </span>
        {lines} {lines === 1 ? "line" : "lines"}
      </output>
    </div>
  );
}

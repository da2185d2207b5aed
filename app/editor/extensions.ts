// The editor's CodeMirror setup: the basic editing kit (without CodeMirror's own history: the
// document has one, the workspace's), JSON with schema completion and hover, the lint gutter
// for the validator's findings, the revealed-line band, the keys for undo, redo and Format,
// and a listener that reports text and caret changes to React (the document itself never
// goes through React).
import { json } from "@codemirror/lang-json";
import { lintGutter } from "@codemirror/lint";
import { Annotation, type Extension } from "@codemirror/state";
import { EditorView, type ViewUpdate } from "@codemirror/view";
import { highlightedLine } from "./highlight-line.ts";
import { type EditorCommands, historyKeys } from "./history-keys.ts";
import { schemaSupport } from "./schema-support.ts";
import { editorSetup } from "./setup.ts";

/** Marks a transaction that loads text given by the parent: it is not reported back as an edit. */
export const external = Annotation.define<boolean>();

export interface EditorListeners extends EditorCommands {
  /** The user changed the text. */
  onText(view: EditorView): void;
  /** The caret moved or the text changed. */
  onCaret(view: EditorView): void;
}

export function editorExtensions(label: string, listeners: EditorListeners): Extension {
  return [
    historyKeys(listeners),
    editorSetup(),
    json(),
    schemaSupport(),
    lintGutter(),
    highlightedLine(),
    EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "false" }),
    EditorView.updateListener.of((update: ViewUpdate) => {
      const edited =
        update.docChanged && !update.transactions.some((tr) => tr.annotation(external));
      if (edited) listeners.onText(update.view);
      if (update.docChanged || update.selectionSet) listeners.onCaret(update.view);
    }),
    theme,
  ];
}

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px" },
  ".cm-scroller": { fontFamily: "var(--font-code)", lineHeight: "20px" },
  ".cm-gutters": { background: "#fafbfc", borderRight: "1px solid var(--border)" },
});

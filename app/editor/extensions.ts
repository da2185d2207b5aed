// The editor's CodeMirror setup: the basic editing kit, JSON with schema completion and hover,
// the lint gutter for the validator's findings, the revealed-line band, and a listener that
// reports text and caret changes to React (the document itself never goes through React).
import { json } from "@codemirror/lang-json";
import { lintGutter } from "@codemirror/lint";
import { Annotation, type Extension } from "@codemirror/state";
import { EditorView, type ViewUpdate } from "@codemirror/view";
import { basicSetup } from "codemirror";
import { highlightedLine } from "./highlight-line.ts";
import { schemaSupport } from "./schema-support.ts";

/** Marks a transaction that loads text given by the parent: it is not reported back as an edit. */
export const external = Annotation.define<boolean>();

export interface EditorListeners {
  /** The user changed the text. */
  onText(view: EditorView): void;
  /** The caret moved or the text changed. */
  onCaret(view: EditorView): void;
}

export function editorExtensions(label: string, listeners: EditorListeners): Extension {
  return [
    basicSetup,
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

// Reporting the editor's text to React. Every report copies the whole document into a string;
// on a 10,000-step project (4 MB) that copy and its garbage cost more than the keystroke
// itself, so for a large document the reports wait for a pause in typing (the validator waits
// for one anyway). Pending text is flushed on blur and on unmount, so no edit is lost.
import type { EditorView } from "@codemirror/view";
import { largeDocumentChars } from "./limits.ts";

/** The pause, in ms. */
const largeTextDelayMs = 150;

export interface TextEmitter {
  changed(view: EditorView): void;
  flush(): void;
  cancel(): void;
  /** True while an edit waits to be reported. */
  pending(): boolean;
}

export function createTextEmitter(emit: (text: string) => void): TextEmitter {
  let pending: EditorView | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const view = pending;
    pending = null;
    if (view) emit(view.state.doc.toString());
  };
  return {
    changed(view) {
      pending = view;
      clearTimeout(timer);
      if (view.state.doc.length <= largeDocumentChars) flush();
      else timer = setTimeout(flush, largeTextDelayMs);
    },
    flush,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
    pending: () => pending !== null,
  };
}

// The editor's keys for the document's one history and for Format. Undo and redo are the
// workspace's (typing, the side form, the canvas and Format share one history), so they are
// handed to the parent instead of CodeMirror's own history, which the editor does not load;
// the browser's own Undo (a menu, a gesture) arrives as a beforeinput event and goes there too.
import { type Extension, Prec } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";

export interface EditorCommands {
  undo(view: EditorView): void;
  redo(view: EditorView): void;
  format(view: EditorView): void;
}

export function historyKeys(commands: EditorCommands): Extension {
  const run = (command: (view: EditorView) => void) => (view: EditorView) => {
    command(view);
    return true;
  };
  return [
    Prec.high(
      keymap.of([
        { key: "Mod-z", run: run(commands.undo), preventDefault: true },
        { key: "Mod-Shift-z", run: run(commands.redo), preventDefault: true },
        { key: "Mod-y", run: run(commands.redo), preventDefault: true },
        { key: "Shift-Alt-f", run: run(commands.format), preventDefault: true },
      ]),
    ),
    EditorView.domEventHandlers({
      beforeinput(event, view) {
        if (event.inputType === "historyUndo") commands.undo(view);
        else if (event.inputType === "historyRedo") commands.redo(view);
        else return false;
        event.preventDefault();
        return true;
      },
    }),
  ];
}

// The line a diagnostic link revealed, drawn as a band until the next edit (edits move lines,
// so an old band would point at the wrong one).
import { type Extension, StateEffect, StateField } from "@codemirror/state";
import { Decoration, type DecorationSet, EditorView } from "@codemirror/view";

const highlightClass = "line-highlight";

export const setHighlightedLine = StateEffect.define<number | null>();

const band = Decoration.line({ class: highlightClass });

const highlightedLineField = StateField.define<number | null>({
  create: () => null,
  update(line, transaction) {
    let next = transaction.docChanged ? null : line;
    for (const effect of transaction.effects) {
      if (effect.is(setHighlightedLine)) next = effect.value;
    }
    return next;
  },
});

const bandDecorations = EditorView.decorations.compute(
  [highlightedLineField, "doc"],
  (state): DecorationSet => {
    const line = state.field(highlightedLineField);
    if (line === null || line < 1 || line > state.doc.lines) return Decoration.none;
    return Decoration.set([band.range(state.doc.line(line).from)]);
  },
);

export function highlightedLine(): Extension {
  return [highlightedLineField, bandDecorations];
}

// Line numbers beside the text. Decorative for screen readers (the status bar says where the
// caret is), scrolled in step with the textarea by a transform.
import { memo } from "react";

interface LineGutterProps {
  lines: number;
  scrollTop: number;
  caretLine: number;
  highlightedLine: number | null;
}

export const LineGutter = memo(function LineGutter(props: LineGutterProps) {
  const { lines, scrollTop, caretLine, highlightedLine } = props;
  const numbers = [];
  for (let line = 1; line <= lines; line++) {
    const classes = ["gutter-line"];
    if (line === caretLine) classes.push("is-caret");
    if (line === highlightedLine) classes.push("is-highlighted");
    numbers.push(
      <div key={line} className={classes.join(" ")} data-line={line}>
        {line}
      </div>,
    );
  }
  return (
    <div className="gutter" aria-hidden="true">
      <div className="gutter-inner" style={{ transform: `translateY(${-scrollTop}px)` }}>
        {numbers}
      </div>
    </div>
  );
});

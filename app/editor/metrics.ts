// Geometry of the text pane. The gutter, the highlight band and the textarea must agree on it,
// so it lives here and reaches the CSS through custom properties (see JsonEditor).

export const lineHeightPx = 20;
export const paddingTopPx = 12;

/** Top of a 1-based line inside the scrolled content. */
export function lineTop(line: number): number {
  return paddingTopPx + (line - 1) * lineHeightPx;
}

/** Width of one character of the textarea's monospace font (canvas measure; 8 when unknown). */
export function charWidth(element: HTMLElement): number {
  const context = document.createElement("canvas").getContext("2d");
  if (!context) return 8;
  context.font = getComputedStyle(element).font;
  return context.measureText("0").width || 8;
}

/** Scrolls the textarea so the position sits in view: a third from the top, column visible. */
export function scrollToPosition(textarea: HTMLTextAreaElement, line: number, column: number) {
  const top = lineTop(line);
  const viewTop = textarea.scrollTop;
  const viewBottom = viewTop + textarea.clientHeight - lineHeightPx;
  if (top < viewTop || top > viewBottom) {
    textarea.scrollTop = Math.max(0, top - textarea.clientHeight / 3);
  }
  const left = (column - 1) * charWidth(textarea);
  const viewLeft = textarea.scrollLeft;
  if (left < viewLeft || left > viewLeft + textarea.clientWidth - 80) {
    textarea.scrollLeft = Math.max(0, left - textarea.clientWidth / 2);
  }
}

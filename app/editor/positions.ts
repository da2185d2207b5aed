// Conversions between 1-based line/column (as diagnostics give them) and document offsets.
import type { Text } from "@codemirror/state";

export interface TextPosition {
  line: number;
  column: number;
}

/** Offset of (line, column); clamped into the document so a stale position is safe. */
export function offsetAt(doc: Text, line: number, column: number): number {
  const clampedLine = Math.min(Math.max(1, Math.floor(line) || 1), doc.lines);
  const info = doc.line(clampedLine);
  const offset = info.from + Math.max(0, (Math.floor(column) || 1) - 1);
  return Math.min(offset, info.to);
}

export function positionAt(doc: Text, offset: number): TextPosition {
  const line = doc.lineAt(Math.min(Math.max(0, offset), doc.length));
  return { line: line.number, column: offset - line.from + 1 };
}

// The validator's findings as CodeMirror lint diagnostics, placed at their line and column:
// underlined from the reported column to the end of that line's text (at least one character),
// so the mark is visible whether it points at a key, a value or an opening brace.
import type { Diagnostic as LintDiagnostic } from "@codemirror/lint";
import type { Text } from "@codemirror/state";
import type { Diagnostic } from "../../machines/model/index.ts";
import type { ParseError } from "../../machines/validate/index.ts";
import { offsetAt } from "./positions.ts";

export interface EditorProblems {
  /** The text the problems were found in; they are shown only while the editor holds it. */
  text: string;
  diagnostics: readonly Diagnostic[];
  parseError?: ParseError;
}

export function toLintDiagnostics(doc: Text, problems: EditorProblems): LintDiagnostic[] {
  const out: LintDiagnostic[] = [];
  if (problems.parseError) {
    const { line, column, message } = problems.parseError;
    out.push({ ...span(doc, line, column), severity: "error", source: "JSON", message });
  }
  for (const diagnostic of problems.diagnostics) {
    // Without a place in the text (a document-level finding) it goes on the first line.
    const { from, to } = span(doc, diagnostic.line ?? 1, diagnostic.column ?? 1);
    out.push({
      from,
      to,
      severity: diagnostic.severity,
      source: diagnostic.code,
      message: `${diagnostic.message} (${diagnostic.pointer || "/"})`,
    });
  }
  return out;
}

function span(doc: Text, line: number, column: number): { from: number; to: number } {
  const from = offsetAt(doc, line, column);
  const lineEnd = doc.lineAt(from).to;
  const rest = doc.sliceString(from, lineEnd).trimEnd();
  if (rest.length > 0) return { from, to: from + rest.length };
  // At the end of a line (e.g. a missing value): mark the character before, if any.
  return from > 0 && from === lineEnd ? { from: from - 1, to: from } : { from, to: from };
}

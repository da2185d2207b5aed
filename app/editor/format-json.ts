// The Format command's text: the document laid out with two-space indentation, one member
// or element per line, as JSON.stringify(value, null, 2) would, but from the text's own
// tokens (jsonc-parser's formatter), so numbers keep their spelling (1.50, 1e3) and nothing
// is re-read. Text that is not JSON is not formatted: the answer says where it breaks.
import { applyEdits, format } from "jsonc-parser";
import { parseJsonText } from "../../machines/format/index.ts";

export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; message: string };

export function formatJson(text: string): FormatResult {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { line, column, message } = parsed.error;
    return {
      ok: false,
      message: `Not formatted: the text is not valid JSON (line ${line}, column ${column}: ${message}). Fix it, then format again.`,
    };
  }
  const edits = format(text, undefined, {
    tabSize: 2,
    insertSpaces: true,
    eol: "\n",
    insertFinalNewline: true,
  });
  const formatted = applyEdits(text, edits);
  return { ok: true, text: formatted, changed: formatted !== text };
}

// "Load recording": a file's text → a Recording, or an error that says where it is wrong
// (line and column for JSON syntax; JSON pointer, line and column for a wrong shape).
import {
  parseJsonText,
  type Recording,
  recording as recordingSchema,
} from "../../machines/format/index.ts";
import { documentProblems } from "../../machines/validate/index.ts";

export type LoadedRecording =
  | { ok: true; recording: Recording }
  | { ok: false; message: string; pointer?: string; line: number; column: number };

export function parseRecording(text: string): LoadedRecording {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { ok: false, message: `not JSON: ${message}`, line, column };
  }
  const checked = recordingSchema.safeParse(parsed.value);
  if (checked.success) return { ok: true, recording: checked.data };
  // The first problem in the text, named as the CLI names it (an unknown key at the key).
  const [first] = documentProblems(recordingSchema, parsed.value, checked.error.issues)
    .map((problem) => ({ ...problem, ...parsed.locate(problem.pointer) }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    ok: false,
    message: `not a recording: ${first.pointer || "/"}: ${first.message}`,
    pointer: first.pointer,
    line: first.line,
    column: first.column,
  };
}

/** "file.json:3:7: not a recording: /script/steps/0/do: …" */
export function describeLoadError(
  fileName: string,
  failure: Extract<LoadedRecording, { ok: false }>,
) {
  return `${fileName}:${failure.line}:${failure.column}: ${failure.message}`;
}

// "Load recording": a file's text → a Recording, or an error that says where it is wrong
// (line and column for JSON syntax; JSON pointer, line and column for a wrong shape).
import {
  parseJsonText,
  type Recording,
  recording as recordingSchema,
} from "../../machines/format/index.ts";
import { childPointer } from "../../machines/model/index.ts";

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
  const issue = checked.error.issues[0];
  const pointer = issue.path.reduce<string>(
    (at, key) => childPointer(at, typeof key === "symbol" ? String(key) : key),
    "",
  );
  const { line, column } = parsed.locate(pointer);
  return {
    ok: false,
    message: `not a recording: ${pointer || "/"}: ${issue.message}`,
    pointer,
    line,
    column,
  };
}

/** "file.json:3:7: not a recording: /script/steps/0/do: …" */
export function describeLoadError(
  fileName: string,
  failure: Extract<LoadedRecording, { ok: false }>,
) {
  return `${fileName}:${failure.line}:${failure.column}: ${failure.message}`;
}

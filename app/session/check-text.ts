// Runs the validator on a text; a throw becomes an internal error instead of a crash.
import { validateText } from "../../machines/validate/index.ts";
import type { CheckedText } from "./types.ts";

export function checkText(text: string): CheckedText {
  try {
    const result = validateText(text);
    const valid =
      result.project !== undefined && !result.diagnostics.some((d) => d.severity === "error");
    return {
      text,
      diagnostics: result.diagnostics,
      ...(result.parseError ? { parseError: result.parseError } : {}),
      ...(result.project ? { project: result.project } : {}),
      valid,
    };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { text, diagnostics: [], internalError: message, valid: false };
  }
}

// Runs the validator on the editor's text and shapes the outcome for the report. A validator
// bug must not take the page down, so a throw becomes a visible "internal error" instead.
import type { Diagnostic } from "../../machines/validate/diagnostic.ts";
import { type ParseError, validateText } from "../../machines/validate/index.ts";
import { experiencesOf } from "./grouping.ts";

export type { ParseError };

export interface ValidationOutcome {
  /** The text that was checked (diagnostics' positions refer to it). */
  text: string;
  diagnostics: Diagnostic[];
  parseError?: ParseError;
  /** The document's experiences as far as they could be read; labels the report's groups. */
  experiences: readonly unknown[];
  /** Set when the validator itself threw. */
  internalError?: string;
}

function readLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function runValidation(text: string): ValidationOutcome {
  try {
    const result = validateText(text);
    const experiences = result.project
      ? result.project.experiences
      : result.parseError
        ? []
        : experiencesOf(readLeniently(text));
    return {
      text,
      diagnostics: result.diagnostics,
      parseError: result.parseError,
      experiences,
    };
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { text, diagnostics: [], experiences: [], internalError: message };
  }
}

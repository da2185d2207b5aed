// What the validation report shows for one editor text: the session's verdict (built by
// shell/report-outcome.ts) in the shape the report reads.
import type { Diagnostic } from "../../machines/model/index.ts";
import type { ParseError } from "../../machines/validate/index.ts";

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

// The session's verdict on the editor text, in the shape the validation report reads.
import type { CheckedText } from "../session/types.ts";
import { experiencesOf } from "../validation/grouping.ts";
import type { ValidationOutcome } from "../validation/outcome.ts";

function readLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function reportOutcome(checked: CheckedText): ValidationOutcome {
  const experiences = checked.project
    ? checked.project.experiences
    : checked.parseError
      ? []
      : experiencesOf(readLeniently(checked.text));
  return {
    text: checked.text,
    diagnostics: checked.diagnostics,
    ...(checked.parseError ? { parseError: checked.parseError } : {}),
    ...(checked.internalError ? { internalError: checked.internalError } : {}),
    experiences,
  };
}

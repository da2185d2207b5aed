// One finding of the validator (SPEC §4 `validate --json`).
export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Stable, camelCase; tests and users grep for it. */
  code: string;
  /** Plain words that say what to change. */
  message: string;
  /** JSON pointer (RFC 6901) into the project document. */
  pointer: string;
  /** 1-based, present when the input was text. */
  line?: number;
  column?: number;
}

export function error(code: string, message: string, pointer: string): Diagnostic {
  return { severity: "error", code, message, pointer };
}

export function warning(code: string, message: string, pointer: string): Diagnostic {
  return { severity: "warning", code, message, pointer };
}

/** Appends one RFC 6901 reference token (escaping ~ and /). */
export function childPointer(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

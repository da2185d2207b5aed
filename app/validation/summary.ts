// One-line counts of a list of diagnostics: "2 errors, 1 warning" / "No problems".
import type { Diagnostic } from "../../machines/model/index.ts";

export interface Counts {
  errors: number;
  warnings: number;
}

export function countSeverities(diagnostics: readonly Diagnostic[]): Counts {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function describeCounts({ errors, warnings }: Counts): string {
  const parts = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  return parts.length > 0 ? parts.join(", ") : "No problems";
}

export function summarize(diagnostics: readonly Diagnostic[]): string {
  return describeCounts(countSeverities(diagnostics));
}

// The right-hand pane: a summary line, then the parse error or the diagnostics by experience.
import { useMemo } from "react";
import { DiagnosticGroupView } from "./DiagnosticGroupView.tsx";
import { groupDiagnostics } from "./grouping.ts";
import type { ValidationOutcome } from "./outcome.ts";
import { ParseErrorView } from "./ParseErrorView.tsx";
import type { RevealPosition } from "./PositionLink.tsx";
import { countSeverities, describeCounts } from "./summary.ts";

interface ValidationReportProps {
  outcome: ValidationOutcome;
  /** The editor changed since this outcome was computed (shown subtly, not blocking). */
  stale: boolean;
  onReveal: RevealPosition;
}

type Tone = "ok" | "warning" | "error";

function headline(outcome: ValidationOutcome): { text: string; tone: Tone } {
  if (outcome.internalError) return { text: "The validator failed", tone: "error" };
  if (outcome.parseError) return { text: "JSON syntax error", tone: "error" };
  const counts = countSeverities(outcome.diagnostics);
  const tone = counts.errors > 0 ? "error" : counts.warnings > 0 ? "warning" : "ok";
  return { text: describeCounts(counts), tone };
}

export function ValidationReport({ outcome, stale, onReveal }: ValidationReportProps) {
  const groups = useMemo(
    () => groupDiagnostics(outcome.diagnostics, outcome.experiences),
    [outcome],
  );
  const summary = headline(outcome);
  return (
    <section className="report" aria-labelledby="report-title" aria-busy={stale}>
      <header className="report-header">
        <h2 id="report-title" className="report-title">
          Validation
        </h2>
        <p
          className={`report-summary is-${summary.tone}`}
          role="status"
          aria-label="Validation summary"
        >
          <span className="summary-dot" aria-hidden="true" />
          {summary.text}
        </p>
      </header>
      <div className="report-body">
        {outcome.internalError && (
          <p className="internal-error">
            Flowscope could not check this project: {outcome.internalError}
          </p>
        )}
        {outcome.parseError && <ParseErrorView error={outcome.parseError} onReveal={onReveal} />}
        {groups.map((group) => (
          <DiagnosticGroupView key={group.key} group={group} onReveal={onReveal} />
        ))}
        {summary.tone === "ok" && !outcome.internalError && (
          <p className="report-empty">The validator found no errors or warnings in this project.</p>
        )}
      </div>
    </section>
  );
}

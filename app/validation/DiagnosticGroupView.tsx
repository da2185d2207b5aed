// One group of the report: an experience (or "Project") with its diagnostics.
import type { Diagnostic } from "../../machines/model/index.ts";
import { DiagnosticItem } from "./DiagnosticItem.tsx";
import type { DiagnosticGroup } from "./grouping.ts";
import type { RevealPosition } from "./PositionLink.tsx";
import { summarize } from "./summary.ts";

/** Diagnostics have no id: pointer + code, with a counter for the rare exact repeat. */
function diagnosticKeys(diagnostics: readonly Diagnostic[]): [string, Diagnostic][] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    const base = `${diagnostic.pointer}|${diagnostic.code}`;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return [count === 0 ? base : `${base}|${count}`, diagnostic];
  });
}

interface DiagnosticGroupViewProps {
  group: DiagnosticGroup;
  onReveal: RevealPosition;
}

export function DiagnosticGroupView({ group, onReveal }: DiagnosticGroupViewProps) {
  const headingId = `group-${group.key}`;
  return (
    <section className="diagnostic-group" aria-labelledby={headingId} data-group={group.key}>
      <header className="group-header">
        <h3 id={headingId} className="group-title">
          {group.title}
        </h3>
        {group.subtitle && <code className="group-subtitle">{group.subtitle}</code>}
        <span className="group-count">{summarize(group.diagnostics)}</span>
      </header>
      <ul className="diagnostic-list">
        {diagnosticKeys(group.diagnostics).map(([key, diagnostic]) => (
          <DiagnosticItem key={key} diagnostic={diagnostic} onReveal={onReveal} />
        ))}
      </ul>
    </section>
  );
}

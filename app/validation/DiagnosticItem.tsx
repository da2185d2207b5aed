// One finding: severity, code, message, JSON pointer and a link to its line:column.
// Messages may quote project text: rendered as React text, never as HTML.
import type { Diagnostic } from "../../machines/model/index.ts";
import { PositionLink, type RevealPosition } from "./PositionLink.tsx";

interface DiagnosticItemProps {
  diagnostic: Diagnostic;
  onReveal: RevealPosition;
}

const severityLabel = { error: "Error", warning: "Warning" } as const;

export function DiagnosticItem({ diagnostic, onReveal }: DiagnosticItemProps) {
  const { severity, code, message, pointer, line, column } = diagnostic;
  return (
    <li className={`diagnostic is-${severity}`} data-code={code}>
      <div className="diagnostic-head">
        <span className={`severity-badge is-${severity}`}>{severityLabel[severity]}</span>
        <code className="diagnostic-code">{code}</code>
        {line !== undefined && (
          <PositionLink line={line} column={column ?? 1} onReveal={onReveal} />
        )}
      </div>
      <p className="diagnostic-message">{message}</p>
      <code className="diagnostic-pointer" title="JSON pointer">
        {pointer === "" ? "/ (document)" : pointer}
      </code>
    </li>
  );
}

// The text is not JSON: nothing else can be checked, so this is the whole report.

import type { ParseError } from "./outcome.ts";
import { PositionLink, type RevealPosition } from "./PositionLink.tsx";

interface ParseErrorViewProps {
  error: ParseError;
  onReveal: RevealPosition;
}

export function ParseErrorView({ error, onReveal }: ParseErrorViewProps) {
  return (
    <section className="parse-error" aria-labelledby="parse-error-title">
      <div className="diagnostic-head">
        <span className="severity-badge is-error">Error</span>
        <h3 id="parse-error-title" className="parse-error-title">
          The text is not valid JSON
        </h3>
        <PositionLink line={error.line} column={error.column} onReveal={onReveal} />
      </div>
      <p className="diagnostic-message">{error.message}</p>
      <p className="parse-error-place">
        Line {error.line}, column {error.column}
      </p>
    </section>
  );
}

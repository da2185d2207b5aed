// The validation report of the editor's text, from the session's verdict (validated once).
import { useMemo } from "react";
import { useSession } from "../session/store.ts";
import type { RevealPosition } from "../validation/PositionLink.tsx";
import { ValidationReport } from "../validation/ValidationReport.tsx";
import { reportOutcome } from "./report-outcome.ts";

export function ProjectReport({ onReveal }: { onReveal: RevealPosition }) {
  const checked = useSession((s) => s.checked);
  const text = useSession((s) => s.text);
  const outcome = useMemo(() => (checked ? reportOutcome(checked) : null), [checked]);
  if (!outcome) return null;
  return <ValidationReport outcome={outcome} stale={outcome.text !== text} onReveal={onReveal} />;
}

// "Why not shown?" under the preview (issue 5, item 5): for the selected experience (or
// another one picked here) at the session's cursor, one line when it is on screen; else every
// reason that keeps it off, in plain words, each with its smallest fix and, where the session
// can apply it, an Apply button. Everything is text: project strings never become HTML.
import { useMemo, useState } from "react";
import { sessionStore, useSession } from "../session/store.ts";
import { type ApplyPlan, applyLabel, type ReasonView, type WhyView, whyView } from "./why-model.ts";
import "./why.css";

function apply(plan: ApplyPlan): string | null {
  if (plan.kind === "setup") {
    sessionStore.setSetup(plan.setup);
    return null;
  }
  const outcome = sessionStore.run(plan.step);
  return outcome.ok ? null : outcome.message;
}

function ApplyButton({
  plan,
  onError,
}: {
  plan: ApplyPlan;
  onError(message: string | null): void;
}) {
  return (
    <button
      type="button"
      className="btn btn-small btn-accent why-apply"
      title={plan.title}
      // `title` alone is no dependable accessible name: say what this Apply does.
      aria-label={applyLabel(plan)}
      onClick={() => onError(apply(plan))}
    >
      {plan.kind === "setup" ? "Apply & restart" : "Apply"}
    </button>
  );
}

function Reason({
  reason,
  view,
  onError,
}: {
  reason: ReasonView;
  view: WhyView;
  onError(message: string | null): void;
}) {
  const snooze = reason.code === "snoozed" ? view.snooze : null;
  return (
    <li className="why-reason" data-testid="why-reason" data-code={reason.code}>
      <div className="why-reason-head">
        <span className="why-code">{reason.title}</span>
        {snooze && (
          <span
            className="why-left"
            data-testid="snooze-left"
            data-ms={snooze.ms}
            title={`Until ${snooze.until}`}
          >
            {snooze.text} left
          </span>
        )}
      </div>
      <p className="why-detail" title={reason.message}>
        {reason.detail}
      </p>
      {reason.fixes.length > 0 && (
        <ul className="why-fixes" aria-label="Fixes">
          {reason.fixes.map((fix, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixes of one reason keep their order.
            <li key={index} className="why-fix" data-testid="why-fix" data-apply={fix.apply?.kind}>
              <span className="why-fix-text">{fix.text}</span>
              {fix.apply && <ApplyButton plan={fix.apply} onError={onError} />}
              {fix.note && (
                <span className="why-fix-note" data-testid="why-fix-note" title={fix.note.title}>
                  {fix.note.label}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function Picker({ value, onChange }: { value: string; onChange(id: string): void }) {
  const project = useSession((s) => s.project);
  // With one experience there is nothing else to ask about.
  if (!project || project.experiences.length < 2) return null;
  return (
    <select
      className="input why-picker"
      aria-label="Experience to explain"
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      {project.experiences.map((e) => (
        <option key={e.id} value={e.id}>
          {e.name ?? e.id}
        </option>
      ))}
    </select>
  );
}

function Verdict({ view }: { view: WhyView }) {
  if (view.onScreen) {
    return (
      <p className="why-verdict is-shown" data-testid="why-verdict">
        <span aria-hidden="true">✓</span> <strong title={view.name}>{view.name}</strong>{" "}
        <span className="why-nowrap">is on screen</span>
      </p>
    );
  }
  return (
    <p className="why-verdict is-hidden" data-testid="why-verdict">
      <strong title={view.name}>{view.name}</strong>{" "}
      <span className="why-nowrap">is not shown</span>{" "}
      <span className="why-status">{view.status}</span>
    </p>
  );
}

/** The experience asked about: the one picked here while the selection it was picked under
 *  stands; a new selection on the canvas wins. */
function useAsked(selected: string | null): [string | null, (id: string) => void] {
  const [picked, setPicked] = useState<{ under: string | null; id: string } | null>(null);
  const asked = picked && picked.under === selected ? picked.id : selected;
  return [asked, (id) => setPicked({ under: selected, id })];
}

export function WhyPanel() {
  const project = useSession((s) => s.project);
  const world = useSession((s) => s.world);
  const setup = useSession((s) => s.setup);
  const selected = useSession((s) => s.experienceId);
  const [picked, ask] = useAsked(selected);
  // An experience picked here and then deleted from the project falls back to the selection.
  const asked = project?.experiences.some((e) => e.id === picked) ? picked : selected;
  const [error, setError] = useState<string | null>(null);
  // Cheap (one eligibility check): recomputed whenever the world at the cursor changes, so
  // the snooze's time left follows the simulated clock.
  const view = useMemo(
    () => (project && world && asked ? whyView(project, asked, world, setup) : null),
    [project, world, asked, setup],
  );
  if (!view) return null;
  const expanded = !view.onScreen;
  return (
    <section
      className="why-panel"
      aria-label="Why not shown?"
      data-testid="why-panel"
      data-experience={view.experience}
      data-state={view.onScreen ? "shown" : view.wouldShow ? "would-show" : "hidden"}
    >
      <div className="why-head">
        {expanded ? <h3 className="why-title">Why not shown?</h3> : <Verdict view={view} />}
        <Picker
          value={view.experience}
          onChange={(id) => {
            setError(null);
            ask(id);
          }}
        />
      </div>
      {expanded && <Verdict view={view} />}
      {view.wouldShow && (
        <p className="why-would-show">
          Nothing keeps it off screen: it shows at the next show check (a page change or a clock
          advance).
          {view.recheck && <ApplyButton plan={view.recheck} onError={setError} />}
        </p>
      )}
      {view.reasons.length > 0 && (
        <ul className="why-reasons" aria-label="Reasons">
          {view.reasons.map((reason) => (
            <Reason
              key={`${reason.code}-${reason.title}`}
              reason={reason}
              view={view}
              onError={setError}
            />
          ))}
        </ul>
      )}
      {error && (
        <p className="why-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

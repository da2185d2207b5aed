// A replay's progress and verdict: the script's steps (done, next, failed), then one line per
// expectation with ✔ or ✘ and, for a failing one, what was expected and what came instead.
import { useMemo } from "react";
import { describeScriptStep, formatMismatches } from "../../machines/engine/index.ts";
import { useSession } from "../session/store.ts";
import { describeStep } from "../timeline/step-words.ts";
import { projectWords } from "../timeline/words.ts";
import { summarize } from "./expectations.ts";
import type { ReplayState } from "./replay.ts";

interface ReplayReportProps {
  replay: ReplayState;
  projectName: string;
  projectPath: string;
}

export function ReplayReport({ replay, projectName, projectPath }: ReplayReportProps) {
  const { recording } = replay;
  // The steps in the project's words ("click “Book a call”", "advance 1 h").
  const project = useSession((s) => s.project);
  const words = useMemo(() => (project ? projectWords(project) : null), [project]);
  return (
    <div className="qa-report">
      <p className="qa-meta">
        Recording of <strong>{recording.project}</strong>
        {recording.project !== projectPath && (
          <span className="qa-note"> · replayed on the open document “{projectName}”</span>
        )}
      </p>
      <ol className="qa-steps" aria-label="Replay steps">
        {recording.script.steps.map((step, index) => (
          <li
            // Steps are positional: the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a script's steps never reorder.
            key={index}
            className={`qa-step is-${stepStatus(replay, index)}`}
            aria-current={index === replay.next && !replay.outcomes ? "step" : undefined}
          >
            {words ? describeStep(step, words, null) : describeScriptStep(step)}
            {replay.stepError?.index === index && (
              <span className="qa-step-error"> — {replay.stepError.message}</span>
            )}
          </li>
        ))}
      </ol>
      {replay.outcomes ? <Verdict replay={replay} /> : <Pending replay={replay} />}
    </div>
  );
}

function stepStatus(replay: ReplayState, index: number): "done" | "next" | "failed" | "todo" {
  if (replay.stepError?.index === index) return "failed";
  if (index < replay.next) return "done";
  if (index === replay.next && !replay.outcomes) return "next";
  return "todo";
}

function Pending({ replay }: { replay: ReplayState }) {
  const total = replay.recording.script.steps.length;
  return (
    <p className="qa-summary" role="status" aria-label="Replay verdict">
      {replay.next} of {total} steps replayed; expectations are checked after the last one.
    </p>
  );
}

function Verdict({ replay }: { replay: ReplayState }) {
  const outcomes = replay.outcomes ?? [];
  const { passed, failed } = summarize(outcomes);
  const verdict =
    failed === 0 && !replay.stepError
      ? `All ${passed} expectations pass`
      : `${failed} of ${outcomes.length} expectations fail${replay.stepError ? "; a step could not be done" : ""}`;
  return (
    <>
      <p
        className={`qa-summary ${failed === 0 && !replay.stepError ? "is-pass" : "is-fail"}`}
        role="status"
        aria-label="Replay verdict"
      >
        {verdict}
      </p>
      <ul className="qa-checks" aria-label="Expectations">
        {outcomes.map((outcome) => (
          <li key={outcome.pointer} className={`qa-check ${outcome.pass ? "is-pass" : "is-fail"}`}>
            <span className="qa-check-mark" aria-hidden="true">
              {outcome.pass ? "✔" : "✘"}
            </span>
            <span className="qa-check-label">{outcome.label}</span>
            <span className="qa-check-state">{outcome.pass ? "passes" : "fails"}</span>
            {!outcome.pass && <pre className="qa-diff">{formatMismatches(outcome.mismatches)}</pre>}
          </li>
        ))}
      </ul>
    </>
  );
}

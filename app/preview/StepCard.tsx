// One step as its user sees it: the closing cross, title and body (plain text), the survey
// question, the booking (as text) and the CTAs. Every control runs a script step. The host
// page mounts one card per step shown (keyed by step), and a new card scrolls into view.
import { useEffect, useRef } from "react";
import type { Experience, Step } from "../../machines/format/index.ts";
import { questionFor } from "./Questions.tsx";
import { runStep } from "./run.ts";
import { stepKindName } from "./step-kinds.ts";

const providerNames: Record<string, string> = {
  calendly: "Calendly",
  googleCalendar: "Google Calendar",
  zcal: "zcal",
};

interface StepCardProps {
  experience: Experience;
  step: Step;
  variant: string;
}

export function StepCard({ experience, step, variant }: StepCardProps) {
  const ex = experience.id;
  const Question = questionFor(step);
  const questionText = step.question?.text;
  const ref = useRef<HTMLElement>(null);
  // The step just shown is in view (the preview may be scrolled elsewhere); "nearest" leaves
  // a card already in view where it is.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      className={`step-card variant-${variant}`}
      data-testid="step-on-screen"
      data-experience={ex}
      data-step={step.id}
      aria-label={`${experience.name ?? ex}: ${step.name ?? step.id}`}
    >
      <button
        type="button"
        className="step-cross"
        aria-label="Close"
        title="Closing cross"
        onClick={() => runStep({ do: "close", experience: ex })}
      >
        ×
      </button>
      <p className="step-kicker">
        {experience.name ?? ex} · {stepKindName(step.kind)}
      </p>
      {step.title && (
        <h3 className="step-title" tabIndex={-1}>
          {step.title}
        </h3>
      )}
      {questionText && <p className="step-question">{questionText}</p>}
      {step.body && <p className="step-body">{step.body}</p>}
      {Question && (
        <Question
          step={step}
          onAnswer={(value) => runStep({ do: "answer", value, experience: ex })}
        />
      )}
      {step.kind === "bookInterview" && (
        <p className="step-booking">
          {step.booking
            ? `${providerNames[step.booking.provider] ?? step.booking.provider}: `
            : "No booking link set"}
          {step.booking && <span className="url-text">{step.booking.link}</span>}
        </p>
      )}
      {step.ctas.length > 0 && (
        <div className="step-ctas">
          {step.ctas.map((cta, index) => (
            <button
              key={cta.id}
              type="button"
              className={index === 0 ? "btn btn-primary" : "btn"}
              onClick={() => runStep({ do: "click", cta: cta.id, experience: ex })}
            >
              {cta.label}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

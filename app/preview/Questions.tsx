// The answer controls of survey steps: a row of numbers (NPS 0–10, scale), options (choice,
// multiChoice) and an open text. Each submits through `onAnswer`.
import { useState } from "react";
import type { Step } from "../../machines/format/index.ts";

type Answer = number | string | string[];

interface QuestionProps {
  step: Step;
  onAnswer(value: Answer): void;
}

function rangeOf(step: Step): { min: number; max: number; minLabel?: string; maxLabel?: string } {
  const q = step.question;
  if (q && "min" in q) return q;
  return { min: 0, max: 10 };
}

function NumberQuestion({ step, onAnswer }: QuestionProps) {
  const { min, max, minLabel, maxLabel } = rangeOf(step);
  const values = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  return (
    <div className="q-numbers" data-question>
      <fieldset className="q-number-row">
        <legend className="sr-only">{step.kind === "nps" ? "Score" : "Scale"}</legend>
        {values.map((value) => (
          <button
            key={value}
            type="button"
            className="q-number"
            aria-label={`Answer ${value}`}
            onClick={() => onAnswer(value)}
          >
            {value}
          </button>
        ))}
      </fieldset>
      {(minLabel || maxLabel) && (
        <div className="q-number-labels">
          <span>{minLabel}</span>
          <span>{maxLabel}</span>
        </div>
      )}
    </div>
  );
}

function optionsOf(step: Step): string[] {
  const q = step.question;
  return q && "options" in q ? q.options : [];
}

function ChoiceQuestion({ step, onAnswer }: QuestionProps) {
  const options = optionsOf(step);
  return (
    <fieldset className="q-options" data-question>
      <legend className="sr-only">Options</legend>
      {options.map((option) => (
        <button key={option} type="button" className="q-option" onClick={() => onAnswer(option)}>
          {option}
        </button>
      ))}
    </fieldset>
  );
}

function MultiChoiceQuestion({ step, onAnswer }: QuestionProps) {
  const options = optionsOf(step);
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = (option: string) =>
    setPicked((now) => (now.includes(option) ? now.filter((o) => o !== option) : [...now, option]));
  return (
    <fieldset className="q-options" data-question>
      <legend className="sr-only">Pick any</legend>
      {options.map((option) => (
        <label key={option} className="q-check">
          <input
            type="checkbox"
            checked={picked.includes(option)}
            onChange={() => toggle(option)}
          />
          {option}
        </label>
      ))}
      <button type="button" className="btn btn-primary" onClick={() => onAnswer(picked)}>
        Submit
      </button>
    </fieldset>
  );
}

function TextQuestion({ step, onAnswer }: QuestionProps) {
  const [text, setText] = useState("");
  const q = step.question;
  const placeholder = q && "placeholder" in q ? q.placeholder : undefined;
  return (
    <form
      className="q-text"
      data-question
      onSubmit={(event) => {
        event.preventDefault();
        onAnswer(text);
      }}
    >
      <textarea
        aria-label="Your answer"
        rows={3}
        value={text}
        placeholder={placeholder}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="btn btn-primary">
        Submit
      </button>
    </form>
  );
}

export function questionFor(step: Step) {
  switch (step.kind) {
    case "nps":
    case "scale":
      return NumberQuestion;
    case "choice":
      return ChoiceQuestion;
    case "multiChoice":
      return MultiChoiceQuestion;
    case "text":
      return TextQuestion;
    default:
      return null;
  }
}

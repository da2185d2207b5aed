// A survey step's question (its text, the scale's range and labels, a choice's answers, a
// text answer's placeholder) and a Book Interview step's booking.
import { useState } from "react";
import { providerChoices } from "./enums.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { addConditionPerOption, optionsWithoutCondition } from "./item-edits.ts";
import { addOption, removeOption, renameOption } from "./question-edits.ts";
import type { StepRef } from "./refs.ts";
import { setStepValue } from "./step-edits.ts";
import { change } from "./useAuthoring.ts";

interface QuestionFieldsProps {
  stepRef: StepRef;
  kind: string;
  question: Record<string, unknown> | undefined;
  text: string;
}

const providerLabels: Record<string, string> = {
  calendly: "Calendly",
  googleCalendar: "Google Calendar",
  zcal: "Zcal",
};

export function QuestionFields({ stepRef, kind, question, text }: QuestionFieldsProps) {
  const q = question ?? {};
  const str = (key: string) => (typeof q[key] === "string" ? (q[key] as string) : "");
  const num = (key: string) => (typeof q[key] === "number" ? (q[key] as number) : undefined);
  const set = (key: string, value: unknown) =>
    change((current) => setStepValue(current, stepRef, ["question", key], value));
  const optional = (key: string) => (value: string) => set(key, value === "" ? undefined : value);
  const numeric = kind === "nps" || kind === "scale";
  const choice = kind === "choice" || kind === "multiChoice";
  return (
    <section className="af-group" aria-label="Question">
      <h4 className="af-subtitle">Question</h4>
      <TextField label="Question text" value={str("text")} onCommit={optional("text")} />
      {numeric && (
        <div className="af-row">
          {kind === "scale" ? (
            <>
              <NumberField
                label="Lowest answer"
                value={num("min")}
                step={1}
                onCommit={(v) => set("min", v ?? 1)}
              />
              <NumberField
                label="Highest answer"
                value={num("max")}
                step={1}
                onCommit={(v) => set("max", v ?? 5)}
              />
            </>
          ) : (
            <p className="muted af-note">NPS answers go from 0 to 10.</p>
          )}
        </div>
      )}
      {numeric && (
        <div className="af-row">
          <TextField
            label="Label of the lowest"
            value={str("minLabel")}
            onCommit={optional("minLabel")}
          />
          <TextField
            label="Label of the highest"
            value={str("maxLabel")}
            onCommit={optional("maxLabel")}
          />
        </div>
      )}
      {choice && (
        <Answers
          stepRef={stepRef}
          options={Array.isArray(q.options) ? q.options.map(String) : []}
          text={text}
        />
      )}
      {kind === "text" && (
        <TextField
          label="Placeholder"
          value={str("placeholder")}
          onCommit={optional("placeholder")}
        />
      )}
    </section>
  );
}

function Answers({
  stepRef,
  options,
  text,
}: {
  stepRef: StepRef;
  options: string[];
  text: string;
}) {
  const [draft, setDraft] = useState("");
  const uncovered = optionsWithoutCondition(text, stepRef);
  const add = () => {
    const option = draft.trim();
    if (option === "" || options.includes(option)) return;
    change((current) => addOption(current, stepRef, option));
    setDraft("");
  };
  return (
    <fieldset className="af-answers">
      <legend className="af-label">Answers</legend>
      <ol className="af-plain-list">
        {options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ids may repeat (the validator flags it): the index keeps keys apart.
          <li key={`${index}:${option}`} className="af-row">
            <TextField
              label={`Answer ${index + 1}`}
              value={option}
              onCommit={(next) => {
                if (next.trim() !== "")
                  change((current) => renameOption(current, stepRef, index, next));
              }}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove answer ${option}`}
              disabled={options.length <= 1}
              onClick={() => change((current) => removeOption(current, stepRef, index))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <div className="af-row">
        <label className="af-field">
          <span className="af-label">New answer</span>
          <input
            className="input af-input"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") add();
            }}
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          onClick={add}
          disabled={draft.trim() === ""}
        >
          Add answer
        </button>
      </div>
      <button
        type="button"
        className="btn btn-small"
        disabled={uncovered.length === 0}
        onClick={() => change((current) => addConditionPerOption(current, stepRef))}
      >
        Add a condition per answer
      </button>
    </fieldset>
  );
}

export function BookingFields({
  stepRef,
  booking,
}: {
  stepRef: StepRef;
  booking: Record<string, unknown> | undefined;
}) {
  const set = (key: string, value: unknown) =>
    change((current) => setStepValue(current, stepRef, ["booking", key], value));
  return (
    <section className="af-group" aria-label="Booking">
      <h4 className="af-subtitle">Booking</h4>
      <SelectField
        label="Provider"
        value={typeof booking?.provider === "string" ? booking.provider : ""}
        choices={providerChoices.map((value) => ({ value, label: providerLabels[value] ?? value }))}
        onChange={(provider) => set("provider", provider)}
      />
      <TextField
        label="Scheduling link"
        value={typeof booking?.link === "string" ? booking.link : ""}
        onCommit={(link) => set("link", link)}
      />
    </section>
  );
}

// The form's inputs, each named by its <label>. Text and numbers are kept as a draft
// while typed and written to the JSON text on Enter or when the field is left (one history
// entry per field change, not one per keystroke); selects and checkboxes write at once.
import { type ReactNode, useContext, useEffect, useId, useRef, useState } from "react";
import { FormDocument, isActive } from "./useAuthoring.ts";

interface DraftProps<T> {
  value: T;
  onCommit(value: T): void;
}

/** A draft kept while typing; written on Enter, blur, or when the field goes away. */
function useDraft<T>({ value, onCommit }: DraftProps<T>, same: (a: T, b: T) => boolean) {
  const [draft, setDraft] = useState<{ value: T } | null>(null);
  const docId = useContext(FormDocument);
  const latest = useRef({ draft, value, onCommit, same, docId });
  latest.current = { draft, value, onCommit, same, docId };
  // At unmount (another selection), a draft not written yet is written, to its own document.
  useEffect(
    () => () => {
      const { draft: left, value: current, onCommit: commit, same: equal } = latest.current;
      if (left && !equal(left.value, current) && isActive(latest.current.docId)) commit(left.value);
    },
    [],
  );
  const commit = () => {
    if (draft && !same(draft.value, value)) onCommit(draft.value);
    setDraft(null);
  };
  return {
    shown: draft ? draft.value : value,
    edit: (next: T) => setDraft({ value: next }),
    commit,
    cancel: () => setDraft(null),
  };
}

interface TextFieldProps extends DraftProps<string> {
  label: string;
  multiline?: boolean;
  placeholder?: string;
  hint?: ReactNode;
  invalid?: boolean;
}

export function TextField({
  label,
  multiline,
  placeholder,
  hint,
  invalid,
  ...props
}: TextFieldProps) {
  const { shown, edit, commit, cancel } = useDraft(props, (a, b) => a === b);
  const hintId = useId();
  const controlId = useId();
  const common = {
    id: controlId,
    className: "input af-input",
    value: shown,
    placeholder,
    spellCheck: false,
    "aria-invalid": invalid || undefined,
    "aria-describedby": hint ? hintId : undefined,
    onBlur: commit,
  };
  return (
    <div className="af-field">
      <label className="af-label" htmlFor={controlId}>
        {label}
      </label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onChange={(event) => edit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") cancel();
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(event) => edit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
            if (event.key === "Escape") cancel();
          }}
        />
      )}
      {hint && (
        <span className="af-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

interface NumberFieldProps extends DraftProps<number | undefined> {
  label: string;
  min?: number;
  max?: number;
  step?: number;
}

/** A number; cleared, it writes `undefined` (the caller decides whether that removes the field). */
export function NumberField({ label, min, max, step, ...props }: NumberFieldProps) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? (props.value === undefined ? "" : String(props.value));
  const docId = useContext(FormDocument);
  const latest = useRef({ text, props, docId });
  latest.current = { text, props, docId };
  const parse = (raw: string): number | undefined => {
    const trimmed = raw.trim();
    if (trimmed === "") return undefined;
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : props.value;
  };
  const commit = () => {
    if (text !== null) {
      const next = parse(text);
      if (next !== props.value) props.onCommit(next);
    }
    setText(null);
  };
  useEffect(
    () => () => {
      const { text: left, props: current } = latest.current;
      if (left === null || !isActive(latest.current.docId)) return;
      const trimmed = left.trim();
      const next = trimmed === "" ? undefined : Number(trimmed);
      if (next !== current.value && (next === undefined || Number.isFinite(next))) {
        current.onCommit(next);
      }
    },
    [],
  );
  return (
    <label className="af-field">
      <span className="af-label">{label}</span>
      <input
        className="input af-input af-number"
        type="number"
        inputMode="decimal"
        value={shown}
        min={min}
        max={max}
        step={step}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
          if (event.key === "Escape") setText(null);
        }}
      />
    </label>
  );
}

export interface Choice {
  value: string;
  label?: string;
  disabled?: boolean;
}

interface SelectFieldProps {
  label: string;
  value: string;
  choices: readonly (string | Choice)[];
  onChange(value: string): void;
  disabled?: boolean;
}

/** A select for an enum; a value the text holds that is not a choice is shown, marked unknown. */
export function SelectField({ label, value, choices, onChange, disabled }: SelectFieldProps) {
  const id = useId();
  const all = choices.map((choice) => (typeof choice === "string" ? { value: choice } : choice));
  const known = all.some((choice) => choice.value === value);
  return (
    <div className="af-field">
      <label className="af-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input af-input"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {!known && <option value={value}>{value === "" ? "(none)" : `${value} (unknown)`}</option>}
        {all.map((choice) => (
          <option key={choice.value} value={choice.value} disabled={choice.disabled}>
            {choice.label ?? choice.value}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
}

export function CheckField({ label, checked, onChange }: CheckFieldProps) {
  return (
    <label className="af-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

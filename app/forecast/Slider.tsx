// A labelled range input (role slider): its label is its accessible name, its value in words
// is shown beside it and given as aria-valuetext.
import { type ReactNode, useId } from "react";

interface SliderProps {
  label: ReactNode;
  /** Small words after the label (part of the name): "9–10". */
  hint?: string;
  value: number;
  min: number;
  max: number;
  step: number;
  valueText: string;
  onChange(value: number): void;
  disabled?: boolean;
  title?: string;
}

export function Slider({
  label,
  hint,
  value,
  min,
  max,
  step,
  valueText,
  onChange,
  disabled,
  title,
}: SliderProps) {
  const id = useId();
  return (
    <div className="fc-slider" title={title}>
      <label
        htmlFor={id}
        className="fc-slider-label"
        title={typeof label === "string" ? `${label}${hint ? ` ${hint}` : ""}` : undefined}
      >
        {label}
        {hint && <span className="fc-hint"> {hint}</span>}
      </label>
      <output htmlFor={id} className="fc-slider-value">
        {valueText}
      </output>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-valuetext={valueText}
        onChange={(event) => onChange(Number(event.currentTarget.value))}
      />
    </div>
  );
}

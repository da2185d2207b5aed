// One step's sliders: the weight of each way a user leaves it (its CTAs, answering, the
// closing cross, ignoring it) and, for a survey step, the answer mix by answer class (the
// step's conditions by id, then "otherwise"), which always sums to 100%.
import type { ForecastModel } from "../../machines/format/index.ts";
import { withAnswerShare, withStepWeight } from "./model-edits.ts";
import { Slider } from "./Slider.tsx";
import { type StepShape, stepMix } from "./step-mix.ts";
import { percent, weight } from "./words.ts";

interface Props {
  model: ForecastModel;
  experienceId: string;
  shape: StepShape;
  onChange(model: ForecastModel): void;
}

export function StepSliders({ model, experienceId, shape, onChange }: Props) {
  const mix = stepMix(model, experienceId, shape);
  const total = mix.weights.reduce((sum, w) => sum + w.weight, 0);
  const name = shape.step.name ?? shape.step.id;
  return (
    <details className="fc-step" open={shape.answerable || undefined} data-step={shape.step.id}>
      <summary>
        <span className={`kind-badge kind-${shape.step.kind}`}>{shape.step.kind}</span> {name}
        {mix.named ? "" : <span className="fc-hint"> (default)</span>}
      </summary>
      <fieldset className="fc-step-body" aria-label={name}>
        {mix.weights.map((w) => (
          <Slider
            key={w.key}
            label={w.label}
            value={w.weight}
            min={0}
            max={Math.max(10, w.weight)}
            step={0.5}
            valueText={`${weight(w.weight)} (${percent(total > 0 ? w.weight / total : 0)})`}
            onChange={(next) => onChange(withStepWeight(model, experienceId, shape, w.key, next))}
          />
        ))}
        {shape.classes.length > 1 && (
          <fieldset className="fc-answers">
            <legend className="fc-subtitle">Answer mix</legend>
            {shape.classes.map((c, i) => (
              <Slider
                key={c.condition === null ? "fallback" : `condition:${c.condition}`}
                label={c.condition ?? "otherwise"}
                hint={`(${c.answers})`}
                value={Math.round(mix.shares[i] * 100)}
                min={0}
                max={100}
                step={1}
                valueText={percent(mix.shares[i])}
                disabled={mix.answerWeight === 0}
                title={mix.answerWeight === 0 ? "Give “Answer” a weight first" : undefined}
                onChange={(next) =>
                  onChange(withAnswerShare(model, experienceId, shape, i, next / 100))
                }
              />
            ))}
          </fieldset>
        )}
      </fieldset>
    </details>
  );
}

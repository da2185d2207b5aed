// Who the users are and how often they come: how many are simulated, the horizon, sessions
// per day (a Poisson mean) and each persona's weight.
import type { ForecastModel, Project } from "../../machines/format/index.ts";
import { withDays, withPersonaWeight, withSessionsPerDay, withUsers } from "./model-edits.ts";
import { Slider } from "./Slider.tsx";
import { count, percent, weight } from "./words.ts";

/** The users slider's stops (the kernel runs about a million user-sessions a second). */
export const userStops = [
  100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000,
];

interface Props {
  project: Project;
  model: ForecastModel;
  onChange(model: ForecastModel): void;
}

export function PopulationSliders({ project, model, onChange }: Props) {
  const users = model.users ?? 0;
  const stop = Math.max(
    0,
    userStops.findLastIndex((n) => n <= users),
  );
  const personas = project.personas.map((p) => p.id);
  const weightOf = (id: string) => model.personas?.get(id) ?? (model.personas ? 0 : 1);
  const totalWeight = personas.reduce((sum, id) => sum + weightOf(id), 0);
  return (
    <fieldset className="fc-group">
      <legend>Population</legend>
      <Slider
        label="Users"
        value={stop}
        min={0}
        max={userStops.length - 1}
        step={1}
        valueText={`${count(users)} users`}
        onChange={(i) => onChange(withUsers(model, userStops[i]))}
      />
      <Slider
        label="Horizon"
        value={model.days ?? 1}
        min={1}
        max={Math.max(90, model.days ?? 1)}
        step={1}
        valueText={`${model.days ?? 0} days`}
        onChange={(days) => onChange(withDays(model, days))}
      />
      <Slider
        label="Sessions per day"
        value={model.visits?.perDay ?? 0}
        min={0}
        max={Math.max(5, model.visits?.perDay ?? 0)}
        step={0.1}
        valueText={`${weight(model.visits?.perDay ?? 0)} a day`}
        onChange={(perDay) => onChange(withSessionsPerDay(model, perDay))}
      />
      {personas.map((id) => {
        const w = weightOf(id);
        const name = project.personas.find((p) => p.id === id)?.name ?? id;
        return (
          <Slider
            key={id}
            label={`Persona ${name}`}
            value={w}
            min={0}
            max={Math.max(10, w)}
            step={0.5}
            valueText={`${weight(w)} (${percent(totalWeight > 0 ? w / totalWeight : 0)})`}
            onChange={(next) => onChange(withPersonaWeight(model, personas, id, next))}
          />
        );
      })}
    </fieldset>
  );
}

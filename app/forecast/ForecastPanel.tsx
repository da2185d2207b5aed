// The Forecast panel (SPEC §5, issue 13 item 4): sliders over the document's forecast model
// (population, and each step of the experience on the canvas), a Monte Carlo run in a worker
// that reruns as a slider moves, a funnel per experience and the users shown per day, the
// traffic on the canvas while the panel is shown, and downloads of the result as CSV and of
// the model as the JSON file `flowscope forecast --model` reads. The model is kept with the
// document (app/workspace), so it survives a reload.
import { useMemo } from "react";
import type { ForecastModel } from "../../machines/format/index.ts";
import { downloadText } from "../persistence/download.ts";
import { useSession } from "../session/store.ts";
import { useActiveDocument, workspaceStore } from "../workspace/workspace-store.ts";
import { defaultModel } from "./default-model.ts";
import { ForecastStatus } from "./ForecastStatus.tsx";
import { FunnelChart } from "./FunnelChart.tsx";
import { csvFileName, modelFileName } from "./file-names.ts";
import { forecastCsv } from "./forecast-csv.ts";
import { modelText, readModelText } from "./model-text.ts";
import { PopulationSliders } from "./PopulationSliders.tsx";
import { ShownPerDayChart } from "./ShownPerDayChart.tsx";
import { StepSliders } from "./StepSliders.tsx";
import { experienceShapes } from "./step-mix.ts";
import { useForecastRun } from "./useForecastRun.ts";
import "./forecast.css";

/** Steps given sliders at most (a model names the others in its JSON). */
const maxStepSliders = 60;

export function ForecastPanel({ active }: { active: boolean }) {
  const doc = useActiveDocument();
  const project = useSession((s) => s.project);
  const experienceId = useSession((s) => s.experienceId);
  const fallback = useMemo(() => (project ? modelText(defaultModel(project)) : ""), [project]);
  const text = doc?.forecastModel ?? fallback;
  const read = useMemo(() => readModelText(text), [text]);
  const model = read.ok ? read.model : project ? defaultModel(project) : null;
  const run = useForecastRun(project, text, active && project !== null);
  const shapes = useMemo(
    () => (project && experienceId ? experienceShapes(project, experienceId) : []),
    [project, experienceId],
  );

  if (!doc || !project || !model) {
    return <p className="fc-empty">No valid project to forecast yet.</p>;
  }
  const change = (next: ForecastModel) => workspaceStore.setForecastModel(doc.id, modelText(next));
  const reset = () => workspaceStore.setForecastModel(doc.id, fallback);
  const experience = project.experiences.find((e) => e.id === experienceId);
  const result = run.view?.result ?? null;

  return (
    <section
      className="fc-panel"
      aria-label="Forecast"
      data-testid="forecast-panel"
      data-status={run.status}
    >
      <div className="fc-toolbar">
        <ForecastStatus run={run} onReset={reset} />
        <div className="fc-buttons">
          <button
            type="button"
            className="btn btn-small"
            disabled={!result || run.status !== "done"}
            onClick={() =>
              result && downloadText(csvFileName(doc), forecastCsv(result), "text/csv")
            }
          >
            Export CSV
          </button>
          <button
            type="button"
            className="btn btn-small"
            title="The model as the JSON file `flowscope forecast <project> --model <file>` reads"
            onClick={() => downloadText(modelFileName(doc), text)}
          >
            Export model
          </button>
          <button
            type="button"
            className="btn btn-small"
            onClick={reset}
            disabled={doc.forecastModel === undefined}
          >
            Reset
          </button>
        </div>
      </div>
      <div className="fc-columns">
        <div className="fc-controls">
          <PopulationSliders project={project} model={model} onChange={change} />
          <fieldset className="fc-group">
            <legend>Steps of {experience?.name ?? experienceId ?? "no experience"}</legend>
            {shapes.length === 0 && (
              <p className="fc-hint">
                {experience?.type === "checklist"
                  ? "A checklist has tasks, not steps: its funnel counts who is shown it."
                  : "Pick an experience with steps in the top bar."}
              </p>
            )}
            {experienceId !== null &&
              shapes
                .slice(0, maxStepSliders)
                .map((shape) => (
                  <StepSliders
                    key={shape.step.id}
                    model={model}
                    experienceId={experienceId}
                    shape={shape}
                    onChange={change}
                  />
                ))}
            {shapes.length > maxStepSliders && (
              <p className="fc-hint">
                The first {maxStepSliders} of {shapes.length} steps; export the model to weigh the
                others.
              </p>
            )}
          </fieldset>
        </div>
        <div className="fc-results" data-stale={run.status !== "done" || undefined}>
          {result ? (
            <>
              {project.experiences
                .filter((e) => Object.hasOwn(result.experiences, e.id))
                .sort((a, b) => Number(b.id === experienceId) - Number(a.id === experienceId))
                .map((e) => (
                  <FunnelChart
                    key={e.id}
                    experience={e}
                    forecast={result.experiences[e.id]}
                    users={result.users}
                  />
                ))}
              <ShownPerDayChart project={project} result={result} />
            </>
          ) : (
            <p className="fc-hint">The funnels appear when the first users have run.</p>
          )}
        </div>
      </div>
    </section>
  );
}

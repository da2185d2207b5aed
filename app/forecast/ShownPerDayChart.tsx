// Users first shown each experience, per day of the horizon (one series per experience).
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";
import type { MonteCarloForecast } from "../../machines/forecast/index.ts";
import type { Project } from "../../machines/format/index.ts";

const palette = ["#4f46e5", "#0e9f6e", "#d97706", "#db2777", "#0284c7", "#7c3aed", "#65a30d"];
/** Series drawn at most (the busiest experiences). */
const maxSeries = palette.length;

export function ShownPerDayChart({
  project,
  result,
}: {
  project: Project;
  result: MonteCarloForecast;
}) {
  const series = project.experiences
    .filter(
      (e) => Object.hasOwn(result.experiences, e.id) && result.experiences[e.id].shownUsers > 0,
    )
    .sort((a, b) => result.experiences[b.id].shownUsers - result.experiences[a.id].shownUsers)
    .slice(0, maxSeries);
  if (series.length === 0)
    return <p className="fc-hint">No experience was shown in the horizon.</p>;
  const data = Array.from({ length: result.days }, (_, day) => ({
    day: day + 1,
    shown: series.map((e) => result.experiences[e.id].shownPerDay[day] ?? 0),
  }));
  return (
    <figure className="fc-per-day" data-testid="shown-per-day">
      <figcaption className="fc-subtitle">Users first shown, per day</figcaption>
      <BarChart
        responsive
        data={data}
        style={{ width: "100%", height: 180 }}
        margin={{ top: 4, right: 8, bottom: 4, left: 0 }}
        aria-hidden="true"
      >
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="day" fontSize={11} />
        <YAxis fontSize={11} width={44} allowDecimals={false} />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {series.map((e, i) => (
          <Bar
            // Ids are data: a function reads the value (a dataKey string would be a path).
            key={e.id}
            name={e.name ?? e.id}
            dataKey={(row: (typeof data)[number]) => row.shown[i]}
            stackId="shown"
            fill={palette[i]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </figure>
  );
}

// One experience's funnel: each step's reach (share of all simulated users who entered it at
// least once), as a bar chart (recharts) and as a table with the 95% intervals, which is also
// what assistive technology and tests read. How users left, and why some never saw it (all a
// checklist has: the model weighs steps, not tasks).
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import type { MonteCarloExperience } from "../../machines/forecast/index.ts";
import type { Experience } from "../../machines/format/index.ts";
import { count, percent } from "./words.ts";

/** The chart draws the first steps only; the table lists them all. */
const chartSteps = 25;
const rowHeight = 26;

interface Props {
  experience: Experience;
  forecast: MonteCarloExperience;
  users: number;
}

export function FunnelChart({ experience, forecast, users }: Props) {
  const steps = experience.type === "checklist" ? [] : experience.steps;
  const rows = steps
    .filter((step) => Object.hasOwn(forecast.steps, step.id))
    .map((step) => ({ step, ...forecast.steps[step.id] }));
  const data = rows
    .slice(0, chartSteps)
    .map((r) => ({ name: r.step.name ?? r.step.id, reach: r.reach * 100 }));
  const name = experience.name ?? experience.id;
  const ends = Object.entries(forecast.ends).filter(([, n]) => n > 0);
  const blocked = Object.entries(forecast.blocked).filter(([, n]) => (n ?? 0) > 0);
  return (
    <section className="fc-funnel" data-experience={experience.id} aria-label={`Funnel of ${name}`}>
      <h4 className="fc-funnel-title">
        {name}{" "}
        <span className="fc-hint">
          shown to {count(forecast.shownUsers)} of {count(users)} users (
          {percent(users > 0 ? forecast.shownUsers / users : 0)})
        </span>
      </h4>
      {data.length > 0 && (
        <BarChart
          responsive
          layout="vertical"
          data={data}
          style={{ width: "100%", height: data.length * rowHeight + 36 }}
          margin={{ top: 4, right: 48, bottom: 4, left: 4 }}
          accessibilityLayer={false}
          aria-hidden="true"
        >
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" domain={[0, 100]} unit="%" tickCount={5} fontSize={11} />
          <YAxis type="category" dataKey="name" width={110} fontSize={11} interval={0} />
          <Bar dataKey="reach" fill="#4f46e5" isAnimationActive={false} barSize={14}>
            <LabelList
              dataKey="reach"
              position="right"
              fontSize={11}
              formatter={(v) => `${Number(v).toFixed(1)}%`}
            />
          </Bar>
        </BarChart>
      )}
      {rows.length > 0 && (
        <table className="fc-table" data-testid="funnel-table">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Reach</th>
              <th scope="col">95% interval</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.step.id} data-step={r.step.id}>
                <th scope="row">{r.step.name ?? r.step.id}</th>
                <td
                  data-testid="funnel-reach"
                  data-value={r.reach}
                  title={`${count(r.reachUsers)} users`}
                >
                  {percent(r.reach)}
                </td>
                <td className="fc-hint">
                  {percent(r.ci95[0])}–{percent(r.ci95[1])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(ends.length > 0 || blocked.length > 0) && (
        <dl className="fc-ends">
          {ends.map(([end, n]) => (
            <div key={end} data-end={end}>
              <dt>{end}</dt>
              <dd>{count(n)}</dd>
            </div>
          ))}
          {blocked.map(([reason, n]) => (
            <div key={reason} data-blocked={reason} className="is-blocked">
              <dt>blocked: {reason}</dt>
              <dd>{count(n ?? 0)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

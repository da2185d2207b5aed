// How `flowscope forecast` prints its answer for people. Exact mode: the ends, then each
// step's reach and expected visits beside a funnel drawn with block characters. Monte Carlo:
// per experience, a table of users shown, ends, blocked users and shown per day, then each
// step's reach with its 95% interval beside the same funnel. Pure: tested in-process.
import type {
  ExactExperienceForecast,
  MonteCarloExperience,
  MonteCarloForecast,
} from "../../machines/forecast/index.ts";
import { paint } from "../io.ts";

/** Width of a full bar (reach 100%), in characters. */
const barWidth = 24;
/** Step ids longer than this are cut with "…" so the columns stay aligned. */
const idWidth = 28;
const eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar of `fraction` × barWidth characters, to the eighth of a character. */
export function bar(fraction: number): string {
  const units = Math.round(Math.min(1, Math.max(0, fraction)) * barWidth * 8);
  return "█".repeat(Math.floor(units / 8)) + eighths[units % 8];
}

function percent(p: number): string {
  return `${(p * 100).toFixed(2)}%`;
}

/** An id as terminal text: control characters would move the cursor (ids are data). */
function plain(id: string): string {
  let text = "";
  for (const char of id) text += char < " " || char === "\u007f" ? "?" : char;
  return text;
}

function shown(id: string): string {
  const text = plain(id);
  return text.length > idWidth ? `${text.slice(0, idWidth - 1)}…` : text;
}

/** 1234567 → "1,234,567": the same in every locale. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function formatExactHuman(
  experienceId: string,
  forecast: ExactExperienceForecast,
  color: boolean,
): string {
  const how =
    forecast.method === "dynamicProgramming"
      ? `dynamic programming over ${forecast.states} steps`
      : `an absorbing Markov chain of ${forecast.states} (step, visit history) states`;
  const lines = [
    paint(color, "bold", `exact forecast of ${JSON.stringify(experienceId)}`),
    paint(color, "dim", `one display, interactions weighed by the model; solved by ${how}`),
    "",
    paint(color, "bold", "ends"),
  ];
  for (const [end, p] of Object.entries(forecast.ends)) {
    lines.push(`  ${end.padEnd(10)} ${percent(p).padStart(8)}  ${bar(p)}`.trimEnd());
  }
  const steps = Object.entries(forecast.steps);
  const width = Math.max(4, ...steps.map(([id]) => shown(id).length));
  lines.push(
    "",
    paint(
      color,
      "bold",
      `  ${"step".padEnd(width)} ${"reach".padStart(8)} ${"visits".padStart(8)}  funnel`,
    ),
  );
  for (const [id, { reach, visits }] of steps) {
    const row =
      `  ${shown(id).padEnd(width)} ${percent(reach).padStart(8)} ${visits.toFixed(3).padStart(8)}  ${bar(reach)}`.trimEnd();
    lines.push(reach === 0 ? paint(color, "dim", row) : row);
  }
  if (steps.length === 0) lines.push("  (no steps: the flow completes as soon as it is shown)");
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------- Monte Carlo

const sparks = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];
/** A shown-per-day line wider than this draws one mark per several days. */
const sparkWidth = 60;
/** Up to this many days, shown per day is also listed day by day. */
const listedDays = 10;

/**
 * One mark per day (or per `per` days, summed) scaled to the busiest: `·` for none, then
 * eight heights.
 */
export function sparkline(values: readonly number[]): { marks: string; per: number } {
  const per = Math.max(1, Math.ceil(values.length / sparkWidth));
  const sums: number[] = [];
  for (let i = 0; i < values.length; i += per) {
    sums.push(values.slice(i, i + per).reduce((a, b) => a + b, 0));
  }
  const top = Math.max(0, ...sums);
  const marks = sums
    .map((v) => (v === 0 ? "·" : sparks[Math.max(0, Math.ceil((v / top) * sparks.length) - 1)]))
    .join("");
  return { marks, per };
}

/** `278 (58.04%)`, with `unit` after the count: the share is left out for 0 and of 0. */
function share(part: number, whole: number, unit = ""): string {
  const count = `${grouped(part)}${unit}`;
  return whole === 0 || part === 0 ? count : `${count} (${percent(part / whole)})`;
}

/**
 * The Monte Carlo result for people. `checklists` names the experiences that are
 * checklists: their items are no flow, so they have no steps to reach.
 */
export function formatMonteCarloHuman(
  forecast: MonteCarloForecast,
  checklists: ReadonlySet<string>,
  color: boolean,
): string {
  const { users, days, seed } = forecast;
  const lines = [
    paint(
      color,
      "bold",
      `Monte Carlo forecast of ${grouped(users)} users over ${days} ${days === 1 ? "day" : "days"} (seed ${seed})`,
    ),
    paint(color, "dim", "reach: the share of all users who entered a step, with its 95% interval"),
  ];
  for (const [id, experience] of Object.entries(forecast.experiences)) {
    lines.push("", ...experienceLines(id, experience, users, checklists.has(id), color));
  }
  return `${lines.join("\n")}\n`;
}

function experienceLines(
  id: string,
  experience: MonteCarloExperience,
  users: number,
  checklist: boolean,
  color: boolean,
): string[] {
  const { shownUsers, views, snoozes, ends, blocked, shownPerDay } = experience;
  const label = (name: string) => `  ${name.padEnd(9)} `;
  const reasons = Object.entries(blocked);
  const blockedLine = `${label("blocked")}${reasons.length === 0 ? "no one" : reasons.map(([code, n]) => `${code} ${grouped(n)}`).join(" · ")}`;
  const header = paint(color, "bold", plain(id));
  // Never shown: its ends, days and steps are all 0; what blocked it is the news.
  if (shownUsers === 0) return [header, `${label("shown")}no one`, blockedLine];
  const { marks, per } = sparkline(shownPerDay);
  const detail =
    shownPerDay.length <= listedDays ? shownPerDay.map(grouped).join(" · ") : peakDay(shownPerDay);
  const scale = per === 1 ? "" : paint(color, "dim", ` (a mark per ${per} days)`);
  return [
    header,
    `${label("shown")}${share(shownUsers, users, " users")} · ${grouped(views)} views · ${grouped(snoozes)} snoozes`,
    `${label("ends")}${Object.entries(ends)
      .map(([end, n]) => `${end} ${share(n, shownUsers)}`)
      .join(" · ")}`,
    blockedLine,
    `${label("per day")}${marks}  ${detail}${scale}`,
    "",
    ...stepLines(experience, checklist, color),
  ];
}

function peakDay(perDay: readonly number[]): string {
  let peak = 0;
  perDay.forEach((n, day) => {
    if (n > perDay[peak]) peak = day;
  });
  return `peak ${grouped(perDay[peak])} on day ${peak + 1}`;
}

function stepLines(experience: MonteCarloExperience, checklist: boolean, color: boolean): string[] {
  const steps = Object.entries(experience.steps);
  if (steps.length === 0) {
    return [
      checklist ? "  (a checklist: its items are no steps to reach)" : "  (no steps to reach)",
    ];
  }
  const idColumn = Math.max(4, ...steps.map(([id]) => shown(id).length));
  const usersColumn = Math.max(5, ...steps.map(([, s]) => grouped(s.reachUsers).length));
  const interval = ([low, high]: [number, number]) => `${percent(low)}–${percent(high)}`;
  const intervalColumn = Math.max(12, ...steps.map(([, s]) => interval(s.ci95).length));
  const lines = [
    paint(
      color,
      "bold",
      `  ${"step".padEnd(idColumn)} ${"users".padStart(usersColumn)} ${"reach".padStart(8)}  ${"95% interval".padEnd(intervalColumn)}  funnel`,
    ),
  ];
  for (const [id, step] of steps) {
    const row =
      `  ${shown(id).padEnd(idColumn)} ${grouped(step.reachUsers).padStart(usersColumn)} ${percent(step.reach).padStart(8)}  ${interval(step.ci95).padEnd(intervalColumn)}  ${bar(step.reach)}`.trimEnd();
    lines.push(step.reachUsers === 0 ? paint(color, "dim", row) : row);
  }
  return lines;
}

// How `flowscope forecast --exact` prints its answer for people: the ends, then each step's
// reach and expected visits beside a funnel drawn with block characters. Pure: tested
// in-process.
import type { ExactExperienceForecast } from "../../machines/forecast/index.ts";
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

function shown(id: string): string {
  // Control characters would move the cursor: a step id is data, not terminal commands.
  let plain = "";
  for (const char of id) plain += char < " " || char === "\u007f" ? "?" : char;
  return plain.length > idWidth ? `${plain.slice(0, idWidth - 1)}…` : plain;
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

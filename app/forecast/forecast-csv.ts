// The forecast as CSV (RFC 4180): one row per experience and step (users who reached it, the
// share and its 95% interval), per end and per blocking reason. Ids are data: every cell is
// quoted when it must be, and a cell a spreadsheet would run as a formula is defused.
import type { MonteCarloForecast } from "../../machines/forecast/index.ts";

export const csvHeader = ["experience", "kind", "id", "users", "share", "ci95_low", "ci95_high"];

type Cell = string | number;

/** A cell as CSV text: formulas defused (a leading quote), quoted when it holds , " or a newline. */
export function csvCell(cell: Cell): string {
  let text = typeof cell === "number" ? String(cell) : cell;
  if (typeof cell === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

const share = (n: number, of: number) => (of > 0 ? Number((n / of).toFixed(6)) : 0);
const fixed = (x: number) => Number(x.toFixed(6));

export function forecastCsv(result: MonteCarloForecast): string {
  const rows: Cell[][] = [csvHeader];
  const users = result.users;
  for (const [experience, e] of Object.entries(result.experiences)) {
    rows.push([experience, "shown", "", e.shownUsers, share(e.shownUsers, users), "", ""]);
    for (const [step, s] of Object.entries(e.steps)) {
      rows.push([
        experience,
        "step",
        step,
        s.reachUsers,
        fixed(s.reach),
        fixed(s.ci95[0]),
        fixed(s.ci95[1]),
      ]);
    }
    for (const [end, n] of Object.entries(e.ends)) {
      rows.push([experience, "end", end, n, share(n, users), "", ""]);
    }
    for (const [reason, n] of Object.entries(e.blocked)) {
      rows.push([experience, "blocked", reason, n ?? 0, share(n ?? 0, users), "", ""]);
    }
  }
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

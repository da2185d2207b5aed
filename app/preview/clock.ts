// The simulated clock in words: the instant (UTC, never the real clock) and the time since
// the start; hour amounts for "advance" read leniently.

const pad = (n: number) => String(n).padStart(2, "0");

export function formatInstant(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return "invalid date";
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** "+2 d 3 h", "+400 ms", "+0 ms". */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `+${ms} ms`;
  const parts: string[] = [];
  let rest = Math.floor(ms / 1000);
  const days = Math.floor(rest / 86400);
  rest -= days * 86400;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const seconds = rest - minutes * 60;
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  if (seconds && !days) parts.push(`${seconds} s`);
  return `+${parts.join(" ")}`;
}

/** A free amount of hours: a non-negative finite number, else undefined. */
export function parseHours(text: string): number | undefined {
  const value = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

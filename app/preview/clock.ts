// The simulated clock in words: the instant (UTC, never the real clock) and the time since
// the start; hour amounts for "advance" read leniently.
import { formatDuration } from "../timeline/duration.ts";

const pad = (n: number) => String(n).padStart(2, "0");

export function formatInstant(epochMs: number): string {
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return "invalid date";
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** "+2 d 3 h", "+400 ms", "+0 s": the time since the start (timeline/duration.ts words it). */
export function formatElapsed(ms: number): string {
  return `+${formatDuration(ms)}`;
}

/** A free amount of hours: a non-negative finite number, else undefined. */
export function parseHours(text: string): number | undefined {
  const value = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(value) && value >= 0 ? value : undefined;
}

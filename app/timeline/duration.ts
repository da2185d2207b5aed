// The one way the page writes a span of simulated time (issue 12): "400 ms", "1.5 s",
// "30 min", "1 h", "2 d 3 h", "90 d" — never "2160 h" or "+3600000 ms". The timeline, its
// lanes, the clock, script steps and the "Why not shown?" panel all use it. For whole minutes
// it reads as the explorer's "wait …" fixes do (machines/explore formatDuration).

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/** A duration in milliseconds, in words. Below a second in ms, below a minute in seconds. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return "—";
  if (ms < 0) return `−${formatDuration(-ms)}`;
  if (ms === 0) return "0 s";
  if (ms < second) return `${roundTo(ms, ms < 10 ? 1 : 0)} ms`;
  if (ms < minute) return `${roundTo(ms / second, ms < 10 * second ? 1 : 0)} s`;
  // Past a minute: whole units, seconds only within the first hour (they are noise beyond).
  const total = Math.round(ms / second);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    days ? `${days} d` : "",
    hours ? `${hours} h` : "",
    minutes ? `${minutes} min` : "",
    seconds && total < 3600 ? `${seconds} s` : "",
  ];
  return parts.filter(Boolean).join(" ");
}

/** Hours (a script's `advance`, a snooze, a recurrence) in words: 1 → "1 h", 2160 → "90 d". */
export function formatHours(hours: number): string {
  return formatDuration(hours * hour);
}

function roundTo(value: number, decimals: number): string {
  const factor = 10 ** decimals;
  return String(Math.round(value * factor) / factor);
}

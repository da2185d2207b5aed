// Time units of the simulated clock: milliseconds since the script's start.
export const hourMs = 3_600_000;

export function hoursToMs(hours: number): number {
  return Math.round(hours * hourMs);
}

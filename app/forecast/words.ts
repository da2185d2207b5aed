// Numbers in the Forecast panel's words.

export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

export function weight(w: number): string {
  return Number.isInteger(w) ? String(w) : w.toFixed(2).replace(/0$/, "");
}

// A small benchmark harness: warm-up, N timed runs with performance.now, median and p95,
// and a plain-text table. Suites live in bench/<name>.bench.ts and are listed in bench/run.ts.

export interface MeasureOptions {
  /** Untimed runs first, so the JIT and caches settle. */
  warmup?: number;
  iterations?: number;
}

export interface Measurement {
  name: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

export interface SuiteOutcome {
  /** Every target the suite checks was met. */
  targetsMet: boolean;
}

export interface BenchSuite {
  name: string;
  description: string;
  /** Prints its own report through `log`, one line per call. */
  run(log: (line: string) => void): SuiteOutcome | Promise<SuiteOutcome>;
}

/** Keeps results reachable so the engine cannot drop the timed work as dead code. */
let sink: unknown;
export function lastResult(): unknown {
  return sink;
}

export function measure(
  name: string,
  fn: () => unknown,
  options: MeasureOptions = {},
): Measurement {
  const { warmup = 3, iterations = 20 } = options;
  for (let i = 0; i < warmup; i++) sink = fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    sink = fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    name,
    iterations,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    minMs: samples[0],
  };
}

/** Nearest-rank percentile of ascending `sorted` samples (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of no samples");
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Left-aligned first column, right-aligned others, columns two spaces apart. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => (row[c] ?? "").length)));
  const line = (row: readonly string[]) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

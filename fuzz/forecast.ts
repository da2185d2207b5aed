// The forecast's differential fuzz (issue 13): generated projects, each with a generated
// model, every drawn user's script replayed through the engine; any user whose outcome
// differs from the population kernel's is a failure (written to the out folder with its
// project, model seed and script, so `flowscope simulate` reproduces it).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { forecastContext } from "../machines/forecast/index.ts";
import type { Project } from "../machines/format/index.ts";
import { projectArb } from "../test/arbitraries.ts";
import { bothResults, firstMismatch, generatedModel } from "../test/forecast-differential.ts";

export interface ForecastFuzzSummary {
  projects: number;
  users: number;
  failed: number;
  elapsedMs: number;
}

/** Runs generated projects for `durationMs`, `users` users each; failures go to `outDir`. */
export function fuzzForecast(
  seed: number,
  durationMs: number,
  outDir: string,
  users = 200,
): ForecastFuzzSummary {
  const started = performance.now();
  const summary: ForecastFuzzSummary = { projects: 0, users: 0, failed: 0, elapsedMs: 0 };
  const arbitrary = fc.tuple(projectArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }));
  // Batches of 10, each from its own seed: generated as they are needed, not up front.
  for (let batch = 0; performance.now() - started < durationMs; batch++) {
    for (const [project, modelSeed] of fc.sample(arbitrary, { seed: seed + batch, numRuns: 10 })) {
      if (performance.now() - started > durationMs) break;
      check(project, modelSeed);
    }
  }
  summary.elapsedMs = performance.now() - started;
  return summary;

  function check(project: Project, modelSeed: number): void {
    summary.projects++;
    summary.users += users;
    let what: unknown;
    try {
      const context = forecastContext(project, generatedModel(modelSeed, users));
      const mismatch = firstMismatch(context, 0, users);
      const [kernel, engine] = bothResults(context, Math.min(users, 50));
      if (!mismatch && kernel === engine) return;
      what = mismatch ?? { tallies: "the kernel's and the engine's results differ" };
    } catch (thrown) {
      // A drawn script the engine refuses or stops on is a difference too (or an engine bug).
      what = {
        thrown: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown),
      };
    }
    summary.failed++;
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `forecast-s${seed}-${summary.projects}.json`);
    writeFileSync(
      file,
      `${JSON.stringify({ modelSeed, users, mismatch: what, project }, null, 2)}\n`,
    );
  }
}

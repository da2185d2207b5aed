// How fast is `validateText` on a 10,000-step project? Baselines from the same run:
// JSON.parse of the same text, and the zod schema alone on the parsed value.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { project } from "../machines/format/schema.ts";
import { validateText } from "../machines/validate/index.ts";
import { type FreshRun, growth, medianFreshRun } from "./fresh-process.ts";
import { benchDefaults, countSteps, generateProject, unknownStepProject } from "./generate.ts";
import { type BenchSuite, formatTable, type Measurement, measure, ms } from "./harness.ts";

/** The target from the issue: validating 10,000 steps takes under 200 ms (judged on p95). */
export const validatorTargetMs = 200;

/** Issue 10: `validate` on 20,000 errors (unknown step ids) under 5 s and 1 GB, growing linearly. */
export const manyErrorsTarget = { sizes: [5_000, 20_000], ms: 5_000, peakMb: 1024 } as const;

export const validatorSuite: BenchSuite = {
  name: "validator",
  description: `validateText on a generated project of ${benchDefaults.tours * benchDefaults.stepsPerTour + benchDefaults.surveys * benchDefaults.stepsPerSurvey} steps`,
  run(log) {
    const generated = generateProject();
    const text = JSON.stringify(generated, null, 2);
    const steps = countSteps(generated);
    const parsed: unknown = JSON.parse(text);
    const check = validateText(text);
    const errors = check.diagnostics.filter((d) => d.severity === "error").length;
    log(
      `project: ${steps} steps in ${generated.experiences?.length} experiences, ${(text.length / 1024).toFixed(0)} KiB; ` +
        `validator finds ${errors} errors, ${check.diagnostics.length - errors} warnings`,
    );

    const jsonParse = measure("JSON.parse (baseline)", () => JSON.parse(text), {
      warmup: 5,
      iterations: 40,
    });
    const zod = measure("zod project.safeParse", () => project.safeParse(parsed), {
      warmup: 5,
      iterations: 30,
    });
    const validator = measure("validateText", () => validateText(text), {
      warmup: 3,
      iterations: 20,
    });
    log(resultTable([jsonParse, zod, validator], jsonParse, steps));

    const met = validator.p95Ms < validatorTargetMs;
    log(
      `${met ? "PASS" : "MISS"}  validateText p95 ${ms(validator.p95Ms)} (median ${ms(validator.medianMs)}) ` +
        `vs target < ${validatorTargetMs} ms for ${steps} steps`,
    );
    log("");
    const manyErrorsMet = manyErrorsRows(log);
    return { targetsMet: met && manyErrorsMet };
  },
};

/**
 * `flowscope validate` (reading, validating and printing) on a tour whose every step has an
 * unknownStep error, each size in fresh processes (median of 3): time, peak memory, output.
 */
function manyErrorsRows(log: (line: string) => void): boolean {
  const dir = mkdtempSync(join(tmpdir(), "flowscope-bench-errors-"));
  try {
    const runs: FreshRun[] = [];
    const rows = manyErrorsTarget.sizes.map((errors, i) => {
      const file = join(dir, `errors-${errors}.json`);
      writeFileSync(file, JSON.stringify(unknownStepProject(errors), null, 2));
      const run = medianFreshRun(["validate", file], 3);
      runs.push(run);
      const previous = runs[i - 1];
      return [
        `validate with ${errors.toLocaleString("en-US")} errors`,
        ms(run.ms),
        ms(run.cpuMs),
        `${run.peakMb.toFixed(0)} MB`,
        `${(run.outBytes / 1e6).toFixed(1)} MB`,
        previous ? growth(run.ms, previous.ms) : "",
        previous ? growth(run.peakMb, previous.peakMb) : "",
      ];
    });
    const [small, large] = manyErrorsTarget.sizes;
    log(
      formatTable(
        ["", "median", "cpu", "peak memory", "output", `time vs ${small}`, `memory vs ${small}`],
        rows,
      ),
    );
    const last = runs[runs.length - 1];
    const met = last.ms < manyErrorsTarget.ms && last.peakMb < manyErrorsTarget.peakMb;
    log(
      `${met ? "PASS" : "MISS"}  validate with ${large.toLocaleString("en-US")} errors: ${ms(last.ms)}, ` +
        `${last.peakMb.toFixed(0)} MB peak (target < ${manyErrorsTarget.ms} ms and < ${manyErrorsTarget.peakMb} MB; ` +
        `×${large / small} errors should cost about ×${large / small})`,
    );
    return met;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function resultTable(rows: Measurement[], baseline: Measurement, steps: number): string {
  const header = ["", "runs", "median", "p95", "min", "steps/s", "× JSON.parse"];
  return formatTable(
    header,
    rows.map((m) => [
      m.name,
      String(m.iterations),
      ms(m.medianMs),
      ms(m.p95Ms),
      ms(m.minMs),
      Math.round(steps / (m.medianMs / 1000)).toLocaleString("en-US"),
      `${(m.medianMs / baseline.medianMs).toFixed(1)}×`,
    ]),
  );
}

// How fast is `validateText` on a 10,000-step project? Baselines from the same run:
// JSON.parse of the same text, and the zod schema alone on the parsed value.
import { project } from "../machines/format/schema.ts";
import { validateText } from "../machines/validate/index.ts";
import { benchDefaults, countSteps, generateProject } from "./generate.ts";
import { type BenchSuite, formatTable, type Measurement, measure, ms } from "./harness.ts";

/** The target from the issue: validating 10,000 steps takes under 200 ms (judged on p95). */
export const validatorTargetMs = 200;

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
    return { targetsMet: met };
  },
};

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

// The population kernel agrees with the engine (issue 13, "Must show"): users drawn on every
// example and on generated projects replay through `simulate` to the same outcome, and the
// kernel's tally equals the engine's (the same draws, in the same order). A seeded slice;
// `npm run fuzz` runs a longer one (fuzz/forecast.ts).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastContext } from "../machines/forecast/index.ts";
import { forecastModel } from "../machines/format/index.ts";
import { validateDocument } from "../machines/validate/index.ts";
import { projectArb } from "./arbitraries.ts";
import { bothResults, firstMismatch, generatedModel } from "./forecast-differential.ts";

const examples = join(import.meta.dirname, "..", "examples");

function exampleProject(file: string) {
  const { project } = validateDocument(JSON.parse(readFileSync(join(examples, file), "utf8")));
  if (!project) throw new Error(`${file} does not validate`);
  return project;
}

/** Every page an example's experiences and triggers name, `*` read as "x", plus a few. */
function examplePages(file: string): Record<string, number> {
  const text = readFileSync(join(examples, file), "utf8");
  const pages = new Set(["/dashboard", "/settings"]);
  for (const match of text.matchAll(/"(\/[^"\s]*)"/g)) pages.add(match[1].replaceAll("*", "x"));
  return Object.fromEntries([...pages].map((url) => [url, 1]));
}

/** Users shown each experience, summed, from a result's JSON. */
function shownUsers(json: string): number {
  const result = JSON.parse(json) as { experiences: Record<string, { shownUsers: number }> };
  return Object.values(result.experiences).reduce((sum, e) => sum + e.shownUsers, 0);
}

const exampleFiles = readdirSync(examples).filter((file) => file.endsWith(".json"));

describe("the population kernel against the engine", () => {
  it.each(exampleFiles)("%s: 1,000 drawn users replay to the same outcome", (file) => {
    const project = exampleProject(file);
    const model = forecastModel.parse({
      seed: 11,
      users: 1000,
      days: 6,
      visits: { perDay: 1.5, pages: examplePages(file) },
      default: { cta: 3, close: 1, ignore: 1, trigger: 1 },
    });
    const context = forecastContext(project, model);
    expect(firstMismatch(context, 0, 1000)).toBeUndefined();
    const [kernel, engine] = bothResults(context, 300);
    expect(kernel).toBe(engine);
    // Users were shown what shows by itself: the slice is not vacuous.
    if (project.experiences.some((e) => e.showOn.trigger === "auto")) {
      expect(shownUsers(kernel)).toBeGreaterThan(0);
    }
  });

  it("generated projects: drawn users replay to the same outcome, tallies equal", () => {
    let shown = 0;
    fc.assert(
      fc.property(projectArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (project, seed) => {
        const context = forecastContext(project, generatedModel(seed, 60));
        const mismatch = firstMismatch(context, 0, 60);
        expect(mismatch, JSON.stringify(mismatch)).toBeUndefined();
        const [kernel, engine] = bothResults(context, 60);
        expect(kernel).toBe(engine);
        if (shownUsers(kernel) > 0) shown++;
      }),
      { seed: 2026, numRuns: 120 },
    );
    // Many generated projects show something to their users: the property is not vacuous.
    expect(shown).toBeGreaterThan(30);
  });
});

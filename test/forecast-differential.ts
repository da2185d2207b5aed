// The population kernel against the engine (issue 13): every user the kernel draws is an
// ordinary script (SPEC §5); replayed through `simulate`, it must give that user's outcome
// exactly — status, step, visited, views and snoozes of every experience. Shared by the
// seeded slice in npm test (forecast-kernel.test.ts) and the longer run in npm run fuzz.
import { simulate } from "../machines/engine/index.ts";
import {
  drawnUser,
  type ForecastContext,
  forecastUsers,
  monteCarloResult,
} from "../machines/forecast/index.ts";
import { type ForecastModel, forecastModel } from "../machines/format/index.ts";
import type { Script } from "../machines/format/script.ts";
import { urls } from "./arbitraries.ts";

export const comparedFields = [
  "status",
  "step",
  "visited",
  "views",
  "snoozeCount",
  "tasksDone",
] as const;

export interface Mismatch {
  user: number;
  experience: string;
  field: string;
  kernel: unknown;
  engine: unknown;
  script: Script;
}

/** A model for a generated project: its pages, every interaction weighed, a few days. */
export function generatedModel(seed: number, users: number): ForecastModel {
  return forecastModel.parse({
    seed,
    users,
    days: 3,
    visits: { perDay: 1.5, pages: Object.fromEntries(urls.map((url, i) => [url, i + 1])) },
    default: { cta: 3, close: 1, ignore: 1, trigger: 1, answer: 3 },
  });
}

/** Users [from, to) drawn by the kernel, each replayed through the engine; the first mismatch. */
export function firstMismatch(
  context: ForecastContext,
  from: number,
  to: number,
): Mismatch | undefined {
  for (let user = from; user < to; user++) {
    const drawn = drawnUser(context, user, "kernel");
    const replayed = simulate(context.project, drawn.script).experiences;
    for (const experience of context.project.experiences) {
      const kernel = drawn.experiences[experience.id];
      const engine = replayed[experience.id];
      for (const field of comparedFields) {
        if (JSON.stringify(kernel[field]) === JSON.stringify(engine[field])) continue;
        return {
          user,
          experience: experience.id,
          field,
          kernel: kernel[field],
          engine: engine[field],
          script: drawn.script,
        };
      }
    }
  }
  return undefined;
}

/** The SPEC §5 result of users [0, users) run by the kernel and by the engine, as JSON. */
export function bothResults(context: ForecastContext, users: number): [string, string] {
  const run = (runner: "kernel" | "engine") =>
    JSON.stringify(monteCarloResult(context, forecastUsers(context, 0, users, { runner })));
  return [run("kernel"), run("engine")];
}

// The example forecast models (issue 13 item 5): examples/forecasts/<project>.model.json is
// the model of examples/<project>.json. Each passes the model checks (the library's and the
// CLI's exact mode on every experience), and a small seeded Monte Carlo of it keeps the
// result's books balanced. Users and days are cut down here: the test runs on the engine.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkForecastModel,
  checkMonteCarloModel,
  exactForecast,
  forecastContext,
  forecastUsers,
  type MonteCarloForecast,
  monteCarloResult,
} from "../machines/forecast/index.ts";
import { type ForecastModel, forecastModel, type Project } from "../machines/format/index.ts";
import { matchesAny } from "../machines/model/index.ts";
import { validateText } from "../machines/validate/index.ts";
import { runInProcess } from "./cli-run.ts";

const examples = join(import.meta.dirname, "..", "examples");
const forecasts = join(examples, "forecasts");
const suffix = ".model.json";

const modelFiles = readdirSync(forecasts)
  .filter((name) => name.endsWith(suffix))
  .sort();

/** The naming convention: `<project>.model.json` forecasts `examples/<project>.json`. */
function projectFileOf(modelFile: string): string {
  return join(examples, `${modelFile.slice(0, -suffix.length)}.json`);
}

function projectOf(modelFile: string): Project {
  const result = validateText(readFileSync(projectFileOf(modelFile), "utf8"));
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (!result.project || errors.length > 0) throw new Error(JSON.stringify(errors, null, 2));
  return result.project;
}

function rawModel(modelFile: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(forecasts, modelFile), "utf8"));
}

/** A small run of the model on the engine: few users, few days, the model's own seed. */
function smallForecast(modelFile: string, users: number, days: number): MonteCarloForecast {
  const model = forecastModel.parse({ ...rawModel(modelFile), users, days });
  const context = forecastContext(projectOf(modelFile), model);
  return monteCarloResult(context, forecastUsers(context, 0, users));
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe("examples/forecasts", () => {
  it("holds a model for the NPS example and for the multi-experience launch week", () => {
    expect(modelFiles).toEqual(expect.arrayContaining(["launch-week.model.json"]));
    expect(modelFiles).toEqual(expect.arrayContaining(["nps-survey.model.json"]));
  });

  describe.each(modelFiles)("%s", (modelFile) => {
    it("names a valid project beside it and passes every model check", () => {
      const project = projectOf(modelFile);
      const raw = rawModel(modelFile);
      expect(raw.$schema).toBe("../../schema/forecast-model.schema.json");
      const parsed = forecastModel.safeParse(raw);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      const model = parsed.data as ForecastModel;
      expect(checkForecastModel(project, model)).toEqual([]);
      expect(checkMonteCarloModel(model)).toEqual([]);
      // The examples forecast a realistic launch: 100,000 users over 30 days.
      expect({ users: model.users, days: model.days }).toEqual({ users: 100_000, days: 30 });
      // A model none of whose pages an automatic experience shows on would forecast nothing.
      const pages = [...(model.visits?.pages.keys() ?? [])];
      for (const experience of project.experiences.filter((e) => e.showOn.trigger === "auto")) {
        expect(
          pages.some((page) => matchesAny(experience.showOn.urls, page)),
          `${experience.id}: no page of the model matches its urls`,
        ).toBe(true);
      }
    });

    it("passes `forecast --exact` on every experience, ends adding up to 1", async () => {
      const project = projectOf(modelFile);
      const model = forecastModel.parse(rawModel(modelFile));
      for (const experience of project.experiences.filter((e) => e.type !== "checklist")) {
        const exact = exactForecast(project, model, experience.id).experiences[experience.id];
        expect(Math.abs(sum(Object.values(exact.ends)) - 1), experience.id).toBeLessThan(1e-9);
        const { code, err } = await runInProcess([
          "forecast",
          projectFileOf(modelFile),
          "--model",
          join(forecasts, modelFile),
          "--experience",
          experience.id,
          "--exact",
          "--json",
        ]);
        expect({ code, err }, experience.id).toEqual({ code: 0, err: "" });
      }
    });

    it("runs a small Monte Carlo whose result keeps its books", () => {
      const users = 300;
      const days = 5;
      const result = smallForecast(modelFile, users, days);
      expect({ users: result.users, days: result.days }).toEqual({ users, days });
      const experiences = Object.entries(result.experiences);
      expect(experiences.length).toBe(projectOf(modelFile).experiences.length);
      expect(sum(experiences.map(([, e]) => e.shownUsers))).toBeGreaterThan(0);
      for (const [id, experience] of experiences) {
        const { shownUsers, views, ends, steps, shownPerDay } = experience;
        expect(shownUsers, id).toBeLessThanOrEqual(users);
        expect(sum(Object.values(ends)), id).toBe(shownUsers);
        expect(shownPerDay.length, id).toBe(days);
        expect(sum(shownPerDay), id).toBe(shownUsers);
        expect(views, id).toBeGreaterThanOrEqual(shownUsers);
        const reaches = Object.values(steps);
        // Every user shown enters the first step; no step is entered by more users.
        expect(reaches[0]?.reachUsers, id).toBe(shownUsers);
        for (const { reachUsers, reach, ci95 } of reaches) {
          expect(reachUsers).toBeLessThanOrEqual(shownUsers);
          expect(reach).toBeGreaterThanOrEqual(0);
          expect(reach).toBeLessThanOrEqual(1);
          expect(reach).toBe(reachUsers / users);
          expect(ci95[0]).toBeLessThanOrEqual(reach);
          expect(ci95[1]).toBeGreaterThanOrEqual(reach);
        }
      }
    });
  });
});

describe("the launch week forecast", () => {
  const result = smallForecast("launch-week.model.json", 300, 5);
  const banner = result.experiences["automations-banner"];
  const tour = result.experiences["automations-tour"];
  const pulse = result.experiences["automations-pulse"];

  it("launches the tour from the banner's CTA", () => {
    expect(banner.ends.launched).toBeGreaterThan(0);
    // A launch out of the banner always lands the tour: it has not been seen yet.
    expect(tour.shownUsers).toBeGreaterThanOrEqual(banner.ends.launched);
  });

  it("starves the survey through the shared rate limit on the banner's day", () => {
    expect(pulse.blocked.rateLimited).toBeGreaterThan(0);
    // One show a day: the banner (shown on the first session on any of the survey's pages)
    // uses up day 0, so the survey first shows on day 1.
    expect(pulse.shownPerDay[0]).toBe(0);
    expect(pulse.shownUsers).toBeGreaterThan(0);
  });
});

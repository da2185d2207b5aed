// The model the Forecast panel starts from on a project that has none saved: a modest
// population of 100,000 (the population kernel runs them in a fraction of a second), a week, one session a
// day, every persona alike, and the pages the project's experiences show on automatically.
import type { ForecastModel, Project } from "../../machines/format/index.ts";
import { defaultStepBehaviour, forecastModel } from "../../machines/format/index.ts";
import { matchesPage } from "../../machines/model/index.ts";

export const defaultUsers = 100_000;
export const defaultDays = 7;
export const defaultSessionsPerDay = 1;
export const defaultSeed = 1;

/**
 * One page per page pattern an experience shows on automatically: the pattern with each `*`
 * read as nothing (the shortest page it matches, as the forecast reads a URL trigger), or
 * "/" when that is empty; "/" alone when no experience shows automatically.
 */
export function defaultPages(project: Project): string[] {
  const pages = new Set<string>();
  for (const experience of project.experiences) {
    if (experience.showOn.trigger !== "auto") continue;
    for (const pattern of experience.showOn.urls) {
      const page = pattern.replaceAll("*", "") || "/";
      if (matchesPage(pattern, page)) pages.add(page);
    }
  }
  return pages.size > 0 ? [...pages] : ["/"];
}

export function defaultModel(project: Project): ForecastModel {
  return forecastModel.parse({
    seed: defaultSeed,
    users: defaultUsers,
    days: defaultDays,
    personas: Object.fromEntries(project.personas.map((persona) => [persona.id, 1])),
    visits: {
      perDay: defaultSessionsPerDay,
      pages: Object.fromEntries(defaultPages(project).map((page) => [page, 1])),
    },
    default: { ...defaultStepBehaviour },
  });
}

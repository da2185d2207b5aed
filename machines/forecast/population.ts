// The population a Monte Carlo forecast draws (SPEC §5): users by persona weight, Poisson
// sessions per day, one page per session by weight. Every user's plan is drawn up front from
// its own stream, in one fixed order (persona, then per day: the session count, the minutes,
// then each session's page), so both runners (kernel and engine) see the same plan.
import type { AnswerValue } from "../compile/survey.ts";
import type { ForecastModel } from "../format/forecast-model.ts";
import type { Project, Step } from "../format/schema.ts";
import type { Diagnostic } from "../model/diagnostic.ts";
import { error } from "../model/diagnostic.ts";
import { answerRange, forecastStartAt } from "../semantics.ts";
import type { UserStream } from "./streams.ts";

const minuteMs = 60_000;
const minutesPerDay = 1440;

export interface PopulationPlan {
  seed: number;
  users: number;
  days: number;
  /** The model's start.at, epoch ms. */
  startMs: number;
  perDay: number;
  personaIds: string[];
  personaAttributes: Record<string, unknown>[];
  personaCumulative: Float64Array;
  pages: string[];
  pageCumulative: Float64Array;
}

/** What Monte Carlo needs that exact mode does not: each missing field at its pointer. */
export function checkMonteCarloModel(model: ForecastModel): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const need = (field: string, what: string) =>
    problems.push(error("missingField", `Monte Carlo needs "${field}": ${what}`, ""));
  if (model.users === undefined) need("users", "how many users to simulate");
  if (model.days === undefined) need("days", "the horizon in days");
  if (model.visits === undefined) need("visits", '{ "perDay": …, "pages": { "/url": weight } }');
  else if (![...model.visits.pages.values()].some((w) => w > 0)) {
    problems.push(
      error("noPages", "visits.pages needs a page of positive weight", "/visits/pages"),
    );
  }
  if (
    model.personas &&
    model.personas.size > 0 &&
    ![...model.personas.values()].some((w) => w > 0)
  ) {
    problems.push(error("noPersonas", "personas needs a persona of positive weight", "/personas"));
  }
  return problems;
}

/** The plan of a model checkMonteCarloModel accepts. */
export function populationPlan(project: Project, model: ForecastModel): PopulationPlan {
  const visits = model.visits ?? { perDay: 0, pages: new Map<string, number>() };
  // Decided here: without `personas`, every persona of the project weighs the same; a project
  // without personas has users without attributes.
  const personaWeights: [string, number][] = model.personas
    ? [...model.personas]
    : project.personas.map((p) => [p.id, 1]);
  const personas = personaWeights.filter(([, w]) => w > 0);
  const byId = new Map(project.personas.map((p) => [p.id, p]));
  const pages = [...visits.pages].filter(([, w]) => w > 0);
  return {
    seed: model.seed ?? 0,
    users: model.users ?? 0,
    days: model.days ?? 0,
    startMs: Date.parse(model.start?.at ?? forecastStartAt),
    perDay: visits.perDay,
    personaIds: personas.map(([id]) => id),
    personaAttributes: personas.map(([id]) => byId.get(id)?.attributes ?? {}),
    personaCumulative: running(personas.map(([, w]) => w)),
    pages: pages.map(([url]) => url),
    pageCumulative: running(pages.map(([, w]) => w)),
  };
}

function running(weights: number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    out[i] = total;
  });
  return out;
}

/** One user's sessions: times (ms since the model's start, ascending) and pages. Reused. */
export class SessionPlan {
  persona = -1;
  count = 0;
  times = new Float64Array(64);
  pages = new Int32Array(64);

  /** Draws user `index`'s plan from its stream (which `draw` resets). */
  draw(plan: PopulationPlan, stream: UserStream, index: number): void {
    stream.reset(plan.seed, index);
    // One number for the persona even when there is no choice, so streams stay aligned.
    const personas = plan.personaCumulative.length;
    if (personas === 0) stream.uniform();
    this.persona = personas === 0 ? -1 : stream.pickIn(plan.personaCumulative, 0, personas);
    // Poisson(perDay) sessions on each day, at uniform minutes, are one Poisson process: drawn
    // as Poisson(perDay × days) sessions at uniform minutes of the horizon (one count, not
    // one per day). Decided here: a session starts at a whole minute.
    const count = plan.days > 0 ? stream.poisson(plan.perDay * plan.days) : 0;
    this.reserve(count);
    this.count = count;
    const minutes = plan.days * minutesPerDay;
    const times = this.times;
    for (let s = 0; s < count; s++) {
      // Insertion keeps them in time order: few a user, and a typed sort is slow on few.
      const at = stream.below(minutes) * minuteMs;
      let i = s;
      while (i > 0 && times[i - 1] > at) {
        times[i] = times[i - 1];
        i--;
      }
      times[i] = at;
    }
    for (let s = 0; s < count; s++) {
      this.pages[s] = stream.pickIn(plan.pageCumulative, 0, plan.pageCumulative.length);
    }
  }

  private reserve(size: number): void {
    if (size <= this.times.length) return;
    const times = new Float64Array(Math.max(size, this.times.length * 2));
    times.set(this.times);
    const pages = new Int32Array(times.length);
    pages.set(this.pages);
    this.times = times;
    this.pages = pages;
  }
}

/** What a uniform answer draws from, per step (computed once: a draw allocates nothing). */
export interface AnswerDomain {
  kind: Step["kind"];
  min: number;
  max: number;
  options: string[];
}

export function answerDomain(step: Step): AnswerDomain {
  const { min, max } =
    step.kind === "nps" || step.kind === "scale" ? answerRange(step) : { min: 0, max: 0 };
  const q = step.question;
  const options = q && "options" in q ? [...new Set(q.options)] : [];
  return { kind: step.kind, min, max, options };
}

/**
 * An answer drawn uniformly from those the step allows (the same mix exact mode weighs,
 * answers.ts): an integer of the range, an option, a non-empty set of options (in the
 * options' order), or "" for text.
 */
export function uniformAnswer(domain: AnswerDomain, stream: UserStream): AnswerValue {
  switch (domain.kind) {
    case "nps":
    case "scale":
      return domain.min + stream.below(domain.max - domain.min + 1);
    case "choice":
      return domain.options[stream.below(domain.options.length)];
    case "multiChoice": {
      const options = domain.options;
      for (;;) {
        const chosen = options.filter(() => stream.uniform() < 0.5);
        if (chosen.length > 0 || options.length === 0) return chosen;
      }
    }
    default:
      return "";
  }
}

// One simulated user's days (SPEC §5), whatever runs the world: the population kernel or the
// engine. The driver owns every draw after the plan, in one order (per interaction: one
// number for the offer, one more for a uniform answer), so both worlds see the same choices
// and the script it records is the one that replays to the user's outcome.
import type { AnswerValue } from "../compile/survey.ts";
import type { Script, ScriptStep } from "../format/script.ts";
import { forecastNoSessionUrl, forecastUserId, maxInteractionsPerSession } from "../semantics.ts";
import type { ForecastLayout } from "./layout.ts";
import { OfferKind, offerStep } from "./layout.ts";
import type { PopulationPlan, SessionPlan } from "./population.ts";
import { uniformAnswer } from "./population.ts";
import type { UserStream } from "./streams.ts";
import type { TallySink } from "./tally.ts";

// A module-level copy: imported bindings are getters under some loaders (a hot-loop cost).
const interactionBound = maxInteractionsPerSession;
const ignoreKind = OfferKind.ignore;
const anyAnswerKind = OfferKind.anyAnswer;

/** A world one user runs in. Pages are the plan's page numbers; steps the layout's. */
export interface UserWorld {
  /** Starts user `index` with `persona` (-1: none) on `page` (-1: no session at all), `at`
   *  ms after the model's start. */
  begin(index: number, persona: number, page: number, at: number): void;
  /** Simulated ms since the user's start. */
  now(): number;
  advance(ms: number): void;
  navigate(page: number): void;
  /** The global step number `experience` shows, or -1 (not on screen, or a checklist). */
  stepOnScreen(experience: number): number;
  /** Takes offer number `offer` (the layout's) on the step `experience` shows. */
  act(experience: number, offer: number, value: AnswerValue | undefined): void;
  /** Adds the user's outcome to `sink` (after sink.beginUser() and the run); `base` is the
   *  user's start, in ms since the model's start. */
  tally(sink: TallySink, base: number): void;
}

/** The ISO time `ms` after the epoch, without milliseconds when they are 0. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

/** The script a user's plan starts with: its first session's page and time. */
export function scriptStart(plan: PopulationPlan, sessions: SessionPlan) {
  if (sessions.count === 0) return { url: forecastNoSessionUrl, at: isoAt(plan.startMs) };
  return { url: plan.pages[sessions.pages[0]], at: isoAt(plan.startMs + sessions.times[0]) };
}

/** Scratch a driver reuses between users (no per-user allocation). */
export class DriverScratch {
  /** Per experience: the session (a number that only grows) in which the user ignored it. */
  ignored: Int32Array;
  session = 0;
  constructor(experiences: number) {
    this.ignored = new Int32Array(experiences);
  }
}

/**
 * Runs user `index`, whose plan `sessions` holds (drawn from `stream`), in `world`. With
 * `steps`, the script steps it takes are pushed there.
 */
export function driveUser(
  world: UserWorld,
  layout: ForecastLayout,
  plan: PopulationPlan,
  sessions: SessionPlan,
  stream: UserStream,
  index: number,
  scratch: DriverScratch,
  steps?: ScriptStep[],
): void {
  const base = sessions.count === 0 ? 0 : sessions.times[0];
  world.begin(index, sessions.persona, sessions.count === 0 ? -1 : sessions.pages[0], base);
  const ignored = scratch.ignored;
  for (let s = 0; s < sessions.count; s++) {
    if (s > 0) {
      const wait = sessions.times[s] - base - world.now();
      if (wait > 0) {
        steps?.push({ do: "advance", hours: wait / 3_600_000 });
        world.advance(wait);
      }
      steps?.push({ do: "navigate", url: plan.pages[sessions.pages[s]] });
      world.navigate(sessions.pages[s]);
    }
    const session = ++scratch.session;
    for (let n = 0; n < interactionBound; n++) {
      // The first experience on screen (in `experiences` order) the user has not ignored.
      let acting = -1;
      let step = -1;
      for (let e = 0; e < ignored.length; e++) {
        if (ignored[e] === session) continue;
        step = world.stepOnScreen(e);
        if (step >= 0) {
          acting = e;
          break;
        }
      }
      if (acting < 0) break;
      const from = layout.offerStart[step];
      const to = layout.offerStart[step + 1];
      const offer = from === to ? -1 : stream.pickIn(layout.offerCumulative, from, to);
      const kind = offer < 0 ? ignoreKind : layout.offerKind[offer];
      if (kind === ignoreKind) {
        ignored[acting] = session;
        continue;
      }
      const value =
        kind === anyAnswerKind ? uniformAnswer(layout.answerDomains[step], stream) : undefined;
      steps?.push(offerStep(layout.experiences[acting].id, layout.offers[offer], value));
      world.act(acting, offer, value);
    }
  }
}

/** User `index`'s script, from its plan and the steps the driver recorded. */
export function userScript(
  plan: PopulationPlan,
  sessions: SessionPlan,
  index: number,
  steps: ScriptStep[],
): Script {
  const attributes = sessions.persona < 0 ? {} : plan.personaAttributes[sessions.persona];
  return {
    user: { id: forecastUserId(index), attributes: structuredClone(attributes) },
    start: scriptStart(plan, sessions),
    steps,
  };
}

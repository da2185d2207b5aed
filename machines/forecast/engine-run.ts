// One simulated user run on the engine (machines/engine): the reference the population
// kernel is checked against, and the runner for projects the kernel does not model. It
// draws from the same plan and in the same order as the kernel: per session, the page, then
// per interaction one number for the offer (and one more for a uniform answer).

import type { Simulation } from "../engine/index.ts";
import { createSimulation } from "../engine/index.ts";
import type { Project } from "../format/schema.ts";
import type { ExperienceResult, Script, ScriptStep } from "../format/script.ts";
import { forecastNoSessionUrl, forecastUserId, maxInteractionsPerSession } from "../semantics.ts";
import type { ForecastLayout } from "./layout.ts";
import { offerStep } from "./layout.ts";
import type { PopulationPlan, SessionPlan } from "./population.ts";
import { uniformAnswer } from "./population.ts";
import type { UserStream } from "./streams.ts";
import { endNumber, reasonNumber, type TallySink } from "./tally.ts";

/** The ISO time `ms` after the epoch, without milliseconds when they are 0. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}

export interface UserRun {
  script: Script;
  experiences: Record<string, ExperienceResult>;
}

/** The script's start for a user's plan: its first session's page and time. */
export function scriptStart(plan: PopulationPlan, sessions: SessionPlan) {
  if (sessions.count === 0) return { url: forecastNoSessionUrl, at: isoAt(plan.startMs) };
  return { url: plan.pages[sessions.pages[0]], at: isoAt(plan.startMs + sessions.times[0]) };
}

/**
 * Runs one user (whose plan `sessions` holds, drawn from `stream`) on the engine, into
 * `sink`; with `record`, returns the drawn script and the per-experience outcome.
 */
export function runUserOnEngine(
  project: Project,
  layout: ForecastLayout,
  plan: PopulationPlan,
  sessions: SessionPlan,
  stream: UserStream,
  index: number,
  sink: TallySink | undefined,
  record: boolean,
): UserRun | undefined {
  const user = {
    id: forecastUserId(index),
    attributes:
      sessions.persona < 0 ? {} : structuredClone(plan.personaAttributes[sessions.persona]),
  };
  const start = scriptStart(plan, sessions);
  const base = sessions.count === 0 ? 0 : sessions.times[0];
  const lastLaunch = new Uint8Array(layout.experiences.length);
  const sim = createSimulation(project, {
    user,
    start,
    onEdge: ({ experience, edge }) => {
      const e = layout.experienceNumber.get(experience);
      const number = e === undefined ? undefined : layout.experiences[e].edgeNumber.get(edge);
      if (e === undefined || number === undefined) return;
      lastLaunch[e] = layout.edgeLaunches[number];
      sink?.took(number);
    },
  });
  const steps: ScriptStep[] = [];
  const run = (step: ScriptStep) => {
    if (record) steps.push(step);
    sim.run(step);
  };
  const ignored = new Int32Array(layout.experiences.length);
  for (let s = 0; s < sessions.count; s++) {
    if (s > 0) {
      const wait = sessions.times[s] - base - sim.now();
      if (wait > 0) run({ do: "advance", hours: wait / 3_600_000 });
      run({ do: "navigate", url: plan.pages[sessions.pages[s]] });
    }
    interact(sim, layout, stream, ignored, s + 1, run);
  }
  if (sink) tallyUser(sim, layout, base, lastLaunch, sink);
  if (!record) return undefined;
  const result = sim.result();
  return { script: { user, start, steps }, experiences: result.experiences };
}

/** The session's interactions: the first flow on screen (in `experiences` order) not ignored. */
function interact(
  sim: Simulation,
  layout: ForecastLayout,
  stream: UserStream,
  ignored: Int32Array,
  session: number,
  run: (step: ScriptStep) => void,
): void {
  const world = sim.world();
  for (let n = 0; n < maxInteractionsPerSession; n++) {
    let acting = -1;
    let stepNumber = -1;
    for (let e = 0; e < layout.experiences.length; e++) {
      const { id, experience, stepNumber: numbers } = layout.experiences[e];
      if (experience.type === "checklist" || ignored[e] === session) continue;
      const state = world.experiences[id];
      if (state.status !== "active" || state.step === null) continue;
      acting = e;
      stepNumber = numbers.get(state.step) as number;
      break;
    }
    if (acting < 0) return;
    const { offers, cumulative } = layout.offers[stepNumber];
    const offer = offers.length === 0 ? undefined : offers[stream.pick(cumulative, offers.length)];
    if (!offer || offer.kind === "ignore") {
      ignored[acting] = session;
      continue;
    }
    const value =
      offer.kind === "anyAnswer" ? uniformAnswer(layout.steps[stepNumber], stream) : undefined;
    run(offerStep(layout.experiences[acting].id, offer, value));
  }
}

function tallyUser(
  sim: Simulation,
  layout: ForecastLayout,
  base: number,
  lastLaunch: Uint8Array,
  sink: TallySink,
): void {
  sink.beginUser();
  const world = sim.world();
  const firstShown = new Float64Array(layout.experiences.length).fill(-1);
  for (const entry of world.trace) {
    if (entry.type === "experience.shown") {
      const e = layout.experienceNumber.get(entry.experience as string) as number;
      if (firstShown[e] < 0) firstShown[e] = entry.at;
    } else if (entry.type === "show.skipped") {
      const e = layout.experienceNumber.get(entry.experience as string) as number;
      for (const reason of (entry.reasons ?? []) as { code: string }[]) {
        const r = reasonNumber[reason.code as keyof typeof reasonNumber];
        if (r !== undefined) sink.blocked(e, r);
      }
    }
  }
  layout.experiences.forEach((layoutOf, e) => {
    const state = world.experiences[layoutOf.id];
    if (state.views === 0) return;
    for (const step of state.visited) sink.reached(layoutOf.stepNumber.get(step) as number);
    const end =
      state.status === "active"
        ? endNumber.open
        : state.status === "dismissed" && lastLaunch[e] === 1
          ? endNumber.launched
          : endNumber[state.status as "completed" | "dismissed" | "snoozed"];
    sink.shown(e, base + firstShown[e], state.views, state.snoozeCount, end);
  });
}

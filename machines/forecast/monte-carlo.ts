// Monte Carlo forecasts (SPEC §5): users [from, to) run into a tally; tallies add up; the
// result reads the tally. Which runner runs a user does not change what it draws.
import type { ForecastModel } from "../format/forecast-model.ts";
import type { Project } from "../format/schema.ts";
import type { ExperienceResult, Script, ScriptStep } from "../format/script.ts";
import { EngineWorld } from "./engine-run.ts";
import { KernelWorld } from "./kernel.ts";
import { type KernelTables, kernelTables } from "./kernel-tables.ts";
import { blockedReasons, type ForecastLayout, forecastLayout, monteCarloEnds } from "./layout.ts";
import { type PopulationPlan, populationPlan, SessionPlan } from "./population.ts";
import { UserStream } from "./streams.ts";
import { emptyTally, type TallyData, TallySink } from "./tally.ts";
import { DriverScratch, driveUser, userScript } from "./user-driver.ts";

export interface ForecastContext {
  project: Project;
  model: ForecastModel;
  plan: PopulationPlan;
  layout: ForecastLayout;
  /** The population kernel's tables. */
  kernel: KernelTables;
}

/** Which world runs users: the kernel, or the engine (the same draws; tests compare them). */
export type Runner = "kernel" | "engine";

/** A model checkMonteCarloModel accepts, on its project (both checked). */
export function forecastContext(project: Project, model: ForecastModel): ForecastContext {
  const plan = populationPlan(project, model);
  const layout = forecastLayout(project, model);
  return {
    project,
    model,
    plan,
    layout,
    kernel: kernelTables(project, layout, plan),
  };
}

export interface RunOptions {
  /** Called every `progressEvery` users with how many of [from, to) are done. */
  onProgress?: (done: number) => void;
  progressEvery?: number;
  /** Checked between users: true stops the run (the tally then holds the users done). */
  cancelled?: () => boolean;
  /** The world users run in: the kernel (default) or the engine. */
  runner?: Runner;
}

function worldFor(context: ForecastContext, runner: Runner | undefined): KernelWorld | EngineWorld {
  const { project, layout, plan, kernel } = context;
  return runner === "engine"
    ? new EngineWorld(project, layout, plan)
    : new KernelWorld(kernel, layout);
}

/** Runs users [from, to) and returns their tally. */
export function forecastUsers(
  context: ForecastContext,
  from: number,
  to: number,
  options: RunOptions = {},
): TallyData {
  const { layout, plan } = context;
  const tally = emptyTally(layout, plan.days);
  const sink = new TallySink(tally);
  const sessions = new SessionPlan();
  const stream = new UserStream();
  const every = options.progressEvery ?? 1000;
  const world = worldFor(context, options.runner);
  world.setSink(sink);
  const scratch = new DriverScratch(layout.experiences.length);
  for (let index = from; index < to; index++) {
    if ((index - from) % every === 0 && index > from) {
      options.onProgress?.(index - from);
      if (options.cancelled?.()) break;
    }
    sessions.draw(plan, stream, index);
    sink.beginUser();
    driveUser(world, layout, plan, sessions, stream, index, scratch);
    world.tally(sink, sessions.count === 0 ? 0 : sessions.times[0]);
  }
  options.onProgress?.(tally.users);
  return tally;
}

export interface UserRun {
  script: Script;
  experiences: Record<string, ExperienceResult>;
}

/** User `index`'s drawn script and outcome (SPEC §5: the script replays to that outcome). */
export function drawnUser(context: ForecastContext, index: number, runner?: Runner): UserRun {
  const { layout, plan } = context;
  const sessions = new SessionPlan();
  const stream = new UserStream();
  sessions.draw(plan, stream, index);
  const world = worldFor(context, runner);
  if (world instanceof KernelWorld) world.record(true);
  const steps: ScriptStep[] = [];
  const scratch = new DriverScratch(layout.experiences.length);
  driveUser(world, layout, plan, sessions, stream, index, scratch, steps);
  return { script: userScript(plan, sessions, index, steps), experiences: world.outcome() };
}

export interface StepReach {
  reachUsers: number;
  reach: number;
  ci95: [number, number];
}

export interface MonteCarloExperience {
  shownUsers: number;
  views: number;
  snoozes: number;
  ends: Record<(typeof monteCarloEnds)[number], number>;
  steps: Record<string, StepReach>;
  blocked: Partial<Record<(typeof blockedReasons)[number], number>>;
  shownPerDay: number[];
}

export interface MonteCarloForecast {
  users: number;
  days: number;
  seed: number;
  experiences: Record<string, MonteCarloExperience>;
}

/** z for a two-sided 95% interval. */
const z95 = 1.959963984540054;

/** The Wilson score interval of `hits` out of `n` at 95%. */
export function wilson95(hits: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = hits / n;
  const z2 = z95 * z95;
  const scale = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / scale;
  const half = (z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / scale;
  // At 0 and n the bounds are exactly 0 and 1 (rounding would leave them a hair inside).
  return [hits === 0 ? 0 : Math.max(0, centre - half), hits === n ? 1 : Math.min(1, centre + half)];
}

/** The SPEC §5 result of a tally. Keys are ids: objects are built with defineProperty-safe entries. */
export function monteCarloResult(context: ForecastContext, tally: TallyData): MonteCarloForecast {
  const { layout, plan } = context;
  const experiences: Record<string, MonteCarloExperience> = {};
  const n = tally.users;
  layout.experiences.forEach((exp, e) => {
    const ends = Object.fromEntries(
      monteCarloEnds.map((end, i) => [end, tally.ends[e * monteCarloEnds.length + i]]),
    ) as MonteCarloExperience["ends"];
    const steps: Record<string, StepReach> = {};
    exp.stepIds.forEach((id, i) => {
      const reachUsers = tally.reach[exp.stepBase + i];
      define(steps, id, {
        reachUsers,
        reach: n === 0 ? 0 : reachUsers / n,
        ci95: wilson95(reachUsers, n),
      });
    });
    const blocked: MonteCarloExperience["blocked"] = {};
    blockedReasons.forEach((code, r) => {
      const users = tally.blocked[e * blockedReasons.length + r];
      if (users > 0) blocked[code] = users;
    });
    define(experiences, exp.id, {
      shownUsers: tally.shownUsers[e],
      views: tally.views[e],
      snoozes: tally.snoozes[e],
      ends,
      steps,
      blocked,
      shownPerDay: Array.from(tally.shownPerDay.subarray(e * tally.days, (e + 1) * tally.days)),
    });
  });
  return { users: n, days: plan.days, seed: plan.seed, experiences };
}

/** Users who took each route at least once, by experience and edge id (the canvas's traffic). */
export function routeTraffic(
  context: ForecastContext,
  tally: TallyData,
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const exp of context.layout.experiences) {
    out.set(exp.id, new Map(exp.edgeIds.map((id, i) => [id, tally.edges[exp.edgeBase + i]])));
  }
  return out;
}

/** An own, enumerable property even for "__proto__" (ids are data). */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

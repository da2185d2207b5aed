// The race explorer (issue 5, item 2; SPEC §3.4): for every action list with more than one
// action, every completion order of its landings is tried (not only the default latencies),
// the orders are grouped by outcome (page, experience statuses, effects) and the lists whose
// outcome depends on timing are reported with one order per outcome. Orders are searched
// with the race model, memoised on (world, landings left) so orders that reach the same
// world share their work; then each outcome's order is replayed by the engine itself (its
// landings spaced apart on the simulated clock) and the engine's outcome is what is reported.
import { ScriptStepError } from "../engine/errors.ts";
import { createSimulation, restoreSimulation } from "../engine/simulation.ts";
import type { PendingLanding, SimulationSnapshot, WorldState } from "../engine/types.ts";
import type { Experience, Project } from "../format/schema.ts";
import type { Effect, Result } from "../format/script.ts";
import { defaultLatencyMs } from "../rules/latency.ts";
import { maxRaceActions, raceWorkBudget } from "../semantics.ts";
import { budgetReason, type RaceList, raceLists, type UnreachableList } from "./race-lists.ts";
import { landOne, type ModelContext, type ModelWorld, modelWorld } from "./race-model.ts";

/** What an order leads to. Effects compare as a multiset (their order is timing itself). */
export interface RaceOutcome {
  page: string;
  tabs: string[];
  experiences: Record<string, { status: string; step: string | null }>;
  effects: Effect[];
}

export interface OutcomeGroup {
  /** One landing order that leads here (action types, in landing order). */
  order: string[];
  /** How many of the orders lead here. */
  orders: number;
  outcome: RaceOutcome;
}

export interface ListRaces {
  id: string;
  context: string;
  experience?: string;
  /** The landings raced, in nominal order (action types). */
  landings: string[];
  /** Every completion order: landings! */
  orders: number;
  outcomes: OutcomeGroup[];
  /** What differs between the outcomes ("page", "experiences.<id>", "effects", "tabs"). */
  differs: string[];
  /** The race model and the engine disagreed on some outcome (the engine's is reported). */
  modelDiffered: boolean;
}

export interface RacesReport {
  /** Lists with more than one action that were explored. */
  checked: number;
  /** Lists whose outcome depends on timing. */
  racy: ListRaces[];
  /** Lists explored whose outcome does not depend on timing. */
  calm: string[];
  skipped: UnreachableList[];
}

// --------------------------------------------------------------------------- outcomes

function sortedEffects(effects: readonly Effect[]): Effect[] {
  const keyed = effects.map((effect) => ({ effect, key: JSON.stringify(effect) }));
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.effect);
}

function outcomeOfModel(world: ModelWorld, project: Project): RaceOutcome {
  return {
    page: world.page,
    tabs: [...world.tabs].sort(),
    experiences: Object.fromEntries(
      project.experiences.map((e) => {
        const s = world.experiences[e.id];
        return [e.id, { status: s.status, step: s.step }];
      }),
    ),
    effects: sortedEffects(world.effects),
  };
}

function outcomeOfResult(result: Result, effectsBefore: number): RaceOutcome {
  return {
    page: result.page.url,
    tabs: [...result.tabs].sort(),
    experiences: Object.fromEntries(
      Object.entries(result.experiences).map(([id, s]) => [id, { status: s.status, step: s.step }]),
    ),
    effects: sortedEffects(result.effects.slice(effectsBefore)),
  };
}

const keyOf = (outcome: RaceOutcome) => JSON.stringify(outcome);

// ------------------------------------------------------------------------ order search

interface Found {
  count: number;
  /** Indices into the pending landings, in landing order. */
  order: number[];
  outcome: RaceOutcome;
}

/** The world as far as the future can tell (memo key; effects only as a multiset). */
function worldKey(world: ModelWorld): string {
  const states = Object.entries(world.experiences).map(([id, s]) => [
    id,
    s.status,
    s.step,
    s.history,
    s.instance,
    s.snoozeCount,
    s.completedAt,
    s.dismissedAt,
  ]);
  return JSON.stringify([
    world.page,
    world.pageChanges,
    world.tabs.length,
    world.attributes,
    states,
    world.rateLog.length,
    world.chain,
    world.effects.map((e) => JSON.stringify(e)).sort(),
  ]);
}

class OrderSearch {
  private readonly memo = new Map<string, Map<string, Found>>();
  private readonly byId: Map<string, Experience>;

  constructor(
    private readonly project: Project,
    private readonly pending: readonly PendingLanding[],
  ) {
    this.byId = new Map(project.experiences.map((e) => [e.id, e]));
  }

  run(base: WorldState): Map<string, Found> {
    return this.search(modelWorld(base), (1 << this.pending.length) - 1);
  }

  /** Outcomes of every order of the landings in `mask`, from `world`. */
  private search(world: ModelWorld, mask: number): Map<string, Found> {
    if (mask === 0) {
      const outcome = outcomeOfModel(world, this.project);
      return new Map([[keyOf(outcome), { count: 1, order: [], outcome }]]);
    }
    const key = `${mask}|${worldKey(world)}`;
    const known = this.memo.get(key);
    if (known) return known;
    const found = new Map<string, Found>();
    for (let i = 0; i < this.pending.length; i++) {
      if (!(mask & (1 << i))) continue;
      const rest = mask & ~(1 << i);
      const ctx: ModelContext = {
        project: this.project,
        byId: this.byId,
        remaining: this.pending.filter((_, j) => rest & (1 << j)),
      };
      const after = landOne(world, this.pending[i], ctx);
      for (const [k, sub] of this.search(after, rest)) {
        const entry = found.get(k);
        if (entry) entry.count += sub.count;
        else found.set(k, { count: sub.count, order: [i, ...sub.order], outcome: sub.outcome });
      }
    }
    this.memo.set(key, found);
    return found;
  }
}

// ---------------------------------------------------------------------- engine replay

/** A gap between forced landings longer than any latency, so what one sets off lands first. */
function landingGap(project: Project): number {
  const configured = Object.values(project.settings.latencyMs ?? {}).filter(
    (v): v is number => typeof v === "number",
  );
  return Math.max(1_000, ...Object.values(defaultLatencyMs), ...configured) + 1;
}

/** Replays one order with the engine: the landings are re-timed to land in that order. */
export function replayOrder(
  project: Project,
  snapshot: SimulationSnapshot,
  pending: readonly PendingLanding[],
  order: readonly number[],
): Result {
  const copy = structuredClone(snapshot);
  const gap = landingGap(project);
  const now = copy.world.now;
  order.forEach((index, rank) => {
    const landing = copy.world.pending.find((l) => l.seq === pending[index].seq);
    if (landing) landing.due = now + rank * gap;
  });
  const simulation = restoreSimulation(project, copy);
  simulation.settle();
  return simulation.result();
}

// ----------------------------------------------------------------------------- lists

function factorial(n: number): number {
  let f = 1;
  for (let k = 2; k <= n; k++) f *= k;
  return f;
}

function differences(outcomes: readonly RaceOutcome[]): string[] {
  const first = outcomes[0];
  const differs: string[] = [];
  const varies = (pick: (o: RaceOutcome) => unknown) =>
    outcomes.some((o) => JSON.stringify(pick(o)) !== JSON.stringify(pick(first)));
  if (varies((o) => o.page)) differs.push("page");
  for (const id of Object.keys(first.experiences)) {
    if (varies((o) => o.experiences[id])) differs.push(`experiences.${id}`);
  }
  if (varies((o) => o.effects)) differs.push("effects");
  if (varies((o) => o.tabs)) differs.push("tabs");
  return differs;
}

/** The engine's world with the list fired and nothing landed, or why it cannot be had. */
/**
 * Fires each list in the world its script leads to. The lists of one flow follow routes that
 * share most of their steps (a 1,000-step tour's lists would replay ~50,000 steps from
 * scratch), so the world after the steps a list shares with the next one is kept and the
 * next one starts from it (one checkpoint, not one per step).
 */
class ListFirer {
  private checkpoint: { key: string; steps: number; snapshot: SimulationSnapshot } | null = null;

  constructor(private readonly project: Project) {}

  fire(list: RaceList, next: RaceList | undefined): SimulationSnapshot | string {
    const last = list.steps.length - 1;
    const shared = Math.min(sharedSteps(list, next), last);
    try {
      const { simulation, from } = this.resume(list);
      this.checkpoint = null;
      for (let i = from; i <= last; i++) {
        if (i === shared && shared > 0) {
          const key = prefixKey(list, shared);
          this.checkpoint = { key, steps: shared, snapshot: withoutTrace(simulation.snapshot()) };
        }
        simulation.run(list.steps[i]);
      }
      return withoutTrace(simulation.snapshot());
    } catch (caught) {
      if (caught instanceof ScriptStepError) return caught.message;
      throw caught;
    }
  }

  private resume(list: RaceList) {
    const kept = this.checkpoint;
    if (kept && kept.steps < list.steps.length && kept.key === prefixKey(list, kept.steps)) {
      return { simulation: restoreSimulation(this.project, kept.snapshot), from: kept.steps };
    }
    return { simulation: createSimulation(this.project, list.setup), from: 0 };
  }
}

/**
 * A snapshot without its trace: no outcome reads it (page, tabs, statuses, effects) and the
 * engine only appends to it, but every restore and replay would copy it whole.
 */
function withoutTrace(snapshot: SimulationSnapshot): SimulationSnapshot {
  return { ...snapshot, world: { ...snapshot.world, trace: [] } };
}

/** The setup and first `n` steps of a list's script, as one comparable string. */
function prefixKey(list: RaceList, n: number): string {
  return JSON.stringify([list.setup, list.steps.slice(0, n)]);
}

/** How many first steps two lists' scripts share (0 when their setups differ). */
function sharedSteps(list: RaceList, next: RaceList | undefined): number {
  if (!next || JSON.stringify(list.setup) !== JSON.stringify(next.setup)) return 0;
  let n = 0;
  while (
    n < list.steps.length &&
    n < next.steps.length &&
    JSON.stringify(list.steps[n]) === JSON.stringify(next.steps[n])
  ) {
    n++;
  }
  return n;
}

/** Explores one fired world: every order of its pending landings. */
export function exploreFired(
  project: Project,
  snapshot: SimulationSnapshot,
  meta: { id: string; context: string; experience?: string },
): ListRaces {
  const pending = [...snapshot.world.pending].sort((a, b) => a.due - b.due || a.seq - b.seq);
  const found = new OrderSearch(project, pending).run(snapshot.world);
  // Confirm each outcome with the engine; group by the engine's outcome.
  const groups = new Map<string, OutcomeGroup>();
  let modelDiffered = false;
  const before = snapshot.world.effects.length;
  for (const [key, entry] of found) {
    const outcome = outcomeOfResult(replayOrder(project, snapshot, pending, entry.order), before);
    const engineKey = keyOf(outcome);
    if (engineKey !== key) modelDiffered = true;
    const group = groups.get(engineKey);
    if (group) group.orders += entry.count;
    else {
      const order = entry.order.map((i) => pending[i].action.type);
      groups.set(engineKey, { order, orders: entry.count, outcome });
    }
  }
  const outcomes = [...groups.values()].sort((a, b) => b.orders - a.orders);
  return {
    ...meta,
    landings: pending.map((l) => l.action.type),
    orders: factorial(pending.length),
    outcomes,
    differs: differences(outcomes.map((o) => o.outcome)),
    modelDiffered,
  };
}

export interface RacesOptions {
  /** Lists with more pending landings than this are skipped. */
  maxActions?: number;
  /** Told after each list (done of total lists); for progress bars, no effect on results. */
  onProgress?: (done: number, total: number, phase: "races") => void;
}

export function exploreRaces(project: Project, options: RacesOptions = {}): RacesReport {
  const max = options.maxActions ?? maxRaceActions;
  // A list's own replays count as 25 experience states: thousands of lists on a small
  // project are bounded too.
  const worldSize = project.experiences.length + 25;
  const { lists, skipped } = raceLists(project, Math.floor(raceWorkBudget / worldSize));
  const racy: ListRaces[] = [];
  const calm: string[] = [];
  let checked = 0;
  const progress = options.onProgress;
  const firer = new ListFirer(project);
  progress?.(0, lists.length, "races");
  // Each list restores a world of every experience: past the budget the rest are listed as
  // not explored, so a project of thousands of experiences still gets an answer in seconds.
  let work = 0;
  for (const [index, list] of lists.entries()) {
    if (index > 0) progress?.(index, lists.length, "races");
    work += worldSize + Math.floor((list.width ?? 0) / 100);
    if (work > raceWorkBudget) {
      for (const rest of lists.slice(index)) skipped.push({ id: rest.id, reason: budgetReason });
      break;
    }
    const fired = firer.fire(list, lists[index + 1]);
    if (typeof fired === "string") {
      skipped.push({ id: list.id, reason: fired });
      continue;
    }
    const n = fired.world.pending.length;
    if (n > max) {
      skipped.push({
        id: list.id,
        reason: `${n} landings: more than ${max} (${factorial(n)} orders)`,
      });
      continue;
    }
    checked++;
    if (n < 2) {
      calm.push(list.id);
      continue;
    }
    const meta = {
      id: list.id,
      context: list.context,
      ...(list.experience ? { experience: list.experience } : {}),
    };
    const races = exploreFired(project, fired, meta);
    if (races.outcomes.length > 1) racy.push(races);
    else calm.push(list.id);
  }
  progress?.(lists.length, lists.length, "races");
  return { checked, racy, calm, skipped };
}

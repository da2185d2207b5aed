// A small, fast world for the race explorer (SPEC §3.2–3.4): it replays one order of a list's
// pending landings on a copy of the engine's world in microseconds, where a full engine
// restore takes hundreds. What each landing does is the action module's own answer (the
// Changes of actions/*.ts, which the engine applies too); this model only applies them to its
// copy. What a landing sets off (URL triggers, agent answers, automatic shows) is applied at
// once, right after it. Its verdicts are a search aid: races.ts replays one order per outcome
// with the engine itself.
import type { Change, FlowMove, LandingWorld } from "../actions/landing.ts";
import { actionRegistry } from "../actions/registry.ts";
import { launchReasons, showReasons } from "../engine/eligibility.ts";
import type { ActionSource, ExperienceState, PendingLanding, WorldState } from "../engine/types.ts";
import { stepIndex } from "../format/lookup.ts";
import type { Action, ActionType, Experience, Project } from "../format/schema.ts";
import type { Effect } from "../format/script.ts";
import { isSequential } from "../model/experience.ts";
import { matchesAny, matchesPage } from "../model/glob.ts";
import { hoursToMs } from "../model/time.ts";
import { nominalOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";
import { loopBound } from "../semantics.ts";

/** The parts of a world a landing can change (the rest is read from the base world). */
export interface ModelWorld {
  base: WorldState;
  page: string;
  pageChanges: number;
  tabs: string[];
  attributes: Record<string, unknown>;
  experiences: Record<string, ExperienceState>;
  rateLog: number[];
  effects: Effect[];
  /** Trigger firings, launches and shows set off (loopBound, like the engine). */
  chain: number;
}

export interface ModelContext {
  project: Project;
  byId: Map<string, Experience>;
  /** Landings not landed yet (a pending launch of a flow holds the screen). */
  remaining: readonly PendingLanding[];
}

export function modelWorld(base: WorldState): ModelWorld {
  return {
    base,
    page: base.page,
    pageChanges: base.pageChanges,
    tabs: [...base.tabs],
    attributes: { ...base.user.attributes },
    experiences: { ...base.experiences },
    rateLog: [...base.rateLog],
    effects: [],
    chain: 0,
  };
}

function copy(world: ModelWorld): ModelWorld {
  return {
    ...world,
    tabs: [...world.tabs],
    attributes: { ...world.attributes },
    experiences: { ...world.experiences },
    rateLog: [...world.rateLog],
    effects: [...world.effects],
  };
}

/** The engine's eligibility functions read a WorldState: this one, as the model has it. */
function asWorld(world: ModelWorld): WorldState {
  return {
    ...world.base,
    page: world.page,
    user: { ...world.base.user, attributes: world.attributes },
    experiences: world.experiences,
    rateLog: world.rateLog,
  };
}

/** Changes one experience's state (copy on write). */
function patch(world: ModelWorld, id: string, change: Partial<ExperienceState>): void {
  world.experiences[id] = { ...world.experiences[id], ...change };
}

/** Lands one pending landing (and what it sets off) on a copy of `world`. */
export function landOne(world: ModelWorld, landing: PendingLanding, ctx: ModelContext): ModelWorld {
  const next = copy(world);
  new Lander(next, ctx).land(landing);
  return next;
}

class Lander {
  constructor(
    private readonly w: ModelWorld,
    private readonly ctx: ModelContext,
  ) {}

  /** What the firing or landing reads: the action modules decide from it (actions/*.ts). */
  private view(source: ActionSource): LandingWorld {
    const experience = this.alive(source);
    const state = experience && this.w.experiences[experience.id];
    return {
      project: this.ctx.project,
      attributes: this.w.attributes,
      flow:
        experience && state
          ? {
              experience,
              stepIndex: state.step === null ? -1 : stepIndex(experience, state.step),
              history: state.history,
              snoozeCount: state.snoozeCount,
            }
          : undefined,
    };
  }

  private alive(source: ActionSource): Experience | undefined {
    if (!source.experience) return undefined;
    const state = this.w.experiences[source.experience];
    if (state?.status !== "active" || state.instance !== source.instance) return undefined;
    return this.ctx.byId.get(source.experience);
  }

  land(landing: PendingLanding): void {
    const effect = actionRegistry[landing.action.type as ActionType].effect;
    this.apply(effect.land(landing.action as never, landing, this.view(landing.source)), landing);
  }

  /** The model's side of each Change (the engine applies the same Changes to its world). */
  private apply(changes: readonly Change[], landing: PendingLanding): void {
    for (const change of changes) {
      switch (change.type) {
        case "move":
          this.move(change.experience, change.move);
          break;
        case "snooze":
          patch(this.w, change.experience, {
            snoozeCount: this.w.experiences[change.experience].snoozeCount + 1,
            snoozedUntil: this.w.base.now + hoursToMs(change.hours),
          });
          break;
        case "effect":
          this.w.effects.push(change.effect);
          break;
        case "page":
          this.navigate(change.url);
          break;
        case "tab":
          this.w.tabs.push(change.url);
          break;
        case "launch":
          this.launch(change.experience, landing.pageChangesAtFire);
          break;
        case "askAgent":
          this.askAgent(change.message);
          break;
        case "attributes":
          Object.assign(this.w.attributes, structuredClone(change.attributes));
          break;
        case "dismissOnScreen": {
          const onScreen = this.ctx.project.experiences.find(
            (e) => isSequential(e) && this.w.experiences[e.id].status === "active",
          );
          if (onScreen) this.end(onScreen.id, "dismissed");
          break;
        }
        default:
          // openAgent, warnings and trace records change no outcome.
          break;
      }
    }
  }

  private move(experienceId: string, move: FlowMove): void {
    const experience = this.ctx.byId.get(experienceId);
    if (!experience || move.to === "back") return;
    if (move.to === "end") {
      this.end(experienceId, move.end);
      return;
    }
    const state = this.w.experiences[experienceId];
    // The machine's history (compile/implementations.ts): previous drops two, entry pushes.
    const below = move.back ? state.history.slice(0, -2) : state.history;
    patch(this.w, experienceId, { history: below });
    this.enter(experience, move.step);
  }

  private enter(experience: Experience, stepId: string): void {
    const state = this.w.experiences[experience.id];
    patch(this.w, experience.id, { step: stepId, history: [...state.history, stepId] });
    this.fireUrlTriggers(experience);
  }

  private end(id: string, how: "completed" | "dismissed" | "snoozed"): void {
    const now = this.w.base.now;
    patch(this.w, id, {
      status: how,
      step: null,
      ...(how === "completed" ? { completedAt: now } : {}),
      ...(how === "dismissed" ? { dismissedAt: now } : {}),
    });
    this.showCheck();
  }

  private launch(targetId: string, pageChangesAtFire: number): void {
    const target = this.ctx.byId.get(targetId);
    const navigatedAway = this.w.pageChanges > pageChangesAtFire;
    const blocked =
      !target ||
      (navigatedAway && !matchesAny(target.showOn.urls, this.w.page)) ||
      launchReasons(target, this.ctx.project, asWorld(this.w)).length > 0;
    // Blocked or interrupted: the engine runs the show check again (semantics.ts).
    if (blocked) this.showCheck();
    else if (this.countChain()) this.show(target);
  }

  private show(experience: Experience): void {
    const state = this.w.experiences[experience.id];
    const first = experience.type === "checklist" ? undefined : experience.steps[0];
    patch(this.w, experience.id, {
      status: "active",
      step: null,
      history: [],
      views: state.views + 1,
      instance: state.instance + 1,
      lastShown: this.w.base.now,
      snoozedUntil: null,
    });
    if (!experience.ignoreRateLimit) this.w.rateLog.push(this.w.base.now);
    if (experience.type === "checklist") return;
    if (first) this.enter(experience, first.id);
    else this.end(experience.id, "completed");
  }

  private navigate(url: string): void {
    this.w.page = url;
    this.w.pageChanges++;
    for (const experience of this.ctx.project.experiences) {
      if (this.w.experiences[experience.id].status === "active") this.fireUrlTriggers(experience);
    }
    this.showCheck();
  }

  private askAgent(message: string): void {
    const lower = message.toLowerCase();
    const agent = this.ctx.project.agent;
    const answer = agent.customAnswers.find((a) => lower.includes(a.match.toLowerCase()));
    if (answer) this.fireList(answer.actions, { context: "agent", id: answer.id });
    const automated = agent.automatedActions.find((a) => lower.includes(a.match.toLowerCase()));
    if (automated) this.fireList(automated.actions, { context: "agent", id: automated.id });
  }

  private fireUrlTriggers(experience: Experience): void {
    const state = this.w.experiences[experience.id];
    const step =
      state.step === null ? undefined : experience.steps[stepIndex(experience, state.step)];
    if (!step) return;
    for (const trigger of step.triggers) {
      if (!("url" in trigger.on) || !matchesPage(trigger.on.url, this.w.page)) continue;
      if (!this.countChain()) return;
      const source: ActionSource = {
        context: "trigger",
        experience: experience.id,
        step: step.id,
        instance: state.instance,
        id: trigger.id,
      };
      this.fireList(trigger.actions, source);
    }
  }

  /** A list set off by a landing: fired, then landed at once (latency, then nominal order). */
  private fireList(list: readonly Action[], source: ActionSource): void {
    const landings = nominalOrder(list.map((a) => a.type)).map(
      (index, order): PendingLanding => ({
        seq: order,
        firedAt: 0,
        due: latencyOf(list[index], this.ctx.project.settings),
        order,
        action: list[index],
        source,
        pageChangesAtFire: this.w.pageChanges,
      }),
    );
    for (const landing of landings) {
      const fire = actionRegistry[landing.action.type as ActionType].effect.fire;
      if (fire) this.apply(fire(landing.action as never, landing, this.view(source)), landing);
    }
    const byLanding = [...landings].sort((a, b) => a.due - b.due || a.seq - b.seq);
    for (const landing of byLanding) this.land(landing);
  }

  private countChain(): boolean {
    this.w.chain++;
    return this.w.chain <= loopBound;
  }

  /** The automatic show check (SPEC §3.1), with pending flow launches holding the screen. */
  private showCheck(): void {
    const reserved = this.ctx.remaining.find((l) => {
      if (l.action.type !== "launchExperience") return false;
      const target = this.ctx.byId.get(l.action.experience);
      return target !== undefined && isSequential(target);
    });
    const reservedBy =
      reserved?.action.type === "launchExperience" ? reserved.action.experience : undefined;
    for (let round = 0; round < loopBound; round++) {
      let shown = false;
      for (const experience of this.ctx.project.experiences) {
        if (experience.showOn.trigger !== "auto") continue;
        if (!matchesAny(experience.showOn.urls, this.w.page)) continue;
        if (this.w.experiences[experience.id].status === "active") continue;
        const reasons = showReasons(experience, this.ctx.project, asWorld(this.w), reservedBy);
        if (reasons.length > 0 || !this.countChain()) continue;
        this.show(experience);
        shown = true;
      }
      if (!shown) return;
    }
  }
}

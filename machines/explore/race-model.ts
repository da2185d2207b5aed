// A small, fast model of what landings do to a world (SPEC §3.2–3.4), for the race explorer:
// it replays one order of a list's pending landings on a copy of the engine's world in
// microseconds, where a full engine restore takes hundreds. What a landing sets off (URL
// triggers, agent answers, automatic shows) is applied at once, right after it. Its verdicts
// are only a search aid: races.ts replays one order per outcome with the engine itself.
import { resolveTemplate } from "../actions/attributes.ts";
import { unsafeScheme } from "../actions/url-safety.ts";
import { isSequential, launchReasons, showReasons } from "../engine/eligibility.ts";
import type { ActionSource, ExperienceState, PendingLanding, WorldState } from "../engine/types.ts";
import type { Action, Experience, Project, Step } from "../format/schema.ts";
import type { Effect } from "../format/script.ts";
import { matchesAny, matchesPage } from "../model/glob.ts";
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
  new Lander(next, ctx).land(landing.action, landing.source, landing.pageChangesAtFire);
  return next;
}

class Lander {
  constructor(
    private readonly w: ModelWorld,
    private readonly ctx: ModelContext,
  ) {}

  private alive(source: ActionSource): Experience | undefined {
    if (!source.experience) return undefined;
    const state = this.w.experiences[source.experience];
    if (state?.status !== "active" || state.instance !== source.instance) return undefined;
    return this.ctx.byId.get(source.experience);
  }

  land(action: Action, source: ActionSource, pageChangesAtFire: number): void {
    switch (action.type) {
      case "goToStep":
        this.goToStep(action.step, source);
        return;
      case "dismiss":
        this.endIfAlive(source, "dismissed");
        return;
      case "snooze": {
        const experience = this.alive(source);
        if (!experience) return;
        const state = this.w.experiences[experience.id];
        if (state.snoozeCount >= action.maxTimes) {
          this.end(experience.id, "dismissed");
          return;
        }
        patch(this.w, experience.id, { snoozeCount: state.snoozeCount + 1 });
        this.end(experience.id, "snoozed");
        return;
      }
      case "launchExperience":
        this.launch(action.experience, pageChangesAtFire);
        return;
      case "openPost":
        this.w.effects.push({ type: "openPost", post: action.post });
        return;
      case "bookInterview": {
        const step = this.stepOf(source);
        this.w.effects.push({
          type: "bookInterview",
          provider: step?.booking?.provider ?? "",
          link: step?.booking?.link ?? "",
        });
        return;
      }
      case "launchAgent": {
        const message = resolveTemplate(action.message ?? "", this.w.attributes, "message").text;
        this.w.effects.push({ type: "launchAgent", message });
        if (message !== "") this.askAgent(message);
        return;
      }
      case "runJs":
        Object.assign(this.w.attributes, structuredClone(action.simulate?.setAttributes ?? {}));
        this.w.effects.push(
          source.context === "block"
            ? { type: "runJs", block: source.id }
            : { type: "runJs", experience: source.experience, step: source.step },
        );
        return;
      case "navigateTo":
        this.navigate(action.url, action.openIn);
        return;
    }
  }

  private stepOf(source: ActionSource): Step | undefined {
    return this.ctx.byId.get(source.experience ?? "")?.steps.find((s) => s.id === source.step);
  }

  private goToStep(target: string, source: ActionSource): void {
    const experience = this.alive(source);
    if (!experience) return;
    const state = this.w.experiences[experience.id];
    if (target === "complete") {
      this.end(experience.id, "completed");
    } else if (target === "previous") {
      if (state.history.length < 2) return;
      const history = state.history.slice(0, -1);
      patch(this.w, experience.id, { history });
      this.enter(experience, history[history.length - 1], false);
    } else if (target === "next") {
      const index = experience.steps.findIndex((s) => s.id === state.step);
      const next = experience.steps[index + 1];
      if (next) this.enter(experience, next.id, true);
      else this.end(experience.id, "completed");
    } else if (experience.steps.some((s) => s.id === target)) {
      this.enter(experience, target, true);
    }
  }

  private enter(experience: Experience, stepId: string, push: boolean): void {
    const state = this.w.experiences[experience.id];
    patch(this.w, experience.id, {
      step: stepId,
      history: push ? [...state.history, stepId] : state.history,
    });
    this.fireUrlTriggers(experience);
  }

  private endIfAlive(source: ActionSource, how: "dismissed"): void {
    const experience = this.alive(source);
    if (experience) this.end(experience.id, how);
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
    if (first) this.enter(experience, first.id, true);
    else this.end(experience.id, "completed");
  }

  private navigate(url: string, openIn: "sameTab" | "newTab"): void {
    const resolved = resolveTemplate(url, this.w.attributes, "url").text;
    if (unsafeScheme(resolved)) return;
    this.w.effects.push({ type: "navigateTo", url: resolved, openIn });
    if (openIn === "newTab") {
      this.w.tabs.push(resolved);
      return;
    }
    this.w.page = resolved;
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
    const step = experience.steps.find((s) => s.id === state.step);
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
    const ordered = nominalOrder(list.map((a) => a.type)).map((i) => list[i]);
    const flowContext = ["cta", "trigger", "condition", "cross"].includes(source.context);
    if (flowContext && ordered.some((a) => a.type === "launchExperience")) {
      const experience = this.alive(source);
      if (experience && isSequential(experience)) this.end(experience.id, "dismissed");
    }
    const settings = this.ctx.project.settings;
    const byLatency = ordered
      .map((action, k) => ({ action, k, due: latencyOf(action, settings) }))
      .sort((a, b) => a.due - b.due || a.k - b.k);
    const firedAt = this.w.pageChanges;
    for (const { action } of byLatency) this.land(action, source, firedAt);
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

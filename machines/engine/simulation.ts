// The world simulator (SPEC §3). Each experience on screen is an XState actor of its compiled
// machine; the world reads step entries, fired lists and endings off their inspection events,
// records world facts through the world actor, and lands fired actions on the simulated clock.
import { type AnyActorRef, createActor, type InspectionEvent, type SimulatedClock } from "xstate";
import type { ActionRuntime } from "../actions/action.ts";
import { resolveTemplate } from "../actions/attributes.ts";
import { actionRegistry } from "../actions/registry.ts";
import { unsafeScheme } from "../actions/url-safety.ts";
import { compiledExperience } from "../compile/compile.ts";
import { firedList } from "../compile/fired-list.ts";
import { type EndState, eventTypes, type FireParams } from "../compile/machine-config.ts";
import type { Action, ActionOf, ActionType, Experience, Project, Step } from "../format/schema.ts";
import type { Result, ScriptStep, TraceEntry } from "../format/script.ts";
import { nominalOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";
import { loopBound, maxLandingsPerStep } from "../semantics.ts";
import { hoursToMs, isSequential, launchReasons, showReasons } from "./eligibility.ts";
import { ScriptStepError, StepRefused } from "./errors.ts";
import { matchesAny, matchesPage } from "./glob.ts";
import { runScriptStep } from "./script-steps.ts";
import type {
  ActionSource,
  ExternalInspector,
  PendingLanding,
  Simulation,
  SimulationOptions,
  SimulationSnapshot,
  TraceListener,
  WorldState,
} from "./types.ts";
import { createWorldActor } from "./world-machine.ts";
import { initialWorld, toResult } from "./world-state.ts";

/** What the inspection stream of an experience actor tells the world. */
type Observation =
  | { kind: "entered"; experience: string; step: string }
  | { kind: "fire"; experience: string; params: FireParams }
  | { kind: "ended"; experience: string; how: EndState };

/** Contexts where a launchExperience, when it fires, dismisses its own flow (SPEC §3.2). */
const flowContexts = new Set(["cta", "trigger", "condition", "cross"]);

export class WorldSimulation implements Simulation, ActionRuntime {
  readonly project: Project;
  private readonly state: WorldState;
  private readonly clock: SimulatedClock;
  private readonly worldActor: AnyActorRef;
  private readonly actors = new Map<string, AnyActorRef>();
  private readonly observed: Observation[] = [];
  private readonly listeners = new Set<TraceListener>();
  private readonly byId: Map<string, Experience>;
  /** Set while a goToStep previous is entering its step (the history is already popped). */
  private goingBack = false;
  private checking = false;
  private recheck = false;
  private landings = 0;

  private readonly external?: ExternalInspector;

  constructor(
    project: Project,
    world: WorldState,
    actors: Record<string, unknown> = {},
    inspect?: ExternalInspector,
  ) {
    this.project = project;
    this.state = world;
    this.external = inspect;
    this.byId = new Map(project.experiences.map((e) => [e.id, e]));
    const { actor, clock } = createWorldActor((entry) => this.onFact(entry), inspect);
    this.worldActor = actor;
    this.clock = clock;
    clock.set(world.now);
    for (const [id, snapshot] of Object.entries(actors)) this.startActor(id, snapshot);
    for (const landing of world.pending) this.scheduleTimer(landing);
  }

  // ------------------------------------------------------------------- Simulation API

  run(step: ScriptStep): void {
    const index = this.state.stepIndex++;
    this.state.chain = 0;
    this.state.chainStopped = false;
    this.landings = 0;
    try {
      runScriptStep(this, step);
    } catch (error) {
      if (error instanceof StepRefused) throw new ScriptStepError(index, step, error.message);
      throw error;
    }
    if (step.settle !== false) this.settle();
  }

  result(): Result {
    return structuredClone(toResult(this.project, this.state));
  }

  /** The Result sharing the world's arrays (for simulate(), which drops the world after). */
  resultUncloned(): Result {
    return toResult(this.project, this.state);
  }

  snapshot(): SimulationSnapshot {
    const actors: Record<string, unknown> = {};
    for (const [id, actor] of this.actors) actors[id] = actor.getPersistedSnapshot();
    return structuredClone({ version: 1 as const, world: this.state, actors });
  }

  onTrace(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pending(): PendingLanding[] {
    return [...this.state.pending].sort(landingOrder);
  }

  advanceMs(ms: number): void {
    const target = this.state.now + Math.max(0, ms);
    this.landUntil(target);
    this.setClock(target);
    this.record({ type: "clock.advanced", ms });
    this.requestShowCheck();
  }

  settle(): void {
    while (this.state.pending.length > 0) {
      const next = this.pending()[0];
      this.landUntil(Math.max(next.due, this.state.now));
    }
  }

  now(): number {
    return this.state.now;
  }

  world(): Readonly<WorldState> {
    return this.state;
  }

  /** The start of a simulation: the first automatic show check (SPEC §3.1). */
  start(): void {
    this.requestShowCheck();
    this.settle();
  }

  // ------------------------------------------------------------ used by script steps

  experience(id: string): Experience | undefined {
    return this.byId.get(id);
  }

  stateOf(id: string) {
    return this.state.experiences[id];
  }

  /** Sends an interaction or landing event to an experience on screen, then reacts to it. */
  send(experienceId: string, type: string): void {
    const actor = this.actors.get(experienceId);
    if (!actor) return;
    actor.send({ type });
    this.drain();
  }

  record(entry: Omit<TraceEntry, "at">): void {
    // Through the world actor: the trace is read back from its inspection stream (onFact).
    this.worldActor.send({ type: "fact", entry: { at: this.state.now, ...entry } });
  }

  warn(code: string, message: string, experience?: string): void {
    this.state.warnings.push({ code, message });
    this.record({ type: "warning", code, message, ...(experience ? { experience } : {}) });
  }

  /** Fires an action list (SPEC §3.3): all at once, in the nominal order, landing later. */
  fire(list: readonly Action[], source: ActionSource): void {
    if (this.state.chainStopped || list.length === 0) return;
    if (source.context === "trigger" && !this.countChain()) return;
    const order = nominalOrder(list.map((action) => action.type));
    const landings = order.map((index, k) => this.landingFor(list[index], k, source));
    for (const landing of landings) {
      this.record({ type: "action.fired", ...this.describeLanding(landing) });
    }
    for (const landing of landings) {
      if (landing.action.type === "launchExperience" && !this.countChain()) return;
      this.state.pending.push(landing);
      this.scheduleTimer(landing);
    }
    for (const landing of landings) {
      if (!this.state.pending.includes(landing)) continue;
      effectOf(landing.action).fire?.(landing.action as never, this, landing);
    }
  }

  /** Every navigation (same tab or the script's), also to the same URL (SPEC §3.1, §3.2). */
  changePage(url: string): void {
    this.state.page = url;
    this.state.pageChanges++;
    this.record({ type: "page.changed", url });
    for (const experience of this.project.experiences) {
      const state = this.state.experiences[experience.id];
      const step = this.currentStep(experience);
      if (state.status !== "active" || !step) continue;
      this.fireUrlTriggers(experience, step);
    }
    this.requestShowCheck();
  }

  /** A click on the host page: click triggers with the same selector string fire. */
  clickElement(selector: string): void {
    this.record({ type: "element.clicked", selector });
    for (const experience of this.project.experiences) {
      const step = this.currentStep(experience);
      if (!step) continue;
      for (const trigger of step.triggers) {
        if (
          "click" in trigger.on &&
          trigger.on.click === selector &&
          this.onStep(experience, step)
        ) {
          this.send(experience.id, eventTypes.trigger(trigger.id));
        }
      }
    }
  }

  /** A message to the agent (SPEC §3.2): first custom answer, then first automated action. */
  askAgent(message: string): void {
    const agent = this.state.agent;
    agent.open = true;
    agent.messages.push({ from: "user", text: message });
    this.record({ type: "agent.asked", message });
    const lower = message.toLowerCase();
    const answer = this.project.agent.customAnswers.find((a) =>
      lower.includes(a.match.toLowerCase()),
    );
    if (answer) {
      agent.messages.push({ from: "agent", text: answer.answer });
      this.record({ type: "agent.answered", answer: answer.id, text: answer.answer });
      this.fire(answer.actions, { context: "agent", id: answer.id });
    }
    const automated = this.project.agent.automatedActions.find((a) =>
      lower.includes(a.match.toLowerCase()),
    );
    if (automated) {
      this.record({ type: "agent.automated", automatedAction: automated.id });
      this.fire(automated.actions, { context: "agent", id: automated.id });
    }
  }

  currentStep(experience: Experience): Step | undefined {
    const state = this.state.experiences[experience.id];
    if (state.status !== "active" || state.step === null) return undefined;
    return experience.steps.find((s) => s.id === state.step);
  }

  // ------------------------------------------------------------------ ActionRuntime

  goToStep(target: string, source: ActionSource): void {
    const experience = this.activeSource(source);
    if (!experience) return;
    const state = this.state.experiences[experience.id];
    if (target === "complete") {
      this.send(experience.id, eventTypes.complete);
      return;
    }
    if (target === "previous") {
      this.goBack(experience);
      return;
    }
    if (target === "next") {
      const index = experience.steps.findIndex((s) => s.id === state.step);
      const next = experience.steps[index + 1];
      this.send(experience.id, next ? eventTypes.go(next.id) : eventTypes.complete);
      return;
    }
    if (!experience.steps.some((s) => s.id === target)) {
      this.warn("unknownStep", `no step "${target}" in "${experience.id}"`, experience.id);
      return;
    }
    this.send(experience.id, eventTypes.go(target));
  }

  dismiss(source: ActionSource): void {
    const experience = this.activeSource(source);
    if (experience) this.send(experience.id, eventTypes.dismiss);
  }

  snooze(action: ActionOf<"snooze">, source: ActionSource): void {
    const experience = this.activeSource(source);
    if (!experience) return;
    const state = this.state.experiences[experience.id];
    if (state.snoozeCount >= action.maxTimes) {
      // SPEC §3.2: once maxTimes is reached, snooze is no longer offered: it acts as dismiss.
      this.record({
        type: "snooze.exhausted",
        experience: experience.id,
        maxTimes: action.maxTimes,
      });
      this.send(experience.id, eventTypes.dismiss);
      return;
    }
    state.snoozeCount++;
    state.snoozedUntil = this.state.now + hoursToMs(action.hours);
    this.send(experience.id, eventTypes.snooze);
  }

  dismissLaunchingFlow(source: ActionSource): void {
    if (source.context === "sdk") {
      const onScreen = this.project.experiences.find(
        (e) => isSequential(e) && this.state.experiences[e.id].status === "active",
      );
      if (onScreen) this.send(onScreen.id, eventTypes.dismiss);
      return;
    }
    if (!flowContexts.has(source.context)) return;
    const experience = this.activeSource(source);
    if (experience && isSequential(experience)) this.send(experience.id, eventTypes.dismiss);
  }

  launch(targetId: string, landing: PendingLanding): void {
    const from = landing.source.experience;
    const fromPart = from ? { from } : {};
    const target = this.byId.get(targetId);
    if (!target) {
      const reasons = [{ code: "notLive", message: `no experience "${targetId}" in the project` }];
      this.record({ type: "launch.blocked", experience: targetId, ...fromPart, reasons });
      this.requestShowCheck();
      return;
    }
    const navigatedAway = this.state.pageChanges > landing.pageChangesAtFire;
    if (navigatedAway && !matchesAny(target.showOn.urls, this.state.page)) {
      this.record({
        type: "launch.interrupted",
        experience: targetId,
        ...fromPart,
        url: this.state.page,
      });
      this.requestShowCheck();
      return;
    }
    const reasons = launchReasons(target, this.project, this.state);
    if (reasons.length > 0) {
      this.record({ type: "launch.blocked", experience: targetId, ...fromPart, reasons });
      this.requestShowCheck();
      return;
    }
    this.show(target, "launch", from);
  }

  openPost(post: string): void {
    this.effect({ type: "openPost", post });
  }

  launchAgent(message: string | undefined): void {
    const resolved = message === undefined ? "" : this.resolve(message, "message");
    this.effect({ type: "launchAgent", message: resolved });
    this.state.agent.open = true;
    if (resolved !== "") this.askAgent(resolved);
  }

  navigate(url: string, openIn: "sameTab" | "newTab"): void {
    const resolved = this.resolve(url, "url");
    const scheme = unsafeScheme(resolved);
    if (scheme) {
      this.warn("unsafeUrl", `navigation to a "${scheme}" URL refused`);
      return;
    }
    this.effect({ type: "navigateTo", url: resolved, openIn });
    if (openIn === "sameTab") {
      this.changePage(resolved);
      return;
    }
    this.state.tabs.push(resolved);
    this.record({ type: "tab.opened", url: resolved });
  }

  runJs(action: ActionOf<"runJs">, source: ActionSource): void {
    const attributes = action.simulate?.setAttributes;
    if (attributes) {
      Object.assign(this.state.user.attributes, structuredClone(attributes));
      this.record({ type: "attributes.set", attributes: structuredClone(attributes) });
    }
    if (source.context === "block") {
      this.effect({ type: "runJs", block: source.id });
      return;
    }
    this.effect({ type: "runJs", experience: source.experience, step: source.step });
  }

  bookInterview(source: ActionSource): void {
    const experience = source.experience ? this.byId.get(source.experience) : undefined;
    const booking = experience?.steps.find((s) => s.id === source.step)?.booking;
    if (!booking) this.warn("noBooking", `step "${source.step}" has no booking`, source.experience);
    this.effect({
      type: "bookInterview",
      provider: booking?.provider ?? "",
      link: booking?.link ?? "",
    });
  }

  // ------------------------------------------------------------------------ internals

  private onFact(entry: TraceEntry): void {
    this.state.trace.push(entry);
    for (const listener of this.listeners) listener(entry);
  }

  private effect(effect: WorldState["effects"][number]): void {
    this.state.effects.push(effect);
  }

  private resolve(text: string, mode: "url" | "message"): string {
    const { text: resolved, missing } = resolveTemplate(text, this.state.user.attributes, mode);
    for (const name of missing) {
      this.warn("missingAttribute", `attribute "${name}" is not set; "{${name}}" became ""`);
    }
    return resolved;
  }

  /** The source's experience, if the display that fired the action is still on screen. */
  private activeSource(source: ActionSource): Experience | undefined {
    if (!source.experience) return undefined;
    const state = this.state.experiences[source.experience];
    if (state?.status !== "active" || state.instance !== source.instance) return undefined;
    return this.byId.get(source.experience);
  }

  private onStep(experience: Experience, step: Step): boolean {
    const state = this.state.experiences[experience.id];
    return state.status === "active" && state.step === step.id;
  }

  private goBack(experience: Experience): void {
    const state = this.state.experiences[experience.id];
    if (state.history.length < 2) {
      this.warn(
        "noPreviousStep",
        `goToStep previous on "${state.step}" of "${experience.id}": no step to go back to`,
        experience.id,
      );
      return;
    }
    state.history.pop();
    this.goingBack = true;
    try {
      this.send(experience.id, eventTypes.go(state.history[state.history.length - 1]));
    } finally {
      this.goingBack = false;
    }
  }

  private landingFor(action: Action, order: number, source: ActionSource): PendingLanding {
    return {
      seq: this.state.nextSeq++,
      firedAt: this.state.now,
      due: this.state.now + latencyOf(action, this.project.settings),
      order,
      action,
      source,
      pageChangesAtFire: this.state.pageChanges,
    };
  }

  private describeLanding(landing: PendingLanding): Record<string, unknown> {
    const { source, action } = landing;
    return {
      ...(source.experience ? { experience: source.experience } : {}),
      ...(source.step ? { step: source.step } : {}),
      action: action.type,
      order: landing.order,
      ...(action.type === "launchExperience" ? { target: action.experience } : {}),
    };
  }

  /** Counts a trigger firing or a launch; false once the loop bound is passed. */
  private countChain(): boolean {
    if (this.state.chainStopped) return false;
    this.state.chain++;
    if (this.state.chain <= loopBound) return true;
    this.stopLoop(`more than ${loopBound} trigger firings or launches in one script step`);
    return false;
  }

  private stopLoop(message: string): void {
    this.state.chainStopped = true;
    const dropped = this.state.pending.length;
    this.state.pending = [];
    this.record({ type: "loop.stopped", message, dropped });
  }

  private scheduleTimer(landing: PendingLanding): void {
    // The simulated clock wakes the world; landDue picks the order (due, then firing order).
    this.clock.setTimeout(() => this.landDue(), Math.max(0, landing.due - this.state.now));
  }

  private setClock(ms: number): void {
    if (ms > this.clock.now()) this.clock.set(ms);
    this.state.now = ms;
  }

  /** Lands, in order, every pending action due by `until`, moving the clock to each. */
  private landUntil(until: number): void {
    for (;;) {
      const next = this.pending()[0];
      if (!next || next.due > until) return;
      this.setClock(Math.max(next.due, this.state.now));
      this.landDue();
    }
  }

  private landDue(): void {
    for (;;) {
      const next = this.pending()[0];
      if (!next || next.due > this.state.now) return;
      this.state.pending.splice(this.state.pending.indexOf(next), 1);
      if (++this.landings > maxLandingsPerStep) {
        this.stopLoop(`more than ${maxLandingsPerStep} landings in one script step`);
        return;
      }
      this.record({ type: "action.landed", ...this.describeLanding(next) });
      effectOf(next.action).land(next.action as never, this, next);
    }
  }

  /** The automatic show check (SPEC §3.1), in `experiences` order; never nested. */
  requestShowCheck(): void {
    if (this.checking) {
      this.recheck = true;
      return;
    }
    this.checking = true;
    try {
      do {
        this.recheck = false;
        this.showCheck();
      } while (this.recheck && !this.state.chainStopped);
    } finally {
      this.checking = false;
    }
  }

  private showCheck(): void {
    const reserved = this.reservedLaunch();
    for (const experience of this.project.experiences) {
      if (this.state.chainStopped) return;
      if (experience.showOn.trigger !== "auto") continue;
      if (!matchesAny(experience.showOn.urls, this.state.page)) continue;
      if (this.state.experiences[experience.id].status === "active") continue;
      const reasons = showReasons(experience, this.project, this.state, reserved);
      if (reasons.length > 0) {
        this.record({ type: "show.skipped", experience: experience.id, reasons });
      } else if (this.countChain()) {
        this.show(experience, "auto");
      }
    }
  }

  /** A pending launch of a tour/survey/banner holds the screen for it (semantics.ts). */
  private reservedLaunch(): string | undefined {
    for (const landing of this.state.pending) {
      if (landing.action.type !== "launchExperience") continue;
      const target = this.byId.get(landing.action.experience);
      if (target && isSequential(target)) return target.id;
    }
    return undefined;
  }

  private show(experience: Experience, via: "auto" | "launch", from?: string): void {
    const state = this.state.experiences[experience.id];
    state.status = "active";
    state.step = null;
    state.history = [];
    state.views++;
    state.instance++;
    state.lastShown = this.state.now;
    state.snoozedUntil = null;
    if (!experience.ignoreRateLimit) this.state.rateLog.push(this.state.now);
    this.record({
      type: "experience.shown",
      experience: experience.id,
      via,
      ...(from ? { from } : {}),
    });
    this.startActor(experience.id, undefined);
    this.drain();
  }

  private startActor(experienceId: string, snapshot: unknown): void {
    const machine = compiledExperience(this.project, experienceId);
    let self: AnyActorRef | undefined;
    const restoring = snapshot !== undefined;
    let live = !restoring;
    const inspect = (event: InspectionEvent) => {
      this.external?.(event);
      if (live && event.actorRef === self) this.observe(experienceId, event);
    };
    const actor = createActor(machine, {
      inspect,
      ...(restoring ? { snapshot: snapshot as never } : {}),
    });
    self = actor;
    this.actors.set(experienceId, actor);
    actor.start();
    live = true;
  }

  private observe(experience: string, event: InspectionEvent): void {
    if (event.type === "@xstate.action") {
      const { type, params } = event.action as { type: string; params: Record<string, unknown> };
      if (type === "entered") {
        this.observed.push({ kind: "entered", experience, step: params.step as string });
      } else if (type === "fire") {
        this.observed.push({ kind: "fire", experience, params: params as unknown as FireParams });
      }
    } else if (event.type === "@xstate.snapshot" && event.snapshot.status === "done") {
      const how = (event.snapshot as unknown as { value: EndState }).value;
      this.observed.push({ kind: "ended", experience, how });
    }
  }

  private drain(): void {
    for (let next = this.observed.shift(); next; next = this.observed.shift()) {
      if (next.kind === "entered") this.onEntered(next.experience, next.step);
      else if (next.kind === "fire") this.onFire(next.experience, next.params);
      else this.onEnded(next.experience, next.how);
    }
  }

  private onEntered(experienceId: string, stepId: string): void {
    const state = this.state.experiences[experienceId];
    state.step = stepId;
    state.visited.push(stepId);
    if (!this.goingBack) state.history.push(stepId);
    this.record({ type: "step.entered", experience: experienceId, step: stepId });
    const experience = this.byId.get(experienceId) as Experience;
    const step = experience.steps.find((s) => s.id === stepId) as Step;
    this.fireUrlTriggers(experience, step);
  }

  private fireUrlTriggers(experience: Experience, step: Step): void {
    for (const trigger of step.triggers) {
      if (!("url" in trigger.on) || !matchesPage(trigger.on.url, this.state.page)) continue;
      if (!this.onStep(experience, step)) return;
      this.send(experience.id, eventTypes.trigger(trigger.id));
    }
  }

  private onFire(experienceId: string, params: FireParams): void {
    const experience = this.byId.get(experienceId) as Experience;
    const state = this.state.experiences[experienceId];
    const source: ActionSource = {
      context: params.context,
      experience: experienceId,
      ...(params.step ? { step: params.step } : {}),
      instance: state.instance,
      ...(params.id ? { id: params.id } : {}),
    };
    if (params.context === "task") {
      this.onTask(experience, params.id as string, source);
      return;
    }
    const step = experience.steps.find((s) => s.id === params.step) as Step;
    if (params.context === "condition" && !params.fallback) {
      this.record({
        type: "condition.matched",
        experience: experienceId,
        step: step.id,
        condition: params.id,
      });
    }
    this.fire(firedList(step, params), source);
  }

  private onTask(experience: Experience, taskId: string, source: ActionSource): void {
    const task = experience.tasks.find((t) => t.id === taskId);
    if (!task) return;
    const state = this.state.experiences[experience.id];
    this.fire(task.actions, source);
    state.tasksDone.push(task.id);
    this.record({ type: "task.done", experience: experience.id, task: task.id });
    const allDone = experience.tasks.every((t) => state.tasksDone.includes(t.id));
    if (allDone && state.status === "active") this.send(experience.id, eventTypes.complete);
  }

  private onEnded(experienceId: string, how: EndState): void {
    const state = this.state.experiences[experienceId];
    state.status = how;
    state.step = null;
    if (how === "completed") state.completedAt = this.state.now;
    if (how === "dismissed") state.dismissedAt = this.state.now;
    this.actors.delete(experienceId);
    this.record({ type: `experience.${how}`, experience: experienceId });
    this.requestShowCheck();
  }
}

function landingOrder(a: PendingLanding, b: PendingLanding): number {
  return a.due - b.due || a.seq - b.seq;
}

function effectOf(action: Action) {
  return actionRegistry[action.type as ActionType].effect;
}

export function createSimulation(project: Project, options: SimulationOptions = {}): Simulation {
  const simulation = new WorldSimulation(
    project,
    initialWorld(project, options),
    {},
    options.inspect,
  );
  simulation.start();
  return simulation;
}

export function restoreSimulation(
  project: Project,
  snapshot: SimulationSnapshot,
  inspect?: ExternalInspector,
): Simulation {
  const copy = structuredClone(snapshot);
  return new WorldSimulation(project, copy.world, copy.actors, inspect);
}

/** Internal: the script steps need the concrete class. */
export function asWorldSimulation(simulation: Simulation): WorldSimulation {
  if (!(simulation instanceof WorldSimulation)) throw new Error("not a Flowscope simulation");
  return simulation;
}

export { StepRefused };

// The world simulator (SPEC §3): it holds the world (clock, user, page, experiences), fires
// action lists, lands them in (due, sequence) order, and applies what each action module says
// a firing or landing changes (actions/*.ts). Each display is an XState actor of its compiled
// machine (actor-host.ts); a landing that moves a flow is sent to it as the route it takes.
import type { AnyActorRef } from "xstate";
import type { Change, FlowMove, LandingWorld } from "../actions/landing.ts";
import { actionRegistry } from "../actions/registry.ts";
import { compiledConfig, compiledExperience } from "../compile/compile.ts";
import { type FireParams, firedList } from "../compile/fired-list.ts";
import { landEvent, type MachineConfig } from "../compile/machine-config.ts";
import { edgeIds } from "../compile/routes.ts";
import { experienceById, memberById, stepIndex } from "../format/lookup.ts";
import type { Action, ActionType, Experience, Project, Step } from "../format/schema.ts";
import type { Reason, Result, ScriptStep, TraceEntry } from "../format/script.ts";
import { type EndState, isSequential } from "../model/experience.ts";
import { matchesAny, matchesPage } from "../model/glob.ts";
import { keyOf } from "../model/keys.ts";
import { hoursToMs } from "../model/time.ts";
import { nominalOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";
import { loopBound, maxLandingsPerStep } from "../semantics.ts";
import { ActorHost } from "./actor-host.ts";
import { launchReasons } from "./eligibility.ts";
import { ScriptStepError, StepRefused } from "./errors.ts";
import type { ScriptRuntime } from "./runtime.ts";
import { Scheduler } from "./scheduler.ts";
import { runScriptStep } from "./script-steps.ts";
import { ShowCheck } from "./show-check.ts";
import type {
  ActionSource,
  EdgeListener,
  ExternalInspector,
  PendingLanding,
  Simulation,
  SimulationSnapshot,
  TraceListener,
  WorldState,
} from "./types.ts";
import { createWorldActor } from "./world-machine.ts";
import { toResult } from "./world-state.ts";

export class WorldSimulation implements Simulation, ScriptRuntime {
  readonly project: Project;
  private readonly state: WorldState;
  private readonly scheduler: Scheduler;
  private readonly host: ActorHost;
  private readonly shows: ShowCheck;
  private readonly traceListeners = new Set<TraceListener>();
  private readonly edgeListeners = new Set<EdgeListener>();
  /** Only with an external inspector: world facts reach it as events of a world actor. */
  private readonly worldActor?: AnyActorRef;
  /** Experiences shown automatically in this script step (SPEC §3.2: a re-show counts). */
  private readonly autoShown = new Set<string>();
  private landings = 0;

  constructor(
    project: Project,
    world: WorldState,
    actors: Record<string, unknown> = {},
    inspect?: ExternalInspector,
  ) {
    this.project = project;
    this.state = world;
    this.scheduler = new Scheduler(world.pending);
    this.host = new ActorHost(inspect);
    if (inspect) this.worldActor = createWorldActor(inspect);
    this.shows = new ShowCheck({
      project,
      world,
      pendingLandings: () => this.scheduler.all(),
      running: () => !this.state.chainStopped,
      skipped: (experience, reasons) => this.skipped(experience, reasons),
      showAuto: (experience) => this.showAuto(experience),
    });
    for (const id of Object.keys(actors)) {
      this.host.start(id, compiledExperience(project, id), { snapshot: actors[id] });
    }
  }

  // ------------------------------------------------------------------- Simulation API

  run(step: ScriptStep): void {
    const index = this.state.stepIndex++;
    this.state.chain = 0;
    this.state.chainStopped = false;
    this.autoShown.clear();
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
    return structuredClone({
      version: 2 as const,
      world: this.state,
      actors: this.host.persisted(),
    });
  }

  onTrace(listener: TraceListener): () => void {
    this.traceListeners.add(listener);
    return () => this.traceListeners.delete(listener);
  }

  onEdge(listener: EdgeListener): () => void {
    this.edgeListeners.add(listener);
    return () => this.edgeListeners.delete(listener);
  }

  pending(): PendingLanding[] {
    return this.scheduler.ordered();
  }

  advanceMs(ms: number): void {
    const target = this.state.now + Math.max(0, ms);
    this.landUntil(target);
    this.state.now = target;
    this.record({ type: "clock.advanced", ms });
    this.shows.request();
  }

  settle(): void {
    this.landUntil(Number.POSITIVE_INFINITY);
  }

  now(): number {
    return this.state.now;
  }

  world(): Readonly<WorldState> {
    return this.state;
  }

  /** The start of a simulation: the first automatic show check (SPEC §3.1). */
  start(): void {
    this.shows.request();
    this.settle();
  }

  forceStep(experienceId: string, stepId: string): void {
    const experience = this.experience(experienceId);
    if (!experience || stepIndex(experience, stepId) < 0) {
      throw new Error(`No step "${stepId}" in experience "${experienceId}".`);
    }
    const state = this.state.experiences[experienceId];
    if (state.status !== "active") {
      state.views++;
      state.instance++;
      state.lastShown = this.state.now;
    }
    state.status = "active";
    state.step = stepId;
    state.history = [stepId];
    state.visited.push(stepId);
    this.record({ type: "preview.forced", experience: experienceId, step: stepId });
    const machine = compiledExperience(this.project, experienceId);
    const context = { history: [stepId], snoozeCount: state.snoozeCount };
    this.host.start(experienceId, machine, { value: keyOf(stepId), context });
  }

  // ------------------------------------------------------------ ScriptRuntime

  experience(id: string): Experience | undefined {
    return experienceById(this.project, id);
  }

  stateOf(id: string) {
    return this.state.experiences[id];
  }

  currentStep(experience: Experience): Step | undefined {
    const state = this.state.experiences[experience.id];
    if (state.status !== "active" || state.step === null) return undefined;
    return experience.steps[stepIndex(experience, state.step)];
  }

  record(entry: Omit<TraceEntry, "at">): void {
    this.push({ at: this.state.now, ...entry } as TraceEntry);
  }

  private push(full: TraceEntry): void {
    this.state.trace.push(full);
    this.worldActor?.send({ type: "fact", entry: full });
    for (const listener of this.traceListeners) listener(full);
  }

  warn(code: string, message: string, experience?: string): void {
    this.state.warnings.push({ code, message });
    this.record({ type: "warning", code, message, ...(experience ? { experience } : {}) });
  }

  interact(experience: Experience, params: FireParams): void {
    const state = this.state.experiences[experience.id];
    const source: ActionSource = {
      context: params.context,
      experience: experience.id,
      ...(params.step !== undefined ? { step: params.step } : {}),
      instance: state.instance,
      ...(params.id !== undefined ? { id: params.id } : {}),
    };
    if (params.context === "task") {
      this.task(experience, params.id as string, source);
      return;
    }
    const step = experience.steps[stepIndex(experience, params.step as string)];
    const edge = edgeOf(step, params);
    for (const listener of this.edgeListeners)
      listener({ experience: experience.id, edge, step: step.id });
    if (params.context === "condition" && !params.fallback) {
      this.record({
        type: "condition.matched",
        experience: experience.id,
        step: step.id,
        condition: params.id,
      });
    }
    this.fire(firedList(step, params), source, edge);
  }

  closeChecklist(experience: Experience): void {
    this.sendTo(experience.id, { type: "close" });
  }

  /** Fires an action list (SPEC §3.3): all at once, in the nominal order, landing later. */
  fire(list: readonly Action[], source: ActionSource, edge?: string): void {
    if (this.state.chainStopped || list.length === 0) return;
    if (source.context === "trigger" && !this.countChain()) return;
    const order = nominalOrder(list.map((action) => action.type));
    const landings = order.map((index, k) => this.landingFor(list[index], k, source, edge));
    markLead(landings, this.sourceFlow(source)?.experience);
    for (const landing of landings)
      this.push(describeLanding("action.fired", this.state.now, landing));
    for (const landing of landings) {
      if (landing.action.type === "launchExperience" && !this.countChain()) return;
      this.scheduler.push(landing);
    }
    for (const landing of landings) {
      if (this.state.chainStopped) return;
      const fire = effectOf(landing.action).fire;
      if (fire)
        this.apply(fire(landing.action as never, landing, this.view(landing.source)), landing);
    }
  }

  /** Every navigation (same tab or the script's), also to the same URL (SPEC §3.1, §3.2). */
  changePage(url: string): void {
    this.state.page = url;
    this.state.pageChanges++;
    this.record({ type: "page.changed", url });
    for (const experience of this.project.experiences) {
      const step = this.currentStep(experience);
      if (step) this.fireUrlTriggers(experience, step);
    }
    this.shows.request();
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
          this.interact(experience, { context: "trigger", step: step.id, id: trigger.id });
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

  // ----------------------------------------------------------------- landing Changes

  /** The view a firing or landing reads (actions/landing.ts). */
  private view(source: ActionSource): LandingWorld {
    const flow = this.sourceFlow(source);
    return {
      project: this.project,
      attributes: this.state.user.attributes,
      flow: flow && {
        experience: flow.experience,
        stepIndex: flow.state.step === null ? -1 : stepIndex(flow.experience, flow.state.step),
        history: flow.state.history,
        snoozeCount: flow.state.snoozeCount,
      },
    };
  }

  /** The source's experience, if the display that fired the list is still on screen. */
  private sourceFlow(source: ActionSource) {
    if (source.experience === undefined) return undefined;
    const state = this.state.experiences[source.experience];
    if (state?.status !== "active" || state.instance !== source.instance) return undefined;
    const experience = this.experience(source.experience);
    return experience && { experience, state };
  }

  private apply(changes: readonly Change[], landing: PendingLanding): void {
    for (const change of changes) {
      switch (change.type) {
        case "move":
          this.move(change.experience, change.move, landing);
          break;
        case "snooze": {
          const state = this.state.experiences[change.experience];
          state.snoozeCount++;
          state.snoozedUntil = this.state.now + hoursToMs(change.hours);
          break;
        }
        case "effect":
          this.state.effects.push(change.effect);
          break;
        case "page":
          this.changePage(change.url);
          break;
        case "tab":
          this.state.tabs.push(change.url);
          this.record({ type: "tab.opened", url: change.url });
          break;
        case "launch":
          this.launch(change.experience, landing);
          break;
        case "openAgent":
          this.state.agent.open = true;
          break;
        case "askAgent":
          this.askAgent(change.message);
          break;
        case "attributes":
          Object.assign(this.state.user.attributes, structuredClone(change.attributes));
          this.record({ type: "attributes.set", attributes: structuredClone(change.attributes) });
          break;
        case "warn":
          this.warn(change.code, change.message, change.experience);
          break;
        case "record":
          this.record(change.entry);
          break;
        case "dismissOnScreen": {
          const onScreen = this.project.experiences.find(
            (e) => isSequential(e) && this.state.experiences[e.id].status === "active",
          );
          if (onScreen) this.sendTo(onScreen.id, { type: landEvent, to: "dismissed" });
          break;
        }
      }
    }
  }

  /**
   * Moves a flow by a landing. The landing that decides its interaction's route, on the step
   * it was fired from, takes that route (the edge's own transition); any other landing —
   * one that passes through a step first, or lands after the user moved on — is a `land`
   * event naming where it leads. Either way the actor's machine makes the move.
   */
  private move(experienceId: string, move: FlowMove, landing: PendingLanding): void {
    if (move.to === "back") return;
    const to = move.to === "end" ? move.end : keyOf(move.step);
    const current = this.host.state(experienceId);
    if (!current) return;
    const config = compiledConfig(this.project, experienceId);
    const ownRoute =
      landing.leads &&
      landing.edge !== undefined &&
      current.value === keyOf(landing.source.step ?? "") &&
      routeLeadsTo(config, current.value, landing.edge, to);
    const back = move.to === "step" && move.back ? { back: true } : {};
    const event = ownRoute ? { type: landing.edge as string } : { type: landEvent, to, ...back };
    this.host.send(experienceId, event);
    // The machine and the action module agree on every move, or the engine has a bug.
    const after = this.host.state(experienceId)?.value ?? this.host.endedAs(experienceId);
    if (after !== to) {
      throw new Error(`"${experienceId}" went to "${after}", not "${to}", on ${event.type}`);
    }
    this.drain();
  }

  private sendTo(experienceId: string, event: { type: string; to?: string; back?: boolean }): void {
    this.host.send(experienceId, event);
    this.drain();
  }

  private drain(): void {
    for (let next = this.host.next(); next; next = this.host.next()) {
      if (next.kind === "entered") this.entered(next.experience, next.step);
      else this.ended(next.experience, next.how);
    }
  }

  private entered(experienceId: string, stepId: string): void {
    const state = this.state.experiences[experienceId];
    state.step = stepId;
    state.visited.push(stepId);
    // The world mirrors the machine's visit stack: after a `previous` the stack is shorter.
    const size = this.host.state(experienceId)?.context.history?.size ?? 1;
    if (state.history.length >= size) state.history.length = size - 1;
    state.history.push(stepId);
    this.record({ type: "step.entered", experience: experienceId, step: stepId });
    const experience = this.experience(experienceId) as Experience;
    this.fireUrlTriggers(experience, experience.steps[stepIndex(experience, stepId)]);
  }

  private ended(experienceId: string, how: EndState): void {
    const state = this.state.experiences[experienceId];
    state.status = how;
    state.step = null;
    if (how === "completed") state.completedAt = this.state.now;
    if (how === "dismissed") state.dismissedAt = this.state.now;
    this.record({ type: `experience.${how}`, experience: experienceId });
    this.shows.request();
  }

  private fireUrlTriggers(experience: Experience, step: Step): void {
    for (const trigger of step.triggers) {
      if (!("url" in trigger.on) || !matchesPage(trigger.on.url, this.state.page)) continue;
      if (!this.onStep(experience, step)) return;
      this.interact(experience, { context: "trigger", step: step.id, id: trigger.id });
    }
  }

  private onStep(experience: Experience, step: Step): boolean {
    const state = this.state.experiences[experience.id];
    return state.status === "active" && state.step === step.id;
  }

  private task(experience: Experience, taskId: string, source: ActionSource): void {
    const task = memberById(experience.tasks, taskId);
    if (!task) return;
    const state = this.state.experiences[experience.id];
    for (const listener of this.edgeListeners) {
      listener({ experience: experience.id, edge: edgeIds.task(task.id) });
    }
    this.fire(task.actions, source);
    state.tasksDone.push(task.id);
    this.record({ type: "task.done", experience: experience.id, task: task.id });
    const done = new Set(state.tasksDone);
    if (state.status === "active" && experience.tasks.every((t) => done.has(t.id))) {
      this.sendTo(experience.id, { type: landEvent, to: "completed" });
    }
  }

  // ------------------------------------------------------------- launches and shows

  private launch(targetId: string, landing: PendingLanding): void {
    const from = landing.source.experience;
    const fromPart = from ? { from } : {};
    const target = this.experience(targetId);
    if (!target) {
      const reasons = [{ code: "notLive", message: `no experience "${targetId}" in the project` }];
      this.record({ type: "launch.blocked", experience: targetId, ...fromPart, reasons });
      this.shows.request();
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
      this.shows.request();
      return;
    }
    const reasons = launchReasons(target, this.project, this.state);
    if (reasons.length > 0) {
      this.record({ type: "launch.blocked", experience: targetId, ...fromPart, reasons });
      this.shows.request();
      return;
    }
    this.show(target, "launch", from);
  }

  private skipped(experience: Experience, reasons: Reason[]): void {
    this.record({ type: "show.skipped", experience: experience.id, reasons });
  }

  /** SPEC §3.2 loops: an automatic re-show in the same script step counts, a first one not. */
  private showAuto(experience: Experience): void {
    const again = this.autoShown.has(experience.id);
    if (again && !this.countChain()) return;
    this.autoShown.add(experience.id);
    this.show(experience, "auto");
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
    if (!experience.ignoreRateLimit) this.logShow();
    this.record({
      type: "experience.shown",
      experience: experience.id,
      via,
      ...(from ? { from } : {}),
    });
    const machine = compiledExperience(this.project, experience.id);
    this.host.start(experience.id, machine, { input: { snoozeCount: state.snoozeCount } });
    this.drain();
  }

  /** Rate-limit log (SPEC §3.1): shows older than the window can never count again. */
  private logShow(): void {
    const log = this.state.rateLog;
    log.push(this.state.now);
    const limit = this.project.settings.rateLimit;
    if (!limit) return;
    const since = this.state.now - hoursToMs(limit.hours);
    let drop = 0;
    while (drop < log.length && log[drop] <= since) drop++;
    if (drop > 0) log.splice(0, drop);
  }

  // ------------------------------------------------------------------------ landings

  private landingFor(
    action: Action,
    order: number,
    source: ActionSource,
    edge?: string,
  ): PendingLanding {
    return {
      seq: this.state.nextSeq++,
      firedAt: this.state.now,
      due: this.state.now + latencyOf(action, this.project.settings),
      order,
      action,
      source,
      pageChangesAtFire: this.state.pageChanges,
      ...(edge !== undefined ? { edge } : {}),
    };
  }

  /** Counts a trigger firing, a launch or a re-show; false once the loop bound is passed. */
  private countChain(): boolean {
    if (this.state.chainStopped) return false;
    this.state.chain++;
    if (this.state.chain <= loopBound) return true;
    this.stopLoop(
      `more than ${loopBound} trigger firings, launches or re-shows in one script step`,
    );
    return false;
  }

  private stopLoop(message: string): void {
    this.state.chainStopped = true;
    const dropped = this.scheduler.clear();
    this.record({ type: "loop.stopped", message, dropped });
  }

  /** Lands, in (due, sequence) order, every pending action due by `until`. */
  private landUntil(until: number): void {
    for (
      let next = this.scheduler.peek();
      next && next.due <= until;
      next = this.scheduler.peek()
    ) {
      this.scheduler.pop();
      if (next.due > this.state.now) this.state.now = next.due;
      if (++this.landings > maxLandingsPerStep) {
        this.stopLoop(`more than ${maxLandingsPerStep} landings in one script step`);
        return;
      }
      this.push(describeLanding("action.landed", this.state.now, next));
      const changes = effectOf(next.action).land(
        next.action as never,
        next,
        this.view(next.source),
      );
      this.apply(changes, next);
    }
  }
}

/** The edge id an interaction takes (compile/routes.ts). */
function edgeOf(step: Step, params: FireParams): string {
  switch (params.context) {
    case "cta":
      return edgeIds.cta(step.id, params.id as string);
    case "trigger":
      return edgeIds.trigger(step.id, params.id as string);
    case "condition":
      return params.fallback
        ? edgeIds.fallback(step.id)
        : edgeIds.condition(step.id, params.id as string);
    default:
      return edgeIds.cross(step.id);
  }
}

/**
 * Marks the landing that decides its list's route: a launch that dismisses its flow as it
 * fires, else the first flow mover to land (due, then firing sequence).
 */
function markLead(landings: PendingLanding[], flow: Experience | undefined): void {
  if (!landings[0]?.edge) return;
  const launch = landings.find((l) => l.action.type === "launchExperience");
  if (launch && flow && isSequential(flow)) {
    launch.leads = true;
    return;
  }
  let lead: PendingLanding | undefined;
  for (const landing of landings) {
    if (!effectOf(landing.action).movesFlow) continue;
    if (!lead || landing.due < lead.due || (landing.due === lead.due && landing.seq < lead.seq))
      lead = landing;
  }
  if (lead) lead.leads = true;
}

/** Can the edge's transition from `state` lead to `to`? (Guards pick among these.) */
function routeLeadsTo(config: MachineConfig, state: string, edge: string, to: string): boolean {
  const on = config.states[state]?.on;
  if (!on || !Object.hasOwn(on, edge)) return false;
  const transitions = on[edge];
  return (Array.isArray(transitions) ? transitions : [transitions]).some((t) => t.target === to);
}

function describeLanding(type: string, at: number, landing: PendingLanding): TraceEntry {
  // Built field by field, not with spreads: this runs twice per action (a hot path).
  const { source, action } = landing;
  const entry: TraceEntry = { at, type };
  if (source.experience) entry.experience = source.experience;
  if (source.step) entry.step = source.step;
  entry.action = action.type;
  entry.order = landing.order;
  if (action.type === "launchExperience") entry.target = action.experience;
  return entry;
}

function effectOf(action: Action) {
  return actionRegistry[action.type as ActionType].effect;
}

// The population kernel (issue 13): one user's world over the flat tables of
// kernel-tables.ts — the engine's semantics (SPEC §3, machines/engine/world-simulation.ts)
// on integers: show checks, fired lists landing in (due, firing sequence) order, launches,
// snoozes, recurrence, the rate limit, URL and click triggers and the loop bound. State lives
// in typed arrays reset per user: running a user allocates nothing (unless it records).
// The differential test (test/forecast-kernel.test.ts) replays the script each user draws
// through the engine and compares every user's outcome field by field.
import type { AnswerValue } from "../compile/survey.ts";
import type { ExperienceResult, ExperienceStatus } from "../format/script.ts";
import { loopBound, maxLandingsPerStep } from "../semantics.ts";
import { Act, GoTo, type KernelTables, ListContext } from "./kernel-tables.ts";
import type { ForecastLayout, Offer } from "./layout.ts";
import { blockedReasons, OfferKind } from "./layout.ts";
import { endNumber, reasonNumber, type TallySink } from "./tally.ts";
import type { UserWorld } from "./user-driver.ts";

const idle = 0;
const active = 1;
const completed = 2;
const dismissed = 3;
const snoozed = 4;
const statusNames: ExperienceStatus[] = ["idle", "active", "completed", "dismissed", "snoozed"];

// Module-level copies: imported bindings are getters under some loaders (a hot-loop cost).
const aGoToStep = Act.goToStep;
const aLaunch = Act.launchExperience;
const aDismiss = Act.dismiss;
const aSnooze = Act.snooze;
const aNavigate = Act.navigateTo;
const aLaunchAgent = Act.launchAgent;
const aSetAttributes = Act.setAttributes;
const goNext = GoTo.next;
const goPrevious = GoTo.previous;
const goComplete = GoTo.complete;
const fromTrigger = ListContext.trigger;
const fromAgent = ListContext.agent;
const chainBound = loopBound;
const routeKind = OfferKind.route;
const anyAnswerKind = OfferKind.anyAnswer;
const triggerKind = OfferKind.trigger;
const landingBound = maxLandingsPerStep;
const reasonCount = blockedReasons.length;
const endOpen = endNumber.open;
const endCompleted = endNumber.completed;
const endSnoozed = endNumber.snoozed;
const endLaunched = endNumber.launched;
const endDismissed = endNumber.dismissed;

const rNotLive = 1 << reasonNumber.notLive;
const rAudience = 1 << reasonNumber.audience;
const rRecurrence = 1 << reasonNumber.recurrence;
const rSnoozed = 1 << reasonNumber.snoozed;
const rRateLimited = 1 << reasonNumber.rateLimited;
const rFlowOnScreen = 1 << reasonNumber.flowOnScreen;

export class KernelWorld implements UserWorld {
  private readonly E: number;
  // Per experience.
  private readonly status: Uint8Array;
  private readonly step: Int32Array;
  private readonly instance: Int32Array;
  private readonly views: Int32Array;
  private readonly snoozeCount: Int32Array;
  private readonly snoozedUntil: Float64Array;
  private readonly completedAt: Float64Array;
  private readonly dismissedAt: Float64Array;
  private readonly firstShown: Float64Array;
  private readonly lastLaunch: Uint8Array;
  private readonly autoShown: Int32Array;
  /** Per experience: the skip reasons already counted for this user (a bit per reason). */
  private readonly skippedFor: Int32Array;
  private history: Int32Array[];
  private readonly historySize: Int32Array;
  // The world.
  /** The user's attribute set (AttributeStates) and its audiences' attribute tests. */
  private attributeState = 0;
  private audience: Uint8Array = new Uint8Array(0);
  private page = 0;
  private pageChanges = 0;
  private nowMs = 0;
  private rateLog = new Float64Array(16);
  private rateHead = 0;
  private rateTail = 0;
  // Pending landings, struct of arrays (few at a time: a linear scan finds the next).
  private pDue = new Float64Array(16);
  private pSeq = new Float64Array(16);
  private pAct = new Int32Array(16);
  private pList = new Int32Array(16);
  private pExp = new Int32Array(16);
  private pInstance = new Int32Array(16);
  private pPageChanges = new Int32Array(16);
  private pending = 0;
  private nextSeq = 0;
  // The script step.
  private stepSerial = 0;
  private chain = 0;
  private chainStopped = false;
  private landings = 0;
  private checking = false;
  private again = false;
  private sink: TallySink | undefined;
  /** The user has no session and nothing can show to them (begin()). */
  private idle = false;
  /** Steps entered, per experience, when recording (the differential test reads them). */
  private visited: string[][] | undefined;

  constructor(
    private readonly t: KernelTables,
    private readonly layout: ForecastLayout,
  ) {
    const E = t.experiences;
    this.E = E;
    this.status = new Uint8Array(E);
    this.step = new Int32Array(E);
    this.instance = new Int32Array(E);
    this.views = new Int32Array(E);
    this.snoozeCount = new Int32Array(E);
    this.snoozedUntil = new Float64Array(E);
    this.completedAt = new Float64Array(E);
    this.dismissedAt = new Float64Array(E);
    this.firstShown = new Float64Array(E);
    this.lastLaunch = new Uint8Array(E);
    this.autoShown = new Int32Array(E);
    this.skippedFor = new Int32Array(E);
    this.history = Array.from({ length: E }, () => new Int32Array(8));
    this.historySize = new Int32Array(E);
  }

  /** Counts edges, steps and skipped shows into `sink` as they happen (after beginUser). */
  setSink(sink: TallySink | undefined): void {
    this.sink = sink;
  }

  /** Records the steps each experience enters, for `outcome()`. */
  record(on: boolean): void {
    this.visited = on ? Array.from({ length: this.E }, () => []) : undefined;
  }

  // ------------------------------------------------------------------ UserWorld

  begin(_index: number, persona: number, page: number): void {
    // A user with no session, on a page no automatic experience shows on: the start's show
    // check can show or skip nothing, so the user's outcome is empty (a third of users at one
    // session a day on average). Nothing else is reset: tally() and stepOnScreen() read `idle`.
    this.idle = page < 0 && !this.t.noSessionShows;
    if (this.idle) return;
    for (let e = 0; e < this.E; e++) {
      this.status[e] = idle;
      this.step[e] = -1;
      this.instance[e] = 0;
      this.views[e] = 0;
      this.snoozeCount[e] = 0;
      this.snoozedUntil[e] = -1;
      this.completedAt[e] = -1;
      this.dismissedAt[e] = -1;
      this.firstShown[e] = -1;
      this.lastLaunch[e] = 0;
      this.autoShown[e] = 0;
      this.skippedFor[e] = 0;
      this.historySize[e] = 0;
    }
    if (this.visited) for (const list of this.visited) list.length = 0;
    this.setAttributes(this.t.personaState[persona < 0 ? this.t.personaState.length - 1 : persona]);
    this.page = page < 0 ? this.t.noSessionPage : this.t.planPage[page];
    this.pageChanges = 0;
    this.nowMs = 0;
    this.rateHead = 0;
    this.rateTail = 0;
    this.pending = 0;
    this.nextSeq = 0;
    this.chain = 0;
    this.chainStopped = false;
    this.landings = 0;
    this.stepSerial = 1;
    // The start: the first show check, then everything lands (simulation.start()).
    this.requestShows();
    this.landUntil(Number.POSITIVE_INFINITY);
  }

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    this.beginStep();
    const target = this.nowMs + Math.max(0, ms);
    this.landUntil(target);
    this.nowMs = target;
    this.requestShows();
    this.landUntil(Number.POSITIVE_INFINITY);
  }

  navigate(page: number): void {
    this.beginStep();
    this.changePage(this.t.planPage[page]);
    this.landUntil(Number.POSITIVE_INFINITY);
  }

  stepOnScreen(experience: number): number {
    if (this.idle) return -1;
    return this.status[experience] === active ? this.step[experience] : -1;
  }

  act(experience: number, offer: number, value: AnswerValue | undefined): void {
    this.beginStep();
    const layout = this.layout;
    const kind = layout.offerKind[offer];
    if (kind === routeKind) this.interact(experience, layout.offerEdge[offer]);
    else if (kind === anyAnswerKind) {
      this.interact(experience, layout.answerEdges[this.step[experience]](value as AnswerValue));
    } else if (kind === triggerKind) {
      const does = (layout.offers[offer] as Extract<Offer, { kind: "trigger" }>).does;
      if (does.do === "clickElement") {
        this.clickElement(this.t.selectorNumber.get(does.selector) ?? -1);
      } else if (does.do === "navigate") {
        this.changePage(this.t.pages.of(does.url));
      }
    } else return;
    this.landUntil(Number.POSITIVE_INFINITY);
  }

  tally(sink: TallySink, base: number): void {
    if (this.idle) return;
    for (let e = 0; e < this.E; e++) {
      const views = this.views[e];
      if (views === 0) continue;
      const s = this.status[e];
      const end =
        s === active
          ? endOpen
          : s === completed
            ? endCompleted
            : s === snoozed
              ? endSnoozed
              : this.lastLaunch[e] === 1
                ? endLaunched
                : endDismissed;
      sink.shown(e, base + this.firstShown[e], views, this.snoozeCount[e], end);
    }
  }

  /** The outcome per experience, as the engine's Result has it (recording only). */
  outcome(): Record<string, ExperienceResult> {
    const out: Record<string, ExperienceResult> = {};
    this.layout.experiences.forEach((exp, e) => {
      const s = this.idle ? idle : this.status[e];
      const step = this.step[e];
      const value: ExperienceResult = {
        status: statusNames[s],
        step:
          s === active && step >= 0
            ? this.layout.experiences[e].stepIds[step - exp.stepBase]
            : null,
        visited: this.idle ? [] : [...(this.visited?.[e] ?? [])],
        views: this.idle ? 0 : this.views[e],
        snoozeCount: this.idle ? 0 : this.snoozeCount[e],
        tasksDone: [],
      };
      Object.defineProperty(out, exp.id, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    });
    return out;
  }

  // ------------------------------------------------------------------ the world

  private beginStep(): void {
    this.stepSerial++;
    this.chain = 0;
    this.chainStopped = false;
    this.landings = 0;
  }

  private countChain(): boolean {
    if (this.chainStopped) return false;
    this.chain++;
    if (this.chain <= chainBound) return true;
    this.chainStopped = true;
    this.pending = 0;
    return false;
  }

  /** An interaction with the step `e` shows, by route `edge` (engine: interact()). */
  private interact(e: number, edge: number): void {
    this.sink?.took(edge);
    this.lastLaunch[e] = this.layout.edgeLaunches[edge];
    this.fire(edge, e, this.instance[e]);
  }

  /** Fires list `list` (SPEC §3.3) from experience `e`'s display `inst` (-1: the agent). */
  private fire(list: number, e: number, inst: number): void {
    const t = this.t;
    const from = t.listStart[list];
    const to = t.listStart[list + 1];
    if (this.chainStopped || from === to) return;
    if (t.listContext[list] === fromTrigger && !this.countChain()) return;
    const firstSeq = this.nextSeq;
    this.nextSeq += to - from;
    for (let a = from; a < to; a++) {
      if (t.actType[a] === aLaunch && !this.countChain()) return;
      this.schedule(a, list, e, inst, firstSeq + (a - from));
    }
    for (let a = from; a < to; a++) {
      if (this.chainStopped) return;
      // Firing a launch dismisses its own flow (SPEC §3.2); nothing else acts as it fires.
      if (t.actType[a] !== aLaunch) continue;
      if (t.listContext[list] === fromAgent || e < 0) continue;
      if (this.status[e] !== active || this.instance[e] !== inst || t.sequential[e] === 0) continue;
      this.ended(e, dismissed);
    }
  }

  private schedule(a: number, list: number, e: number, inst: number, seq: number): void {
    if (this.pending === this.pDue.length) this.growPending();
    const i = this.pending++;
    this.pDue[i] = this.nowMs + this.t.actLatency[a];
    this.pSeq[i] = seq;
    this.pAct[i] = a;
    this.pList[i] = list;
    this.pExp[i] = e;
    this.pInstance[i] = inst;
    this.pPageChanges[i] = this.pageChanges;
  }

  private growPending(): void {
    const size = this.pDue.length * 2;
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.pDue = grow(this.pDue, (n) => new Float64Array(n));
    this.pSeq = grow(this.pSeq, (n) => new Float64Array(n));
    this.pAct = grow(this.pAct, (n) => new Int32Array(n));
    this.pList = grow(this.pList, (n) => new Int32Array(n));
    this.pExp = grow(this.pExp, (n) => new Int32Array(n));
    this.pInstance = grow(this.pInstance, (n) => new Int32Array(n));
    this.pPageChanges = grow(this.pPageChanges, (n) => new Int32Array(n));
  }

  /** Lands, in (due, sequence) order, every pending action due by `until`. */
  private landUntil(until: number): void {
    for (;;) {
      let next = -1;
      for (let i = 0; i < this.pending; i++) {
        if (
          next < 0 ||
          this.pDue[i] < this.pDue[next] ||
          (this.pDue[i] === this.pDue[next] && this.pSeq[i] < this.pSeq[next])
        ) {
          next = i;
        }
      }
      if (next < 0 || this.pDue[next] > until) return;
      const due = this.pDue[next];
      const a = this.pAct[next];
      const e = this.pExp[next];
      const inst = this.pInstance[next];
      const pageChanges = this.pPageChanges[next];
      // Remove it, keeping the others' relative order irrelevant (selection is by key).
      const last = --this.pending;
      if (next !== last) {
        this.pDue[next] = this.pDue[last];
        this.pSeq[next] = this.pSeq[last];
        this.pAct[next] = this.pAct[last];
        this.pList[next] = this.pList[last];
        this.pExp[next] = this.pExp[last];
        this.pInstance[next] = this.pInstance[last];
        this.pPageChanges[next] = this.pPageChanges[last];
      }
      if (due > this.nowMs) this.nowMs = due;
      if (++this.landings > landingBound) {
        this.chainStopped = true;
        this.pending = 0;
        return;
      }
      this.land(a, e, inst, pageChanges);
    }
  }

  /** What one action does as it lands (the action modules' `land`). */
  private land(a: number, e: number, inst: number, pageChangesAtFire: number): void {
    const t = this.t;
    // The display that fired it, if it is still on screen (engine: sourceFlow()).
    const flow = e >= 0 && this.status[e] === active && this.instance[e] === inst;
    switch (t.actType[a]) {
      case aGoToStep: {
        if (!flow) return;
        const target = t.actTarget[a];
        const at = this.step[e];
        if (target === goComplete) this.ended(e, completed);
        else if (target === goNext) {
          const next = at < 0 ? -1 : t.stepNext[at];
          if (next >= 0) this.entered(e, next, false);
          else this.ended(e, completed);
        } else if (target === goPrevious) {
          const size = this.historySize[e];
          if (size >= 2) this.entered(e, this.history[e][size - 2], true);
        } else if (target >= 0) this.entered(e, target, false);
        return;
      }
      case aDismiss:
        if (flow) this.ended(e, dismissed);
        return;
      case aSnooze:
        if (!flow) return;
        if (this.snoozeCount[e] >= t.actTarget[a]) {
          this.ended(e, dismissed);
          return;
        }
        this.snoozeCount[e]++;
        this.snoozedUntil[e] = this.nowMs + t.actMs[a];
        this.ended(e, snoozed);
        return;
      case aLaunch:
        this.launch(t.actTarget[a], pageChangesAtFire);
        return;
      case aNavigate: {
        const page = t.attributes.page(this.attributeState, a);
        if (page >= 0) this.changePage(page);
        return;
      }
      case aLaunchAgent: {
        const answer = t.attributes.agentAnswer(this.attributeState, a);
        const automated = t.attributes.agentAutomated(this.attributeState, a);
        if (answer >= 0) this.fire(answer, -1, 0);
        if (automated >= 0) this.fire(automated, -1, 0);
        return;
      }
      case aSetAttributes:
        this.setAttributes(t.attributes.after(this.attributeState, t.actTarget[a]));
        return;
      default:
        return;
    }
  }

  private setAttributes(state: number): void {
    this.attributeState = state;
    this.audience = this.t.attributes.audience[state];
  }

  private entered(e: number, s: number, back: boolean): void {
    this.step[e] = s;
    this.visited?.[e].push(this.layout.steps[s].id);
    if (this.t.keepsHistory[e] === 1) {
      if (back) this.historySize[e]--;
      else {
        const size = this.historySize[e];
        let stack = this.history[e];
        if (size === stack.length) {
          const bigger = new Int32Array(size * 2);
          bigger.set(stack);
          this.history[e] = bigger;
          stack = bigger;
        }
        stack[size] = s;
        this.historySize[e] = size + 1;
      }
    }
    this.sink?.reached(s);
    this.fireUrlTriggers(e, s);
  }

  private ended(e: number, how: number): void {
    this.status[e] = how;
    this.step[e] = -1;
    if (how === completed) this.completedAt[e] = this.nowMs;
    else if (how === dismissed) this.dismissedAt[e] = this.nowMs;
    this.requestShows();
  }

  private fireUrlTriggers(e: number, s: number): void {
    const t = this.t;
    for (let k = t.triggerStart[s]; k < t.triggerStart[s + 1]; k++) {
      if (t.triggerSelector[k] >= 0 || t.pages.triggerMatches[this.page * t.triggers + k] === 0)
        continue;
      if (this.status[e] !== active || this.step[e] !== s) return;
      this.interact(e, t.triggerEdge[k]);
    }
  }

  private changePage(page: number): void {
    this.page = page;
    this.pageChanges++;
    for (let e = 0; e < this.E; e++) {
      const s = this.step[e];
      if (this.status[e] === active && s >= 0) this.fireUrlTriggers(e, s);
    }
    this.requestShows();
  }

  private clickElement(selector: number): void {
    if (selector < 0) return;
    const t = this.t;
    for (let e = 0; e < this.E; e++) {
      const s = this.step[e];
      if (this.status[e] !== active || s < 0) continue;
      for (let k = t.triggerStart[s]; k < t.triggerStart[s + 1]; k++) {
        if (t.triggerSelector[k] !== selector) continue;
        if (this.status[e] !== active || this.step[e] !== s) continue;
        this.interact(e, t.triggerEdge[k]);
      }
    }
  }

  // ------------------------------------------------------------- shows and launches

  private launch(target: number, pageChangesAtFire: number): void {
    const t = this.t;
    if (target < 0) {
      this.requestShows(); // launch.blocked: no such experience
      return;
    }
    if (
      this.pageChanges > pageChangesAtFire &&
      t.pages.showsOn[this.page * this.E + target] === 0
    ) {
      this.requestShows(); // launch.interrupted
      return;
    }
    let reasons = this.notLiveAudienceRecurrence(target);
    if (this.status[target] === active) reasons |= rFlowOnScreen;
    else if (t.sequential[target] === 1) {
      for (let o = 0; o < this.E; o++) {
        if (o !== target && t.sequential[o] === 1 && this.status[o] === active) {
          reasons |= rFlowOnScreen;
          break;
        }
      }
    }
    if (reasons !== 0) {
      this.requestShows(); // launch.blocked
      return;
    }
    this.show(target);
  }

  private notLiveAudienceRecurrence(e: number): number {
    const t = this.t;
    let reasons = 0;
    if (t.live[e] === 0) reasons |= rNotLive;
    if (!this.audienceHolds(e)) reasons |= rAudience;
    const ended = Math.max(this.completedAt[e], this.dismissedAt[e]);
    if (ended >= 0) {
      const kind = t.recurrence[e];
      if (kind === 0 || (kind === 1 && this.nowMs < ended + t.recurrenceMs[e]))
        reasons |= rRecurrence;
    }
    return reasons;
  }

  private audienceHolds(e: number): boolean {
    const t = this.t;
    if (this.audience[e] === 0) return false;
    for (let k = t.hasStart[e]; k < t.hasStart[e + 1]; k++) {
      const o = t.hasExperience[k];
      if (o < 0) return false;
      const kind = t.hasKind[k];
      const holds =
        kind === 0
          ? this.views[o] > 0
          : kind === 1
            ? this.completedAt[o] >= 0
            : kind === 2
              ? this.dismissedAt[o] >= 0
              : this.snoozeCount[o] > 0;
      if (!holds) return false;
    }
    return true;
  }

  private requestShows(): void {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = true;
    do {
      this.again = false;
      this.showOnce();
    } while (this.again && !this.chainStopped);
    this.checking = false;
  }

  private sequentialOnScreen(): number {
    for (let e = 0; e < this.E; e++)
      if (this.t.sequential[e] === 1 && this.status[e] === active) return e;
    return -1;
  }

  /** The earliest fired pending launch of a tour, survey or banner: it holds the screen. */
  private reservedLaunch(): number {
    const t = this.t;
    let best = -1;
    let bestSeq = 0;
    for (let i = 0; i < this.pending; i++) {
      const a = this.pAct[i];
      if (t.actType[a] !== aLaunch) continue;
      const target = t.actTarget[a];
      if (target < 0 || t.sequential[target] === 0) continue;
      if (best < 0 || this.pSeq[i] < bestSeq) {
        best = target;
        bestSeq = this.pSeq[i];
      }
    }
    return best;
  }

  private showOnce(): void {
    const t = this.t;
    const E = this.E;
    const reserved = this.pending === 0 ? -1 : this.reservedLaunch();
    let onScreen = this.sequentialOnScreen();
    const showsOn = t.pages.showsOn;
    const row = this.page * E;
    for (let e = 0; e < E; e++) {
      if (this.chainStopped) return;
      if (t.auto[e] === 0 || showsOn[row + e] === 0) continue;
      if (this.status[e] === active) continue;
      let reasons = this.notLiveAudienceRecurrence(e);
      const until = this.snoozedUntil[e];
      if (until >= 0 && this.nowMs < until) reasons |= rSnoozed;
      if (t.ignoreRateLimit[e] === 0 && this.rateCount() >= t.rateLimitMax) reasons |= rRateLimited;
      if (t.sequential[e] === 1) {
        if (onScreen >= 0 && onScreen !== e) reasons |= rFlowOnScreen;
        else if (reserved >= 0 && reserved !== e) reasons |= rFlowOnScreen;
      }
      if (reasons !== 0) {
        // Only reasons new for this user reach the sink (it counts users, not skips).
        const fresh = reasons & ~this.skippedFor[e];
        const sink = this.sink;
        if (fresh !== 0 && sink) {
          this.skippedFor[e] |= fresh;
          for (let r = 0; r < reasonCount; r++) if (fresh & (1 << r)) sink.blocked(e, r);
        }
        continue;
      }
      // SPEC §3.2 loops: a second automatic show in one script step counts.
      if (this.autoShown[e] === this.stepSerial && !this.countChain()) continue;
      this.autoShown[e] = this.stepSerial;
      this.show(e);
      onScreen = this.sequentialOnScreen();
    }
  }

  /** Shows in the rolling window (now − hours, now]. */
  private rateCount(): number {
    if (this.t.rateLimitMs === 0 && this.t.rateLimitMax === Number.POSITIVE_INFINITY) return 0;
    const since = this.nowMs - this.t.rateLimitMs;
    while (this.rateHead < this.rateTail && this.rateLog[this.rateHead] <= since) this.rateHead++;
    return this.rateTail - this.rateHead;
  }

  private logShow(): void {
    if (this.t.rateLimitMax === Number.POSITIVE_INFINITY) return;
    if (this.rateTail === this.rateLog.length) {
      // Shows that left the window are dropped first; the log grows only when full of live ones.
      if (this.rateHead > 0) {
        this.rateLog.copyWithin(0, this.rateHead, this.rateTail);
        this.rateTail -= this.rateHead;
        this.rateHead = 0;
      } else {
        const bigger = new Float64Array(this.rateLog.length * 2);
        bigger.set(this.rateLog);
        this.rateLog = bigger;
      }
    }
    this.rateLog[this.rateTail++] = this.nowMs;
  }

  private show(e: number): void {
    const t = this.t;
    this.status[e] = active;
    this.step[e] = -1;
    this.historySize[e] = 0;
    this.views[e]++;
    this.instance[e]++;
    this.snoozedUntil[e] = -1;
    if (this.firstShown[e] < 0) this.firstShown[e] = this.nowMs;
    if (t.ignoreRateLimit[e] === 0) this.logShow();
    if (t.checklist[e] === 1) return;
    const first = t.firstStep[e];
    if (first >= 0) this.entered(e, first, false);
    else this.ended(e, completed);
  }
}

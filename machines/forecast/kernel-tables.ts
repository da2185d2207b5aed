// The population kernel's tables (issue 13): the project, compiled once per forecast into
// flat typed arrays with integer ids: experiences, steps and routes as the layout numbers
// them (the flow graph of each compiled machine), each route's action list in the nominal
// firing order with its latency, and every page the forecast can reach, matched once against
// every URL pattern. The kernel (kernel.ts) then runs users with no string or object work.
import { edgeIds } from "../compile/routes.ts";
import type { Action, AudienceCondition, Project } from "../format/schema.ts";
import { isSequential } from "../model/experience.ts";
import { matchesPage } from "../model/glob.ts";
import { hoursToMs } from "../model/time.ts";
import { nominalOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";
import { forecastNoSessionUrl } from "../semantics.ts";
import { AttributeStates, PageTable } from "./kernel-lazy.ts";
import type { ForecastLayout } from "./layout.ts";
import type { PopulationPlan } from "./population.ts";

/** Action codes (the nominal order's types; what lands is all the kernel needs). */
export const Act = {
  goToStep: 0,
  launchExperience: 1,
  dismiss: 2,
  snooze: 3,
  navigateTo: 4,
  launchAgent: 5,
  /** openPost, bookInterview, runJs without attributes, a new tab: effects only. */
  effect: 6,
  /** runJs with simulate.setAttributes: its setter number is the action's target. */
  setAttributes: 7,
} as const;

/** goToStep targets besides a step number. */
export const GoTo = { next: -1, previous: -2, complete: -3, nowhere: -4 } as const;

/** Where a fired list comes from: a step's route, or the agent (SPEC §3.2). */
export const ListContext = { cta: 0, trigger: 1, condition: 2, cross: 3, agent: 4 } as const;

const has = { seen: 0, completed: 1, dismissed: 2, snoozed: 3 } as const;

export interface KernelTables {
  experiences: number;
  triggers: number;
  /** Pages by number, matched against showOn.urls and URL triggers (grows as users run). */
  pages: PageTable;
  /** Attribute sets by number and what each decides (grows as users run). */
  attributes: AttributeStates;
  /** The attribute set of each persona of the plan, then of a user without persona (last). */
  personaState: Int32Array;
  planPage: Int32Array;
  noSessionPage: number;
  /** An automatic experience shows on the no-session page (a `*` pattern). */
  noSessionShows: boolean;
  auto: Uint8Array;
  sequential: Uint8Array;
  checklist: Uint8Array;
  live: Uint8Array;
  ignoreRateLimit: Uint8Array;
  /** 0 once, 1 every, 2 always. */
  recurrence: Uint8Array;
  recurrenceMs: Float64Array;
  /** The first step, or -1 (a flow without steps completes at once; a checklist has none). */
  firstStep: Int32Array;
  /** Keeps a visit history (a goToStep previous is somewhere in its lists). */
  keepsHistory: Uint8Array;
  /** "has" tests: [hasStart[e], hasStart[e + 1]) index hasExperience/hasKind (-1: unknown). */
  hasStart: Int32Array;
  hasExperience: Int32Array;
  hasKind: Uint8Array;
  rateLimitMax: number;
  rateLimitMs: number;
  /** Per global step. */
  stepExperience: Int32Array;
  /** The next step in its experience, or -1 (past the last, `next` completes). */
  stepNext: Int32Array;
  triggerStart: Int32Array;
  triggerEdge: Int32Array;
  /** The selector number of a click trigger, or -1 for a URL trigger. */
  triggerSelector: Int32Array;
  /** Per list (global edges first, then the agent's lists): its actions. */
  listStart: Int32Array;
  listContext: Uint8Array;
  /** Per action of a list, in the nominal order. */
  actType: Uint8Array;
  actLatency: Float64Array;
  /** goToStep: a step number or GoTo; launchExperience: the target (-1: none such);
   *  snooze: maxTimes; setAttributes: the setter number. */
  actTarget: Int32Array;
  /** snooze: its hours in ms. */
  actMs: Float64Array;
  selectorNumber: Map<string, number>;
}

export function kernelTables(
  project: Project,
  layout: ForecastLayout,
  plan: PopulationPlan,
): KernelTables {
  const E = layout.experiences.length;

  // Lists: one per flow-graph edge (the route's fired list), then the agent's.
  const lists: { actions: readonly Action[]; context: number }[] = [];
  for (const exp of layout.experiences) {
    if (exp.experience.type === "checklist") continue;
    for (const edge of exp.edges) {
      const kind = edge.via.kind;
      const context =
        kind === "cta"
          ? ListContext.cta
          : kind === "trigger"
            ? ListContext.trigger
            : kind === "cross"
              ? ListContext.cross
              : ListContext.condition;
      lists.push({ actions: edge.actions, context });
    }
  }
  if (lists.length !== layout.edgeCount) throw new Error("kernel lists and layout edges disagree");
  const agentList = new Map<object, number>();
  for (const entry of [...project.agent.customAnswers, ...project.agent.automatedActions]) {
    agentList.set(entry, lists.length);
    lists.push({ actions: entry.actions, context: ListContext.agent });
  }

  const listStart = new Int32Array(lists.length + 1);
  const listContext = new Uint8Array(lists.length);
  const actType: number[] = [];
  const actLatency: number[] = [];
  const actTarget: number[] = [];
  const actMs: number[] = [];
  const navigateUrl: (string | undefined)[] = [];
  const agentMessage: (string | undefined)[] = [];
  const setters: Record<string, unknown>[] = [];
  const keepsHistory = new Uint8Array(E);
  // The experience whose lists these are (agent lists: none).
  const listExperience = new Int32Array(lists.length).fill(-1);
  layout.experiences.forEach((exp, e) => {
    for (let i = 0; i < exp.edgeIds.length; i++) listExperience[exp.edgeBase + i] = e;
  });
  lists.forEach((list, l) => {
    listStart[l] = actType.length;
    listContext[l] = list.context;
    const e = listExperience[l];
    const exp = e < 0 ? undefined : layout.experiences[e];
    for (const index of nominalOrder(list.actions.map((a) => a.type))) {
      const action = list.actions[index];
      let type: number = Act.effect;
      let target: number = 0;
      let ms = 0;
      let url: string | undefined;
      let message: string | undefined;
      switch (action.type) {
        case "goToStep":
          type = Act.goToStep;
          if (action.step === "next") target = GoTo.next;
          else if (action.step === "previous") {
            target = GoTo.previous;
            if (e >= 0) keepsHistory[e] = 1;
          } else if (action.step === "complete") target = GoTo.complete;
          else target = exp?.stepNumber.get(action.step) ?? GoTo.nowhere;
          break;
        case "launchExperience":
          type = Act.launchExperience;
          target = layout.experienceNumber.get(action.experience) ?? -1;
          break;
        case "dismiss":
          type = Act.dismiss;
          break;
        case "snooze":
          type = Act.snooze;
          target = action.maxTimes;
          ms = hoursToMs(action.hours);
          break;
        case "navigateTo":
          if (action.openIn !== "sameTab") break;
          type = Act.navigateTo;
          url = action.url;
          break;
        case "launchAgent":
          if (action.message === undefined) break;
          type = Act.launchAgent;
          message = action.message;
          break;
        case "runJs":
          if (!action.simulate?.setAttributes) break;
          type = Act.setAttributes;
          target = setters.length;
          setters.push(action.simulate.setAttributes);
          break;
      }
      actType.push(type);
      actLatency.push(latencyOf(action, project.settings));
      actTarget.push(target);
      actMs.push(ms);
      navigateUrl.push(url);
      agentMessage.push(message);
    }
  });
  listStart[lists.length] = actType.length;

  // Steps and their triggers.
  const S = layout.stepCount;
  const stepNext = new Int32Array(S).fill(-1);
  const triggerStart = new Int32Array(S + 1);
  const triggerEdge: number[] = [];
  const triggerSelector: number[] = [];
  const triggerPattern: string[] = [];
  const triggerPages: string[] = [];
  const selectorNumber = new Map<string, number>();
  for (let s = 0; s < S; s++) {
    const exp = layout.experiences[layout.stepExperience[s]];
    const step = layout.steps[s];
    if (s - exp.stepBase + 1 < exp.stepIds.length) stepNext[s] = s + 1;
    triggerStart[s] = triggerEdge.length;
    for (const trigger of step.triggers) {
      const edge = exp.edgeNumber.get(edgeIds.trigger(step.id, trigger.id));
      if (edge === undefined) throw new Error(`no route for trigger ${trigger.id} of ${step.id}`);
      triggerEdge.push(edge);
      if ("click" in trigger.on) {
        const selector = trigger.on.click;
        if (!selectorNumber.has(selector)) selectorNumber.set(selector, selectorNumber.size);
        triggerSelector.push(selectorNumber.get(selector) as number);
        triggerPattern.push("");
      } else {
        triggerSelector.push(-1);
        triggerPattern.push(trigger.on.url);
        // A URL trigger's own page (where the forecast goes when a user takes it).
        const url = trigger.on.url.replaceAll("*", "") || "/";
        if (matchesPage(trigger.on.url, url)) triggerPages.push(url);
      }
    }
  }
  triggerStart[S] = triggerEdge.length;

  const pages = new PageTable(
    layout.experiences.map((exp) => exp.experience.showOn.urls),
    triggerPattern,
  );
  const planPage = Int32Array.from(plan.pages, (url) => pages.of(url));
  const noSessionPage = pages.of(forecastNoSessionUrl);
  for (const url of triggerPages) pages.of(url);
  const tests = layout.experiences.map((exp) =>
    exp.experience.audience.filter((c): c is AttributeTest => "attribute" in c),
  );
  const attributes = new AttributeStates(
    project,
    tests,
    setters,
    { navigateUrl, agentMessage },
    pages,
    agentList,
  );
  const personaState = Int32Array.from([...plan.personaAttributes, {}], (a) =>
    attributes.intern(a),
  );

  const auto = new Uint8Array(E);
  const sequential = new Uint8Array(E);
  const checklist = new Uint8Array(E);
  const live = new Uint8Array(E);
  const ignoreRateLimit = new Uint8Array(E);
  const recurrence = new Uint8Array(E);
  const recurrenceMs = new Float64Array(E);
  const firstStep = new Int32Array(E).fill(-1);
  const hasStart = new Int32Array(E + 1);
  const hasExperience: number[] = [];
  const hasKind: number[] = [];
  layout.experiences.forEach((exp, e) => {
    const x = exp.experience;
    auto[e] = x.showOn.trigger === "auto" ? 1 : 0;
    sequential[e] = isSequential(x) ? 1 : 0;
    checklist[e] = x.type === "checklist" ? 1 : 0;
    live[e] = x.status === "live" ? 1 : 0;
    ignoreRateLimit[e] = x.ignoreRateLimit ? 1 : 0;
    const rule = x.recurrence;
    recurrence[e] = rule.kind === "once" ? 0 : rule.kind === "every" ? 1 : 2;
    recurrenceMs[e] = rule.kind === "every" ? hoursToMs(rule.hours) : 0;
    if (x.type !== "checklist" && exp.stepIds.length > 0) firstStep[e] = exp.stepBase;
    hasStart[e] = hasExperience.length;
    for (const c of x.audience) {
      if ("attribute" in c) continue;
      hasExperience.push(layout.experienceNumber.get(c.experience) ?? -1);
      hasKind.push(has[c.has]);
    }
  });
  hasStart[E] = hasExperience.length;
  const limit = project.settings.rateLimit;
  return {
    experiences: E,
    triggers: triggerPattern.length,
    pages,
    attributes,
    personaState,
    planPage,
    noSessionPage,
    noSessionShows: layout.experiences.some(
      (exp, e) =>
        exp.experience.showOn.trigger === "auto" && pages.showsOn[noSessionPage * E + e] === 1,
    ),
    auto,
    sequential,
    checklist,
    live,
    ignoreRateLimit,
    recurrence,
    recurrenceMs,
    firstStep,
    keepsHistory,
    hasStart,
    hasExperience: Int32Array.from(hasExperience),
    hasKind: Uint8Array.from(hasKind),
    rateLimitMax: limit ? limit.max : Number.POSITIVE_INFINITY,
    rateLimitMs: limit ? hoursToMs(limit.hours) : 0,
    stepExperience: layout.stepExperience,
    stepNext,
    triggerStart,
    triggerEdge: Int32Array.from(triggerEdge),
    triggerSelector: Int32Array.from(triggerSelector),
    listStart,
    listContext,
    actType: Uint8Array.from(actType),
    actLatency: Float64Array.from(actLatency),
    actTarget: Int32Array.from(actTarget),
    actMs: Float64Array.from(actMs),
    selectorNumber,
  };
}

type AttributeTest = Extract<AudienceCondition, { attribute: string }>;

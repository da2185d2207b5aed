// The population kernel's tables (issue 13): the project, compiled once per forecast into
// flat typed arrays with integer ids: experiences, steps and routes as the layout numbers
// them (the flow graph of each compiled machine), each route's action list in the nominal
// firing order with its latency, and every page the forecast can reach, matched once against
// every URL pattern. The kernel (kernel.ts) then runs users with no string or object work.
import { resolveWithWarnings } from "../actions/resolve.ts";
import { unsafeScheme } from "../actions/url-safety.ts";
import { edgeIds } from "../compile/routes.ts";
import { conditionHolds } from "../engine/audience.ts";
import type { Action, AudienceCondition, Experience, Project } from "../format/schema.ts";
import { flowGraph } from "../graph/flow-graph.ts";
import { isSequential } from "../model/experience.ts";
import { matchesAny, matchesPage } from "../model/glob.ts";
import { hoursToMs } from "../model/time.ts";
import { nominalOrder } from "../rules/execution-order.ts";
import { latencyOf } from "../rules/latency.ts";
import { closingCrossOf, forecastNoSessionUrl } from "../semantics.ts";
import type { ForecastLayout } from "./layout.ts";
import type { PopulationPlan } from "./population.ts";

/** Action codes (the nominal order's types; what lands is all the kernel needs). */
export enum Act {
  goToStep = 0,
  launchExperience = 1,
  dismiss = 2,
  snooze = 3,
  navigateTo = 4,
  launchAgent = 5,
  /** openPost, bookInterview, runJs without attributes, a new tab: effects only. */
  effect = 6,
}

/** goToStep targets besides a step number. */
export enum GoTo {
  next = -1,
  previous = -2,
  complete = -3,
  nowhere = -4,
}

/** Where a fired list comes from: a step's route, or the agent (SPEC §3.2). */
export enum ListContext {
  cta = 0,
  trigger = 1,
  condition = 2,
  cross = 3,
  agent = 4,
}

const has = { seen: 0, completed: 1, dismissed: 2, snoozed: 3 } as const;

export interface KernelTables {
  experiences: number;
  personas: number;
  pages: number;
  planPage: Int32Array;
  noSessionPage: number;
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
  /** [experience * (personas + 1) + persona + 1]: the audience's attribute tests hold. */
  audienceAttributes: Uint8Array;
  /** "has" tests: [hasStart[e], hasStart[e + 1]) index hasExperience/hasKind (-1: unknown). */
  hasStart: Int32Array;
  hasExperience: Int32Array;
  hasKind: Uint8Array;
  /** [experience * pages + page]: showOn.urls match the page. */
  showsOn: Uint8Array;
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
  /** [trigger * pages + page]: a URL trigger's pattern matches the page. */
  triggerMatches: Uint8Array;
  /** Per list (global edges first, then the agent's lists): its actions. */
  listStart: Int32Array;
  listContext: Uint8Array;
  /** Per action of a list, in the nominal order. */
  actType: Uint8Array;
  actLatency: Float64Array;
  /** goToStep: a step number or GoTo; launchExperience: the target; snooze: maxTimes. */
  actTarget: Int32Array;
  /** snooze: its hours in ms. */
  actMs: Float64Array;
  /** navigateTo: [action * (personas + 1) + persona + 1] the page it lands on (-1: none,
   *  a new tab or a refused URL); launchAgent: the custom answer's list (-1: none). */
  actPage: Int32Array;
  /** launchAgent: the automated action's list per persona (-1: none). */
  actAgentAutomated: Int32Array;
  selectorNumber: Map<string, number>;
  pageNumber: Map<string, number>;
}

/** Why the kernel cannot run a project (the engine then runs it); empty: it can. */
export function kernelUnsupported(project: Project): string[] {
  const why = new Set<string>();
  const known = new Set(project.experiences.map((e) => e.id));
  const check = (list: readonly Action[]) => {
    for (const action of list) {
      if (action.type === "runJs" && action.simulate?.setAttributes) {
        why.add("runJs that sets attributes (audiences then change as users run)");
      }
      if (action.type === "launchExperience" && !known.has(action.experience)) {
        why.add(`a launch of an experience the project does not have ("${action.experience}")`);
      }
    }
  };
  for (const experience of project.experiences) {
    for (const step of experience.steps) {
      for (const cta of step.ctas) check(cta.actions);
      for (const trigger of step.triggers) check(trigger.actions);
      for (const condition of step.conditions) check(condition.actions);
      check(closingCrossOf(step));
    }
    for (const task of experience.tasks ?? []) check(task.actions);
  }
  for (const answer of project.agent.customAnswers) check(answer.actions);
  for (const automated of project.agent.automatedActions) check(automated.actions);
  return [...why];
}

export function kernelTables(
  project: Project,
  layout: ForecastLayout,
  plan: PopulationPlan,
): KernelTables {
  const E = layout.experiences.length;
  const personas = plan.personaIds.length;
  const personaSlots = personas + 1;
  const attributesOf = (slot: number) => (slot === 0 ? {} : plan.personaAttributes[slot - 1]);

  // Every page a forecast user can be on: the plan's, the no-session page, URL triggers'
  // pages, and where navigations land (per persona: URLs may name attributes).
  const pageNumber = new Map<string, number>();
  const pageOf = (url: string) => {
    let n = pageNumber.get(url);
    if (n === undefined) {
      n = pageNumber.size;
      pageNumber.set(url, n);
    }
    return n;
  };
  const planPage = Int32Array.from(plan.pages, pageOf);
  const noSessionPage = pageOf(forecastNoSessionUrl);

  // Lists: one per flow-graph edge (the route's fired list), then the agent's.
  const lists: { actions: readonly Action[]; context: number }[] = [];
  for (const exp of layout.experiences) {
    if (exp.experience.type === "checklist") continue;
    const graph = flowGraph(project, exp.id);
    for (const edge of graph.edges) {
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
  const actPage: number[] = [];
  const actAgentAutomated: number[] = [];
  const keepsHistory = new Uint8Array(E);
  const stepNumberOf = (experience: Experience, id: string) =>
    layout.experiences[layout.experienceNumber.get(experience.id) as number].stepNumber.get(id);
  // The experience whose lists these are (agent lists: none).
  const listExperience = new Int32Array(lists.length).fill(-1);
  layout.experiences.forEach((exp, e) => {
    for (let i = 0; i < exp.edgeIds.length; i++) listExperience[exp.edgeBase + i] = e;
  });
  lists.forEach((list, l) => {
    listStart[l] = actType.length;
    listContext[l] = list.context;
    const e = listExperience[l];
    const experience = e < 0 ? undefined : layout.experiences[e].experience;
    const order = nominalOrder(list.actions.map((a) => a.type));
    for (const index of order) {
      const action = list.actions[index];
      let type: number = Act.effect;
      let target: number = 0;
      let ms = 0;
      const pages = new Array<number>(personaSlots).fill(-1);
      const automated = new Array<number>(personaSlots).fill(-1);
      switch (action.type) {
        case "goToStep": {
          type = Act.goToStep;
          if (action.step === "next") target = GoTo.next;
          else if (action.step === "previous") {
            target = GoTo.previous;
            if (e >= 0) keepsHistory[e] = 1;
          } else if (action.step === "complete") target = GoTo.complete;
          else
            target = experience
              ? (stepNumberOf(experience, action.step) ?? GoTo.nowhere)
              : GoTo.nowhere;
          break;
        }
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
          for (let slot = 0; slot < personaSlots; slot++) {
            const url = resolveWithWarnings(action.url, attributesOf(slot), "url").text;
            pages[slot] = unsafeScheme(url) ? -1 : pageOf(url);
          }
          break;
        case "launchAgent":
          if (action.message === undefined) break;
          type = Act.launchAgent;
          for (let slot = 0; slot < personaSlots; slot++) {
            const text = resolveWithWarnings(action.message, attributesOf(slot), "message").text;
            if (text === "") continue;
            const lower = text.toLowerCase();
            const answer = project.agent.customAnswers.find((a) =>
              lower.includes(a.match.toLowerCase()),
            );
            const auto = project.agent.automatedActions.find((a) =>
              lower.includes(a.match.toLowerCase()),
            );
            pages[slot] = answer ? (agentList.get(answer) as number) : -1;
            automated[slot] = auto ? (agentList.get(auto) as number) : -1;
          }
          break;
      }
      actType.push(type);
      actLatency.push(latencyOf(action, project.settings));
      actTarget.push(target);
      actMs.push(ms);
      actPage.push(...pages);
      actAgentAutomated.push(...automated);
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
  const selectorNumber = new Map<string, number>();
  for (let s = 0; s < S; s++) {
    const e = layout.stepExperience[s];
    const exp = layout.experiences[e];
    const step = layout.steps[s];
    const index = s - exp.stepBase;
    if (index + 1 < exp.stepIds.length) stepNext[s] = s + 1;
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
        // A URL trigger's own page (what the forecast navigates to when it takes it).
        const url = trigger.on.url.replaceAll("*", "") || "/";
        if (matchesPage(trigger.on.url, url)) pageOf(url);
      }
    }
  }
  triggerStart[S] = triggerEdge.length;

  // Pages are all known now: match every pattern once.
  const pages = [...pageNumber.keys()];
  const P = pages.length;
  const showsOn = new Uint8Array(E * P);
  const auto = new Uint8Array(E);
  const sequential = new Uint8Array(E);
  const checklist = new Uint8Array(E);
  const live = new Uint8Array(E);
  const ignoreRateLimit = new Uint8Array(E);
  const recurrence = new Uint8Array(E);
  const recurrenceMs = new Float64Array(E);
  const firstStep = new Int32Array(E).fill(-1);
  const audienceAttributes = new Uint8Array(E * personaSlots);
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
    for (let p = 0; p < P; p++) showsOn[e * P + p] = matchesAny(x.showOn.urls, pages[p]) ? 1 : 0;
    const tests = x.audience.filter(
      (c): c is Extract<AudienceCondition, { attribute: string }> => "attribute" in c,
    );
    for (let slot = 0; slot < personaSlots; slot++) {
      audienceAttributes[e * personaSlots + slot] = tests.every((c) =>
        attributeHolds(c, attributesOf(slot)),
      )
        ? 1
        : 0;
    }
    hasStart[e] = hasExperience.length;
    for (const c of x.audience) {
      if ("attribute" in c) continue;
      hasExperience.push(layout.experienceNumber.get(c.experience) ?? -1);
      hasKind.push(has[c.has]);
    }
  });
  hasStart[E] = hasExperience.length;
  const triggerMatches = new Uint8Array(triggerPattern.length * P);
  triggerPattern.forEach((pattern, t) => {
    if (pattern === "") return;
    for (let p = 0; p < P; p++) triggerMatches[t * P + p] = matchesPage(pattern, pages[p]) ? 1 : 0;
  });
  const limit = project.settings.rateLimit;
  return {
    experiences: E,
    personas,
    pages: P,
    planPage,
    noSessionPage,
    auto,
    sequential,
    checklist,
    live,
    ignoreRateLimit,
    recurrence,
    recurrenceMs,
    firstStep,
    keepsHistory,
    audienceAttributes,
    hasStart,
    hasExperience: Int32Array.from(hasExperience),
    hasKind: Uint8Array.from(hasKind),
    showsOn,
    rateLimitMax: limit ? limit.max : Number.POSITIVE_INFINITY,
    rateLimitMs: limit ? hoursToMs(limit.hours) : 0,
    stepExperience: layout.stepExperience,
    stepNext,
    triggerStart,
    triggerEdge: Int32Array.from(triggerEdge),
    triggerSelector: Int32Array.from(triggerSelector),
    triggerMatches,
    listStart,
    listContext,
    actType: Uint8Array.from(actType),
    actLatency: Float64Array.from(actLatency),
    actTarget: Int32Array.from(actTarget),
    actMs: Float64Array.from(actMs),
    actPage: Int32Array.from(actPage),
    actAgentAutomated: Int32Array.from(actAgentAutomated),
    selectorNumber,
    pageNumber,
  };
}

/** An attribute test on fixed attributes (the engine's conditionHolds, audience.ts). */
function attributeHolds(
  condition: Extract<AudienceCondition, { attribute: string }>,
  attributes: Readonly<Record<string, unknown>>,
): boolean {
  return conditionHolds(condition, { user: { attributes } } as never);
}

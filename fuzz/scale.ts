// Valid projects and scripts that grow where users grow them: long tours, many CTAs, dense
// step graphs, many experiences launching each other, many unknown step ids, long scripts.
// Every command must stay within its time and memory limit on them.
import type { Random } from "./random.ts";

export interface ScaleInput {
  note: string;
  project: unknown;
  script: unknown;
  experience: string;
}

const start = { url: "/start", at: "2026-01-05T09:00:00Z" };
const user = { id: "u1", attributes: { email: "ana@acme.io", plan: "pro" } };

function tour(id: string, steps: unknown[], trigger: "auto" | "manual" = "auto") {
  return {
    id,
    type: "tour",
    status: "live",
    showOn: { trigger, urls: ["/start"] },
    recurrence: { kind: "always" },
    steps,
  };
}

function next(label = "Next", step = "next") {
  return { id: label.toLowerCase(), label, actions: [{ type: "goToStep", step }] };
}

/** A tour of n steps, each with Next (and Back, sometimes). */
function linearTour(n: number, back: boolean) {
  const steps = Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    kind: "modal",
    ctas: back && i > 0 ? [next(), next("Back", "previous")] : [next()],
  }));
  return { version: 1, experiences: [tour("long", steps)] };
}

/** One step with n CTAs, each going to the next step or completing. */
function manyCtas(n: number) {
  const ctas = Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    label: `CTA ${i}`,
    actions: [{ type: "goToStep", step: i % 2 === 0 ? "next" : "complete" }],
  }));
  return {
    version: 1,
    experiences: [
      tour("wide", [
        { id: "s1", kind: "modal", ctas },
        { id: "s2", kind: "modal", ctas: [next("Done", "complete")] },
      ]),
    ],
  };
}

/** n steps, each with a CTA to every other step. */
function fullyConnected(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `s${i + 1}`);
  const steps = ids.map((id) => ({
    id,
    kind: "modal",
    ctas: [
      ...ids.filter((other) => other !== id).map((other) => next(`to-${other}`, other)),
      next("Done", "complete"),
    ],
  }));
  return { version: 1, experiences: [tour("dense", steps)] };
}

/** n steps whose CTA jumps to a step that does not exist: n unknownStep errors. */
function unknownSteps(n: number) {
  const steps = Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    kind: "modal",
    ctas: [{ id: "go", label: "Go", actions: [{ type: "goToStep", step: `missing-${i}` }] }],
  }));
  return { version: 1, experiences: [tour("broken", steps)] };
}

/** n tours of k steps; step j of tour i launches tour i + j + 1: about n × k launch edges. */
function launchGraph(n: number, k: number) {
  const ids = Array.from({ length: n }, (_, i) => `x${i}`);
  const experiences = ids.map((id, i) => ({
    id,
    type: "tour",
    status: "live",
    showOn: { trigger: i === 0 ? "auto" : "manual", urls: ["/start"] },
    steps: Array.from({ length: k }, (_, j) => ({
      id: `s${j}`,
      kind: "modal",
      ctas: [
        {
          id: "go",
          label: "Go",
          actions: [{ type: "launchExperience", experience: ids[(i + j + 1) % n] }],
        },
        next(),
      ],
    })),
  }));
  return { version: 1, experiences };
}

function clicks(n: number, cta: string) {
  return Array.from({ length: n }, () => ({ do: "click", cta }));
}

function mixedScript(random: Random, n: number) {
  const kinds = [
    { do: "advance", hours: 1 },
    { do: "navigate", url: "/start" },
    { do: "navigate", url: "/elsewhere" },
    { do: "clickElement", selector: "#save" },
    { do: "askAgent", message: "pricing?" },
    { do: "launch", experience: "long" },
  ];
  return Array.from({ length: n }, () => random.pick(kinds));
}

/** `limit` caps the sizes (steps, CTAs, script steps, experiences × steps). */
export function scaleInput(random: Random, limit: number): ScaleInput {
  const kind = random.int(0, 6);
  const n = random.logInt(Math.min(10, limit), limit);
  switch (kind) {
    case 0:
      return {
        note: `linear tour of ${n} steps`,
        project: linearTour(n, random.chance(0.5)),
        script: { user, start, steps: clicks(random.logInt(1, n), "next") },
        experience: "long",
      };
    case 1:
      return {
        note: `one step with ${n} CTAs`,
        project: manyCtas(n),
        script: { user, start, steps: [{ do: "click", cta: `c${n - 1}` }] },
        experience: "wide",
      };
    case 2: {
      const m = random.logInt(3, Math.max(3, Math.min(60, limit)));
      return {
        note: `fully connected tour of ${m} steps`,
        project: fullyConnected(m),
        script: { user, start, steps: clicks(m, `to-s${m}`) },
        experience: "dense",
      };
    }
    case 3:
      return {
        note: `${n} unknownStep errors`,
        project: unknownSteps(n),
        script: { user, start, steps: [] },
        experience: "broken",
      };
    case 4: {
      const experiences = random.logInt(2, Math.max(2, Math.min(400, limit)));
      const k = random.logInt(1, Math.max(1, Math.min(300, Math.floor(limit / experiences))));
      return {
        note: `${experiences} experiences × ${k} launching steps`,
        project: launchGraph(experiences, k),
        script: { user, start, steps: clicks(random.logInt(1, 200), "go") },
        experience: "x0",
      };
    }
    case 5:
      return {
        note: `script of ${n} mixed steps on a 20-step tour`,
        project: linearTour(20, true),
        script: { user, start, steps: mixedScript(random, n) },
        experience: "long",
      };
    default:
      return {
        note: `script of ${n} advance steps`,
        project: linearTour(3, false),
        script: {
          user,
          start,
          steps: Array.from({ length: n }, () => ({ do: "advance", hours: 25 })),
        },
        experience: "long",
      };
  }
}

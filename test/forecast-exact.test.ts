// Exact mode (SPEC §5, issue 13): hand-computed answers (the arithmetic is in the comments),
// the CLI's contract (exit codes, JSON shape, human funnel), and properties on generated
// flows: probabilities that add up, dynamic programming equal to the Markov chain, and a
// seeded Monte Carlo over the same flow within 5σ.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linearTourInput, mulberry32 } from "../bench/generate.ts";
import { buildChain } from "../machines/forecast/chain.ts";
import { solveChain } from "../machines/forecast/chain-solve.ts";
import { DenseLU } from "../machines/forecast/dense-lu.ts";
import {
  type ExactExperienceForecast,
  exactEnds,
  exactExperienceForecast,
  type FlowChoices,
  ForecastError,
  flowChoices,
  forecastContext,
  forecastUsers,
  monteCarloResult,
} from "../machines/forecast/index.ts";
import {
  type ForecastModel,
  forecastModel,
  type Project,
  type ProjectInput,
} from "../machines/format/index.ts";
import { validateDocument, validateText } from "../machines/validate/index.ts";
import { runInProcess } from "./cli-run.ts";
import { selfThenBackInput } from "./self-then-back.ts";
import { tempFiles } from "./temp-files.ts";

const root = join(import.meta.dirname, "..");
const npsFile = join(root, "examples", "nps-survey.json");

function projectOf(input: unknown): Project {
  const { project, diagnostics } = validateDocument(input);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!project || errors.length > 0) throw new Error(JSON.stringify(errors, null, 2));
  return project;
}

function modelOf(input: unknown): ForecastModel {
  return forecastModel.parse(input);
}

/** Every number of `actual` within 1e-9 of `expected`. */
function expectClose(actual: Record<string, number>, expected: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expect(Math.abs(actual[key] - value), `${key}: ${actual[key]} ≠ ${value}`).toBeLessThan(1e-9);
  }
}

function ends(partial: Partial<Record<(typeof exactEnds)[number], number>>) {
  return { completed: 0, dismissed: 0, snoozed: 0, launched: 0, open: 0, ...partial };
}

function stepsOf(forecast: ExactExperienceForecast, what: "reach" | "visits") {
  return Object.fromEntries(Object.entries(forecast.steps).map(([id, s]) => [id, s[what]]));
}

// --------------------------------------------------------------------- hand-computed

describe("exact mode, by hand", () => {
  it("solves the NPS example (acyclic, branches) by dynamic programming", async () => {
    const project = validateText(await readFile(npsFile, "utf8")).project as Project;
    const model = modelOf({
      behaviour: {
        "quarterly-nps": {
          score: { answer: { "10": 3, "9": 2, "7": 2, "3": 3 }, close: 1 },
          "thank-you": { "cta.done": 4, "cta.review": 1 },
        },
      },
      default: { cta: 4, close: 1, ignore: 1 },
    });
    const forecast = exactExperienceForecast(project, model, "quarterly-nps");
    expect(forecast.method).toBe("dynamicProgramming");
    // score (weights 11): promoters 9–10 → thank-you 5/11; 7 (fallback next) →
    // passive-reason 2/11; detractors 3 → tell-us-more 3/11; close → dismissed 1/11.
    // passive-reason (choice, default): answer weight = cta 4 over 5 options, all to the
    // fallback → book-call; close 1: book-call 4/5, dismissed 1/5. tell-us-more (text, "")
    // the same. So book-call = (2/11 + 3/11)·4/5 = 4/11.
    // book-call: cta 4 shared by "book" (bookInterview only: moves nothing, left out) and
    // "no-thanks" (complete) → 2 vs close 1: completed 2/3, dismissed 1/3.
    // completed = 5/11 (thank-you, both CTAs complete) + 4/11·2/3 = 23/33;
    // dismissed = 1/11 + 5/11·1/5 + 4/11·1/3 = 10/33.
    expectClose(forecast.ends, ends({ completed: 23 / 33, dismissed: 10 / 33 }));
    const reach = {
      score: 1,
      "passive-reason": 2 / 11,
      "tell-us-more": 3 / 11,
      "thank-you": 5 / 11,
      "book-call": 4 / 11,
    };
    expectClose(stepsOf(forecast, "reach"), reach);
    expectClose(stepsOf(forecast, "visits"), reach);
  });

  /** A two-step tour: one → (Next) two; two has Back (`back`), Done (complete) and ×. */
  function twoStepTour(back: string): ProjectInput {
    return {
      version: 1,
      experiences: [
        {
          id: "tour",
          type: "tour",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [
            {
              id: "one",
              kind: "modal",
              ctas: [{ id: "next", label: "Next", actions: [{ type: "goToStep", step: "next" }] }],
            },
            {
              id: "two",
              kind: "modal",
              ctas: [
                { id: "back", label: "Back", actions: [{ type: "goToStep", step: back }] },
                { id: "done", label: "Done", actions: [{ type: "goToStep", step: "complete" }] },
              ],
            },
          ],
        },
      ],
    };
  }

  const tourModel = modelOf({
    behaviour: {
      tour: {
        one: { "cta.next": 3, close: 1, ignore: 5 },
        two: { "cta.back": 1, "cta.done": 2, close: 1 },
      },
    },
  });

  // one: next 3/4, dismissed 1/4 (ignore dropped). two: back 1/4, completed 1/2, dismissed 1/4.
  // Visits: v1 = 1 + v2/4, v2 = 3/4·v1 → v1 = 1 + 3/16·v1 → v1 = 16/13, v2 = 12/13.
  // completed = v2·1/2 = 6/13; dismissed = v1/4 + v2/4 = 28/52 = 7/13 (sum 13/13).
  // Reach: two is entered only from one, first with probability 3/4 (else dismissed): 3/4.
  // (Check: N[two][two] = 1/(1 − 1/4·3/4) = 16/13, and reach = v2 / N[two][two] = 3/4.)
  const tourEnds = ends({ completed: 6 / 13, dismissed: 7 / 13 });
  const tourReach = { one: 1, two: 3 / 4 };
  const tourVisits = { one: 16 / 13, two: 12 / 13 };

  it("solves a two-step tour whose Back goes to step one by id, as a Markov chain", () => {
    const forecast = exactExperienceForecast(projectOf(twoStepTour("one")), tourModel, "tour");
    expect(forecast.method).toBe("markovChain");
    expect(forecast.states).toBe(2);
    expectClose(forecast.ends, tourEnds);
    expectClose(stepsOf(forecast, "reach"), tourReach);
    expectClose(stepsOf(forecast, "visits"), tourVisits);
  });

  it("gives the same answers when the Back is `goToStep previous`", () => {
    const forecast = exactExperienceForecast(projectOf(twoStepTour("previous")), tourModel, "tour");
    expect(forecast.method).toBe("markovChain");
    // (one, [one]) and (two, [one, two]): Back pops to (one, [one]).
    expect(forecast.states).toBe(2);
    expectClose(forecast.ends, tourEnds);
    expectClose(stepsOf(forecast, "reach"), tourReach);
    expectClose(stepsOf(forecast, "visits"), tourVisits);
  });

  it("finds the reach of a step entered with two visit histories (`previous` returns to each)", () => {
    const cta = (id: string, step: string) => ({
      id,
      label: id,
      actions: [{ type: "goToStep", step }],
    });
    const project = projectOf({
      version: 1,
      experiences: [
        {
          id: "tour",
          type: "tour",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [
            { id: "a", kind: "modal", ctas: [cta("x", "b"), cta("y", "c")] },
            { id: "b", kind: "modal", ctas: [cta("back", "previous"), cta("done", "complete")] },
            { id: "c", kind: "modal", ctas: [cta("next", "b")] },
          ],
        },
      ],
    });
    const model = modelOf({
      behaviour: {
        tour: {
          a: { "cta.x": 1, "cta.y": 1 },
          b: { "cta.back": 1, "cta.done": 1 },
          c: { "cta.next": 1, close: 1 },
        },
      },
    });
    const forecast = exactExperienceForecast(project, model, "tour");
    // States: A = (a, [a]), B1 = (b, [a, b]), C = (c, [a, c]), B2 = (b, [a, c, b]); Back from
    // B1 returns to A, from B2 to C. Visits: A = 1 + B1/2, B1 = A/2, C = A/2 + B2/2,
    // B2 = C/2 → A = 4/3, B1 = 2/3, C = 8/9, B2 = 4/9; b = B1 + B2 = 10/9.
    // completed = (B1 + B2)/2 = 5/9; dismissed = C/2 = 4/9.
    // Reach of b: x (1/2), or y then next (1/2 · 1/2): 3/4. Reach of c: h = 1/2 + 1/2 · h/2
    // (x, then Back to a) → h = 2/3.
    expect(forecast.states).toBe(4);
    expectClose(forecast.ends, ends({ completed: 5 / 9, dismissed: 4 / 9 }));
    expectClose(stepsOf(forecast, "reach"), { a: 1, b: 3 / 4, c: 2 / 3 });
    expectClose(stepsOf(forecast, "visits"), { a: 4 / 3, b: 10 / 9, c: 8 / 9 });
  });

  it("counts a step entered again by a goToStep to itself, and a snooze on the first step", () => {
    const project = projectOf({
      version: 1,
      experiences: [
        {
          id: "banner",
          type: "banner",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [
            {
              id: "b",
              kind: "banner",
              ctas: [
                { id: "again", label: "Again", actions: [{ type: "goToStep", step: "b" }] },
                { id: "ok", label: "OK", actions: [{ type: "goToStep", step: "complete" }] },
              ],
              closingCross: [{ type: "snooze", hours: 24, maxTimes: 2 }],
            },
          ],
        },
      ],
    });
    const model = modelOf({
      behaviour: { banner: { b: { "cta.again": 1, "cta.ok": 1, close: 2 } } },
    });
    const forecast = exactExperienceForecast(project, model, "banner");
    // Each entry: again 1/4 (enters b again), ok 1/4, close 1/2 (the first show has snoozes
    // left: snoozed). Entries are geometric: v = 1/(1 − 1/4) = 4/3; completed = v/4 = 1/3,
    // snoozed = v/2 = 2/3; reach 1.
    expect(forecast.method).toBe("markovChain");
    expectClose(forecast.ends, ends({ completed: 1 / 3, snoozed: 2 / 3 }));
    expectClose(stepsOf(forecast, "reach"), { b: 1 });
    expectClose(stepsOf(forecast, "visits"), { b: 4 / 3 });
  });

  it("reports a step where the model leaves nothing to take as `open`", () => {
    const forecast = exactExperienceForecast(
      projectOf(twoStepTour("one")),
      modelOf({ behaviour: { tour: { one: { "cta.next": 1 }, two: { ignore: 1 } } } }),
      "tour",
    );
    // one → two always; two: only ignore, dropped → nothing to take: open.
    expect(forecast.method).toBe("dynamicProgramming");
    expectClose(forecast.ends, ends({ open: 1 }));
  });

  it("names the steps a user can go round forever", () => {
    const model = modelOf({
      behaviour: { tour: { one: { "cta.next": 1 }, two: { "cta.back": 1 } } },
    });
    expect(() => exactExperienceForecast(projectOf(twoStepTour("one")), model, "tour")).toThrow(
      /can never end the display \(they go round "one", "two" forever\)/,
    );
  });

  it("agrees on a 300-step tour whose every Back is `previous` or a goToStep by id", () => {
    // With a Back to the step before on every step, the visit history is always the path
    // s0 … s(i): one state per step, a single group of 300 states to solve.
    const withPrevious = projectOf(linearTourInput(300, { back: true }));
    const byId = linearTourInput(300, { back: true });
    for (const [i, step] of (byId.experiences?.[0].steps ?? []).entries()) {
      const back = step.ctas?.find((cta) => cta.id === "back");
      if (back) back.actions = [{ type: "goToStep", step: `s${i - 1}` }];
    }
    // Mostly Next, some Back, a few close: some users get to the end.
    const steps = Array.from({ length: 300 }, (_, i) => [
      `s${i}`,
      { "cta.next": 8, "cta.back": 1, close: 0.05 },
    ]);
    const model = modelOf({ behaviour: { t: Object.fromEntries(steps) } });
    const a = exactExperienceForecast(withPrevious, model, "t");
    const b = exactExperienceForecast(projectOf(byId), model, "t");
    expect(a.states).toBe(300);
    expectClose(a.ends, b.ends);
    expectClose(stepsOf(a, "reach"), stepsOf(b, "reach"));
    expectClose(stepsOf(a, "visits"), stepsOf(b, "visits"));
    expect(a.ends.completed).toBeGreaterThan(0);
  });
});

// ------------------------------------------------------------------------------ CLI

describe("flowscope forecast --exact", () => {
  const { write } = tempFiles("flowscope-forecast-");

  const npsModel = {
    behaviour: { "quarterly-nps": { score: { answer: { "10": 1, "3": 1 } } } },
  };

  it("prints SPEC §5's Result shape with probabilities for --json", async () => {
    const model = await write("nps-model.json", npsModel);
    const args = ["forecast", npsFile, "--model", model, "--experience", "quarterly-nps"];
    const { code, out } = await runInProcess([...args, "--exact", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.exact).toBe(true);
    const nps = result.experiences["quarterly-nps"];
    expect(Object.keys(nps.ends)).toEqual([...exactEnds]);
    // 10 → thank-you, 3 → tell-us-more, half each.
    expect(nps.steps["thank-you"]).toEqual({ reach: 0.5, visits: 0.5 });
    expect(nps.steps["passive-reason"]).toEqual({ reach: 0, visits: 0 });
  });

  it("draws the ends and a funnel for people", async () => {
    const model = await write("nps-model-human.json", npsModel);
    const { code, out } = await runInProcess([
      "forecast",
      npsFile,
      "--model",
      model,
      "--experience",
      "quarterly-nps",
      "--exact",
    ]);
    expect(code).toBe(0);
    expect(out).toContain('exact forecast of "quarterly-nps"');
    expect(out).toMatch(/thank-you +50\.00% +0\.500 +█{12}\n/);
    expect(out).toMatch(/score +100\.00% +1\.000 +█{24}\n/);
  });

  it("exits 2 for --exact without --experience, and for a model that is not JSON", async () => {
    const model = await write("broken-model.json", '{\n  "default": { "cta": 1,, }\n}');
    const usage = await runInProcess(["forecast", npsFile, "--model", model, "--exact"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("--experience <id>");
    const parse = await runInProcess([
      "forecast",
      npsFile,
      "--model",
      model,
      "--experience",
      "quarterly-nps",
      "--exact",
    ]);
    expect(parse.code).toBe(2);
    expect(parse.err).toMatch(/broken-model\.json:2:\d+ {2}error {2}parse/);
  });

  it("exits 1 naming pointer and line for a model that does not fit the project", async () => {
    const model = await write("wrong-ids.json", {
      behaviour: { "quarterly-nps": { scroe: { close: 1 }, score: { answer: { "11": 1 } } } },
    });
    const { code, err } = await runInProcess([
      "forecast",
      npsFile,
      "--model",
      model,
      "--experience",
      "quarterly-nps",
      "--exact",
    ]);
    expect(code).toBe(1);
    expect(err).toMatch(
      /wrong-ids\.json:4:\d+ {2}error {2}unknownStep {2}\/behaviour\/quarterly-nps\/scroe: no step "scroe" .*did you mean "score"\?/,
    );
    expect(err).toMatch(
      /wrong-ids\.json:9:\d+ {2}error {2}answerNotAllowed {2}\/behaviour\/quarterly-nps\/score\/answer\/11: /,
    );
  });

  it("exits 1 when a jump back grows the visit history beside a `previous`", async () => {
    const project = await write("growing.json", {
      version: 1,
      experiences: [
        {
          id: "tour",
          type: "tour",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [
            {
              id: "one",
              kind: "modal",
              ctas: [{ id: "next", label: "Next", actions: [{ type: "goToStep", step: "next" }] }],
            },
            {
              id: "two",
              kind: "modal",
              ctas: [
                { id: "again", label: "Again", actions: [{ type: "goToStep", step: "one" }] },
                { id: "back", label: "Back", actions: [{ type: "goToStep", step: "previous" }] },
                { id: "done", label: "Done", actions: [{ type: "goToStep", step: "complete" }] },
              ],
            },
          ],
        },
      ],
    });
    const model = await write("growing-model.json", {});
    const { code, err } = await runInProcess([
      "forecast",
      project,
      "--model",
      model,
      "--experience",
      "tour",
      "--exact",
    ]);
    // one → two → (Again) one → two …: the history [one, two, one, two, …] grows, and
    // two's `previous` reads it.
    expect(code).toBe(1);
    expect(err).toContain('step "two" jumps back to "one"');
    expect(err).toContain("use Monte Carlo");
  });
});

// ------------------------------------------------------------------- generated flows

/** Actions a generated CTA or condition may take from step i of n (a later step only). */
function forwardAction(rng: () => number, i: number, n: number, first: boolean) {
  const pick = Math.floor(rng() * 7);
  if (pick === 0 && i + 1 < n) {
    const to = i + 1 + Math.floor(rng() * (n - i - 1));
    return { type: "goToStep", step: `s${to}` };
  }
  if (pick === 1) return { type: "goToStep", step: "complete" };
  if (pick === 2) return { type: "dismiss" };
  if (pick === 3) return { type: "launchExperience", experience: "other" };
  if (pick === 4 && first) return { type: "snooze", hours: 1, maxTimes: 2 };
  if (pick === 5) return { type: "navigateTo", url: "https://example.test/", openIn: "newTab" };
  return { type: "goToStep", step: "next" };
}

/** A goToStep to any step (a cycle when it is not later), or a forward action. */
function anyAction(rng: () => number, n: number) {
  if (rng() < 0.4) return { type: "goToStep", step: `s${Math.floor(rng() * n)}` };
  return forwardAction(rng, 0, n, false);
}

type Shape = "acyclic" | "cycles" | "previous";

/** A survey of n steps (nps, choice, message) with one action per list, and a model. */
function generated(seed: number, n: number, shape: Shape) {
  const rng = mulberry32(seed);
  /** An action of step i's CTA (`cta`: `previous` is allowed only there) or condition. */
  const action = (i: number, cta = false) => {
    if (shape === "acyclic") return forwardAction(rng, i, n, i === 0);
    if (shape === "cycles") return anyAction(rng, n);
    // `previous` with forward jumps only: the history stays finite.
    if (cta && rng() < 0.4) return { type: "goToStep", step: "previous" };
    if (i + 2 < n && rng() < 0.5) return { type: "goToStep", step: `s${i + 2}` };
    return forwardAction(rng, i, n, false);
  };
  const behaviour: Record<string, unknown> = {};
  const steps = Array.from({ length: n }, (_, i) => {
    const kind = ["nps", "choice", "message"][Math.floor(rng() * 3)];
    const ctaCount = kind === "message" ? 1 + Math.floor(rng() * 3) : Math.floor(rng() * 2);
    const ctas = Array.from({ length: ctaCount }, (_, c) => ({
      id: `c${c}`,
      label: `C${c}`,
      actions: [action(i, true)],
    }));
    const step: Record<string, unknown> = { id: `s${i}`, kind, ctas };
    if (kind === "nps") {
      step.conditions = [{ id: "high", if: { gt: 6 }, actions: [action(i)] }];
      step.fallback = [action(i)];
    }
    if (kind === "choice") {
      step.question = { options: ["A", "B", "C"] };
      step.conditions = [{ id: "a", if: { anyOf: ["A"] }, actions: [action(i)] }];
    }
    if (rng() < 0.5) {
      // Named: a weight per CTA, some answers, and a close (always > 0 outside "acyclic", so
      // every step can end and the chain is absorbing).
      const named: Record<string, unknown> = {
        close: shape === "acyclic" ? Math.floor(rng() * 3) : 1,
      };
      for (const cta of ctas) named[`cta.${cta.id}`] = Math.floor(rng() * 4);
      if (kind === "nps") named.answer = { "3": Math.floor(rng() * 3), "9": Math.floor(rng() * 3) };
      if (kind === "choice") named.answer = { A: Math.floor(rng() * 3), C: 1 };
      behaviour[`s${i}`] = named;
    }
    return step;
  });
  const project = projectOf({
    version: 1,
    experiences: [
      {
        id: "survey",
        type: "survey",
        status: "live",
        showOn: { trigger: "manual" },
        steps,
      },
      {
        id: "other",
        type: "tour",
        status: "live",
        showOn: { trigger: "manual" },
        steps: [{ id: "o1", kind: "modal" }],
      },
    ],
  });
  const close = shape === "acyclic" ? Math.floor(rng() * 3) : 1 + Math.floor(rng() * 2);
  const model = modelOf({
    behaviour: { survey: behaviour },
    default: { cta: 1 + Math.floor(rng() * 4), close, ignore: 1 },
  });
  return { project, model };
}

/** A test-only sampler: one display per user, the moves drawn by weight, as a user would. */
function sample(flow: FlowChoices, users: number, seed: number) {
  const rng = mulberry32(seed);
  const endCounts = new Map<string, number>();
  const reached = new Float64Array(flow.steps.length);
  const entries = flow.steps.map(() => [] as number[]);
  for (let user = 0; user < users; user++) {
    const counts = new Float64Array(flow.steps.length);
    let stack = [flow.initial as number];
    counts[stack[0]]++;
    let end: string | undefined;
    for (let guard = 0; end === undefined; guard++) {
      if (guard > 100_000) throw new Error("a sampled user never ended");
      const step = stack[stack.length - 1];
      const below = stack[stack.length - 2];
      const open = flow.choices[step].filter(
        ({ move }) => move.kind !== "back" || (below !== undefined && move.targets.includes(below)),
      );
      let total = 0;
      for (const { weight } of open) total += weight;
      if (total === 0) {
        end = "open";
        break;
      }
      let draw = rng() * total;
      let pick = open.length - 1;
      for (let i = 0; i < open.length; i++) {
        draw -= open[i].weight;
        if (draw < 0) {
          pick = i;
          break;
        }
      }
      const { move } = open[pick];
      if (move.kind === "end") end = move.end;
      else if (move.kind === "step") {
        stack = [...stack, move.to];
        counts[move.to]++;
      } else {
        stack = stack.slice(0, -1);
        counts[below as number]++;
      }
    }
    endCounts.set(end, (endCounts.get(end) ?? 0) + 1);
    counts.forEach((count, step) => {
      if (count > 0) reached[step]++;
      entries[step].push(count);
    });
  }
  return { endCounts, reached, entries };
}

/** |estimate − exact| within 5σ of a proportion over `users` draws. */
function withinFiveSigma(count: number, users: number, exact: number): boolean {
  const p = Math.min(1, Math.max(0, exact));
  const sigma = Math.sqrt((p * (1 - p)) / users);
  return Math.abs(count / users - p) <= 5 * sigma + 1e-9;
}

function meanWithinFiveSigma(values: readonly number[], expected: number): boolean {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return Math.abs(mean - expected) <= 5 * Math.sqrt(variance / values.length) + 1e-9;
}

function checkAgainstMonteCarlo(
  flow: FlowChoices,
  forecast: ExactExperienceForecast,
  seed: number,
) {
  const users = 2000;
  const { endCounts, reached, entries } = sample(flow, users, seed);
  for (const end of exactEnds) {
    expect(withinFiveSigma(endCounts.get(end) ?? 0, users, forecast.ends[end]), end).toBe(true);
  }
  flow.steps.forEach((step, n) => {
    const { reach, visits } = forecast.steps[step.id];
    expect(withinFiveSigma(reached[n], users, reach), `reach of ${step.id}`).toBe(true);
    expect(meanWithinFiveSigma(entries[n], visits), `visits of ${step.id}`).toBe(true);
  });
}

/**
 * The product's Monte Carlo (the population kernel) on the same flow, shown automatically
 * once: each user's first display ends as exact mode says, within 5σ. `ignore` is 0 (exact
 * mode leaves it out), the horizon one day with rare sessions (a snoozed survey then seldom
 * shows again), the survey once: what a display ends as is all that counts.
 */
let populationChecks = 0;

function checkAgainstPopulation(
  project: Project,
  model: ForecastModel,
  forecast: ExactExperienceForecast,
  seed: number,
) {
  const auto = structuredClone(project);
  auto.experiences[0].showOn = { trigger: "auto", urls: ["/"] };
  auto.experiences[0].recurrence = { kind: "once" };
  const population: ForecastModel = {
    ...model,
    seed,
    users: 100_000,
    days: 1,
    visits: { perDay: 0.02, pages: new Map([["/", 1]]) },
    default: { ...model.default, ignore: 0 },
  };
  populationChecks++;
  const context = forecastContext(auto, population);
  expect(context.kernel, "the kernel runs generated surveys").toBeDefined();
  const result = monteCarloResult(context, forecastUsers(context, 0, 100_000));
  const survey = result.experiences.survey;
  expect(survey.shownUsers).toBeGreaterThan(1500);
  for (const end of exactEnds) {
    expect(withinFiveSigma(survey.ends[end], survey.shownUsers, forecast.ends[end]), end).toBe(
      true,
    );
  }
  for (const [id, { reach }] of Object.entries(forecast.steps)) {
    const reached = survey.steps[id].reachUsers;
    expect(withinFiveSigma(reached, survey.shownUsers, reach), `reach of ${id}`).toBe(true);
  }
}

function checkProbabilities(flow: FlowChoices, forecast: ExactExperienceForecast) {
  const total = exactEnds.reduce((sum, end) => sum + forecast.ends[end], 0);
  expect(Math.abs(total - 1)).toBeLessThan(1e-9);
  for (const end of exactEnds) expect(forecast.ends[end]).toBeGreaterThanOrEqual(-1e-12);
  expect(forecast.steps[flow.steps[flow.initial as number].id].reach).toBeCloseTo(1, 12);
  for (const { reach, visits } of Object.values(forecast.steps)) {
    expect(reach).toBeGreaterThanOrEqual(-1e-12);
    expect(reach).toBeLessThanOrEqual(1 + 1e-12);
    expect(visits).toBeGreaterThanOrEqual(reach - 1e-12);
  }
}

describe("exact mode on generated flows", () => {
  const arbitrary = fc.record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    n: fc.integer({ min: 1, max: 6 }),
  });

  it("acyclic: ends sum to 1, 0 ≤ reach = visits ≤ 1, the chain agrees, Monte Carlo within 5σ", () => {
    fc.assert(
      fc.property(arbitrary, ({ seed, n }) => {
        const { project, model } = generated(seed, n, "acyclic");
        const flow = flowChoices(project, model, "survey");
        const forecast = exactExperienceForecast(project, model, "survey");
        expect(forecast.method).toBe("dynamicProgramming");
        checkProbabilities(flow, forecast);
        for (const { reach, visits } of Object.values(forecast.steps)) expect(visits).toBe(reach);
        // The same flow as an absorbing chain: the same numbers.
        const chain = solveChain(flow, buildChain(flow));
        expectClose(chain.ends, forecast.ends);
        flow.steps.forEach((step, i) => {
          expect(Math.abs(chain.reach[i] - forecast.steps[step.id].reach)).toBeLessThan(1e-9);
          expect(Math.abs(chain.visits[i] - forecast.steps[step.id].visits)).toBeLessThan(1e-9);
        });
        checkAgainstMonteCarlo(flow, forecast, seed);
        if (seed % 3 === 0) checkAgainstPopulation(project, model, forecast, seed);
      }),
      { seed: 13, numRuns: 60 },
    );
  });

  it("with cycles (goToStep to any step, or `previous`): Monte Carlo within 5σ", () => {
    let chains = 0;
    let histories = 0;
    fc.assert(
      fc.property(arbitrary, fc.boolean(), ({ seed, n }, previous) => {
        const { project, model } = generated(seed, n, previous ? "previous" : "cycles");
        const flow = flowChoices(project, model, "survey");
        const forecast = exactExperienceForecast(project, model, "survey");
        if (forecast.method === "markovChain") chains++;
        // More states than steps reached: a step was reached with two visit histories.
        const reached = Object.values(forecast.steps).filter((step) => step.reach > 0).length;
        if (forecast.states > reached) histories++;
        checkProbabilities(flow, forecast);
        checkAgainstMonteCarlo(flow, forecast, seed);
        if (seed % 3 === 0) checkAgainstPopulation(project, model, forecast, seed);
      }),
      { seed: 31, numRuns: 60 },
    );
    // The generated flows do have cycles, and `previous` that reads the history.
    expect(chains).toBeGreaterThan(20);
    // The product's Monte Carlo ran on a third of the flows of both properties.
    expect(populationChecks).toBeGreaterThan(20);
    expect(histories).toBeGreaterThan(0);
  });

  it("keeps jumps back beside a `previous` for Monte Carlo", () => {
    const project = projectOf(selfThenBackInput);
    expect(() => exactExperienceForecast(project, modelOf({}), "survey")).toThrow(ForecastError);
    expect(() => exactExperienceForecast(project, modelOf({}), "survey")).toThrow(
      /step "b" enters itself again/,
    );
  });
});

describe("the LU under the chain", () => {
  it("solves A x = b and Aᵀ x = b, sparse or dense, with pivoting", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, seed, density) => {
          const rng = mulberry32(seed);
          const a = new Float64Array(m * m);
          // Random entries (zeros by `density`) plus a random diagonal: pivoting is needed.
          for (let i = 0; i < m * m; i++) a[i] = rng() < density ? rng() * 2 - 1 : 0;
          for (let i = 0; i < m; i++) a[i * m + i] += m * (rng() < 0.5 ? 0.01 : 2);
          const b = Array.from({ length: m }, () => rng() * 2 - 1);
          let lu: DenseLU;
          try {
            lu = new DenseLU(Float64Array.from(a), m);
          } catch {
            return; // singular: not this property's business
          }
          const x = lu.solve(b);
          const y = lu.solveTransposed(b);
          for (let i = 0; i < m; i++) {
            let ax = 0;
            let aty = 0;
            for (let j = 0; j < m; j++) {
              ax += a[i * m + j] * x[j];
              aty += a[j * m + i] * y[j];
            }
            expect(Math.abs(ax - b[i])).toBeLessThan(1e-6);
            expect(Math.abs(aty - b[i])).toBeLessThan(1e-6);
          }
        },
      ),
      { seed: 5, numRuns: 300 },
    );
  });
});

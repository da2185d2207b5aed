// The Forecast panel's model (app/forecast): the sliders read a step's weights and answer mix
// off the model, moving one writes the model the CLI reads (exact mode agrees with what the
// sliders say), the model text round-trips every id, the worker's run in chunks gives the
// same result as one run, stops when cancelled and reports a bad model at its place; the CSV
// quotes and defuses ids; the canvas only draws a forecast of the project it shows; a
// document keeps its model, and documents saved before the panel still load.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { FlowNode } from "../app/canvas/flow-elements.ts";
import type { RoutedFlowEdge } from "../app/canvas/RoutedEdge.tsx";
import { trafficWidth, withTraffic } from "../app/canvas/traffic-marks.ts";
import { defaultModel, defaultPages } from "../app/forecast/default-model.ts";
import { createForecastClient, inlineWorker } from "../app/forecast/forecast-client.ts";
import { csvCell, forecastCsv } from "../app/forecast/forecast-csv.ts";
import type { ForecastAnswer, ForecastView } from "../app/forecast/forecast-protocol.ts";
import { runForecast } from "../app/forecast/forecast-run.ts";
import {
  rebalanced,
  withAnswerShare,
  withPersonaWeight,
  withStepWeight,
} from "../app/forecast/model-edits.ts";
import { modelText, readModelText } from "../app/forecast/model-text.ts";
import { experienceShapes, stepMix } from "../app/forecast/step-mix.ts";
import { canvasTraffic } from "../app/forecast/traffic-store.ts";
import { readLayoutPrefs } from "../app/shell/layout-prefs.ts";
import {
  setDocumentForecast,
  type WorkspaceDocument,
  workspaceDocument,
} from "../app/workspace/document-model.ts";
import {
  checkForecastModel,
  exactForecast,
  forecastContext,
  forecastUsers,
  monteCarloResult,
} from "../machines/forecast/index.ts";
import type { ForecastModel } from "../machines/format/index.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";

const npsText = readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8");
const nps = projectSchema.parse(JSON.parse(npsText));
const experience = "quarterly-nps";

function score(project: Project = nps, id = experience) {
  return experienceShapes(project, id)[0];
}

describe("the sliders' model", () => {
  it("starts from the pages the project shows on, every persona alike", () => {
    expect(defaultPages(nps)).toEqual(["/dashboard", "/reports/"]);
    const model = defaultModel(nps);
    expect(model.users).toBe(100_000);
    expect([...(model.personas ?? [])]).toEqual([
      ["pro-admin", 1],
      ["starter-member", 1],
    ]);
    expect(checkForecastModel(nps, model)).toEqual([]);
  });

  it("reads a survey step's answer classes: the conditions by id, then the fallback", () => {
    const shape = score();
    expect(shape.classes.map((c) => [c.condition, c.answers, c.keys])).toEqual([
      ["promoters", "9–10", ["9", "10"]],
      ["detractors", "0–6", ["0", "1", "2", "3", "4", "5", "6"]],
      [null, "7–8", ["7", "8"]],
    ]);
    const mix = stepMix(defaultModel(nps), experience, shape);
    expect(mix.named).toBe(false);
    expect(mix.shares).toEqual([2 / 11, 7 / 11, 2 / 11]);
    expect(mix.weights.map((w) => [w.key, w.weight])).toEqual([
      ["answer", 4],
      ["close", 1],
      ["ignore", 1],
    ]);
  });

  it("moves one class's share, the others keeping their proportions, and exact mode agrees", () => {
    const shape = score();
    const model = withAnswerShare(defaultModel(nps), experience, shape, 0, 0.6);
    const mix = stepMix(model, experience, shape);
    expect(mix.named).toBe(true);
    expect(mix.shares[0]).toBeCloseTo(0.6, 5);
    expect(mix.shares[1]).toBeCloseTo((0.4 * 7) / 9, 5);
    expect(mix.shares[2]).toBeCloseTo((0.4 * 2) / 9, 5);
    expect(mix.weights.map((w) => [w.key, Number(w.weight.toFixed(4))])).toEqual([
      ["answer", 4],
      ["close", 1],
      ["ignore", 1],
    ]);
    // Only the step moved is written out.
    expect([...(model.behaviour?.get(experience)?.keys() ?? [])]).toEqual(["score"]);
    const read = readModelText(modelText(model));
    if (!read.ok) throw new Error(read.problems.join("; "));
    expect(checkForecastModel(nps, read.model)).toEqual([]);
    // Answer 4 of (answer 4 + close 1) (exact mode leaves ignore out), 60% of answers promoters.
    const exact = exactForecast(nps, read.model, experience).experiences[experience];
    expect(exact.steps["thank-you"].reach).toBeCloseTo((4 / 5) * 0.6, 5);
  });

  it("keeps the mix when the answer weight moves, and persona weights write every persona", () => {
    const shape = score();
    const mixed = withAnswerShare(defaultModel(nps), experience, shape, 0, 0.5);
    const heavier = withStepWeight(mixed, experience, shape, "answer", 8);
    const mix = stepMix(heavier, experience, shape);
    expect(mix.answerWeight).toBeCloseTo(8, 5);
    expect(mix.shares[0]).toBeCloseTo(0.5, 5);
    const noPersonas: ForecastModel = { ...defaultModel(nps), personas: undefined };
    const weighted = withPersonaWeight(noPersonas, ["pro-admin", "starter-member"], "pro-admin", 3);
    expect([...(weighted.personas ?? [])]).toEqual([
      ["pro-admin", 3],
      ["starter-member", 1],
    ]);
  });

  it("rebalances to 100%: evenly when the others had nothing, and one class takes everything", () => {
    expect(rebalanced([1, 0, 0], 0, 0.4)).toEqual([0.4, 0.3, 0.3]);
    expect(rebalanced([0.5, 0.25, 0.25], 1, 1.5)).toEqual([0, 1, 0]);
    expect(rebalanced([1], 0, 0.2)).toEqual([1]);
  });

  it("round-trips ids that are data (__proto__, dots) through the model text", () => {
    const odd = projectSchema.parse(
      JSON.parse(
        npsText
          .replaceAll('"quarterly-nps"', '"__proto__"')
          .replaceAll('"promoters"', '"a.b"')
          .replaceAll('"pro-admin"', '"constructor"'),
      ),
    );
    const shape = score(odd, "__proto__");
    expect(shape.classes[0].condition).toBe("a.b");
    const model = withAnswerShare(defaultModel(odd), "__proto__", shape, 0, 0.6);
    const text = modelText(model);
    const behaviour = JSON.parse(text).behaviour;
    expect(Object.hasOwn(behaviour, "__proto__")).toBe(true);
    const own = Object.getOwnPropertyDescriptor(behaviour, "__proto__")?.value;
    expect(own.score.answer["9"]).toBeCloseTo(1.2, 5);
    const read = readModelText(text);
    if (!read.ok) throw new Error(read.problems.join("; "));
    expect(stepMix(read.model, "__proto__", shape).shares[0]).toBeCloseTo(0.6, 5);
    expect(read.model.personas?.get("constructor")).toBe(1);
    expect(({} as Record<string, unknown>).score).toBeUndefined();
  });

  it("says where a bad model text is wrong", () => {
    const read = readModelText('{\n  "users": 0\n}');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]).toMatch(/^\/users \(line 2\): /);
    const syntax = readModelText("{ users: 1 }");
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) expect(syntax.problems[0]).toMatch(/^line 1, column \d+: /);
  });
});

describe("a run of the worker", () => {
  const model = { ...defaultModel(nps), users: 300 };
  const request = { type: "run" as const, id: 7, project: nps, model: modelText(model) };
  let clock = 0;
  const hooks = (stopped: () => boolean) => ({
    stopped,
    yieldNow: () => Promise.resolve(),
    // A clock that moves 20 ms at each read: chunks grow and the estimate is posted on the way.
    now: () => (clock += 20),
  });

  it("runs in chunks to the same result as one run, with progress on the way", async () => {
    const answers: ForecastAnswer[] = [];
    await runForecast(
      request,
      (a) => answers.push(a),
      hooks(() => false),
    );
    const done = answers.at(-1);
    if (done?.type !== "done") throw new Error(`ended with ${done?.type}`);
    const context = forecastContext(nps, model);
    expect(done.view.result).toEqual(monteCarloResult(context, forecastUsers(context, 0, 300)));
    const progress = answers.filter((a) => a.type === "progress");
    expect(progress.length).toBeGreaterThan(1);
    expect(answers.every((a) => a.id === 7)).toBe(true);
    expect(done.view.traffic.get(experience)?.get("score/condition/promoters")).toBeGreaterThan(0);
  });

  it("stops when cancelled, between chunks", async () => {
    const answers: ForecastAnswer[] = [];
    let progress = 0;
    await runForecast(
      request,
      (a) => {
        answers.push(a);
        if (a.type === "progress") progress++;
      },
      hooks(() => progress >= 1),
    );
    const last = answers.at(-1);
    expect(last?.type).toBe("cancelled");
    if (last?.type === "cancelled") expect(last.done).toBeLessThan(300);
  });

  it("through the client: a newer run supersedes the one in flight, Cancel stops it", async () => {
    const client = createForecastClient(inlineWorker);
    const input = { project: nps, model: modelText({ ...model, users: 2000 }) };
    const first: ForecastAnswer[] = [];
    const second: ForecastAnswer[] = [];
    client.start(input, (a) => first.push(a));
    const finished = new Promise<void>((resolve) => {
      client.start({ ...input, model: request.model }, (a) => {
        second.push(a);
        if (a.type !== "progress") resolve();
      });
    });
    await finished;
    expect(first).toEqual([]);
    expect(second.at(-1)?.type).toBe("done");
    const cancelled: ForecastAnswer[] = [];
    client.start(input, (a) => cancelled.push(a));
    client.cancel();
    // A later run to its end: by then the cancelled one has had every chance to answer.
    await new Promise<void>((resolve) =>
      client.start({ ...input, model: request.model }, (a) => {
        if (a.type !== "progress") resolve();
      }),
    );
    expect(cancelled.map((a) => a.type)).toEqual(["cancelled"]);
    client.dispose();
  });

  it("reports a model that does not fit the project, at its place", async () => {
    const answers: ForecastAnswer[] = [];
    const bad = modelText({ ...model, personas: new Map([["nobody", 1]]) });
    await runForecast(
      { ...request, model: bad },
      (a) => answers.push(a),
      hooks(() => false),
    );
    expect(answers).toHaveLength(1);
    const [answer] = answers;
    expect(answer.type).toBe("invalid");
    if (answer.type === "invalid") expect(answer.problems[0]).toMatch(/^\/personas\/nobody: /);
  });
});

describe("the result's CSV and the canvas's traffic", () => {
  const model = { ...defaultModel(nps), users: 200 };
  const context = forecastContext(nps, model);
  const tally = forecastUsers(context, 0, 200);
  const view: ForecastView = {
    result: monteCarloResult(context, tally),
    traffic: new Map([[experience, new Map([["score/cross", 50]])]]),
  };

  it("writes a row per step, end and blocking reason", () => {
    const lines = forecastCsv(view.result).split("\r\n");
    expect(lines[0]).toBe("experience,kind,id,users,share,ci95_low,ci95_high");
    const step = view.result.experiences[experience].steps["thank-you"];
    expect(lines).toContain(
      `${experience},step,thank-you,${step.reachUsers},${step.reach},${Number(step.ci95[0].toFixed(6))},${Number(step.ci95[1].toFixed(6))}`,
    );
    expect(lines.filter((l) => l.startsWith(`${experience},end,`))).toHaveLength(5);
  });

  it("quotes separators and defuses formulas in ids", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("=HYPERLINK()")).toBe("'=HYPERLINK()");
    expect(csvCell(-1)).toBe("-1");
  });

  it("draws a forecast only on the project it was computed for", () => {
    const traffic = canvasTraffic({ project: nps, view }, nps, experience);
    expect(traffic?.share.get("score/cross")).toBe(50 / 200);
    expect(traffic?.reach.get("score")).toBe(view.result.experiences[experience].steps.score.reach);
    const edited = { ...nps };
    expect(canvasTraffic({ project: nps, view }, edited, experience)).toBeNull();
    expect(canvasTraffic({ project: nps, view }, nps, "no-such")).toBeNull();
  });

  it("widens the routes by share and badges the steps, leaving the rest as it was", () => {
    const step = { id: "s", data: { kind: "step", stepId: "score" } } as unknown as FlowNode;
    const end = { id: "completed", data: { kind: "end", end: "completed" } } as unknown as FlowNode;
    const taken = { id: "score/cross", markerEnd: { type: "arrowclosed" } } as RoutedFlowEdge;
    const other = { id: "score/fallback" } as RoutedFlowEdge;
    const traffic = canvasTraffic({ project: nps, view }, nps, experience);
    const marked = withTraffic([step, end], [taken, other], traffic);
    expect(marked.nodes[0].data.reach).toBe(traffic?.reach.get("score"));
    expect(marked.nodes[1]).toBe(end);
    expect(marked.edges[0].style?.strokeWidth).toBe(trafficWidth(0.25));
    expect(marked.edges[1]).toBe(other);
    expect(trafficWidth(0)).toBeLessThan(trafficWidth(0.25));
    expect(withTraffic([step], [taken], null).nodes[0]).toBe(step);
  });
});

describe("the document keeps its model", () => {
  const doc: WorkspaceDocument = {
    id: "d1",
    name: "NPS",
    text: npsText,
    origin: { kind: "example", exampleId: "nps-survey" },
    originalText: npsText,
    createdAt: 1,
    updatedAt: 1,
  };

  it("beside the project text, which is left alone", () => {
    const state = setDocumentForecast({ documents: [doc], activeId: "d1" }, "d1", "{}", 5);
    expect(state.documents[0]).toEqual({ ...doc, forecastModel: "{}", updatedAt: 5 });
    expect(workspaceDocument.parse(state.documents[0]).forecastModel).toBe("{}");
    expect(setDocumentForecast(state, "d1", "{}", 9)).toBe(state);
  });

  it("and the Forecast tab is remembered like the other tabs of the left pane", () => {
    expect(readLayoutPrefs('{"leftTab":"forecast"}').leftTab).toBe("forecast");
  });

  it("and a document saved before the panel still loads, without one", () => {
    expect(workspaceDocument.safeParse(doc).success).toBe(true);
    expect(workspaceDocument.parse(doc).forecastModel).toBeUndefined();
  });
});

// The explorer worker's handler (called directly, as the worker does) and its client: answers
// carry the request id, progress is throttled but each phase's first and last report get
// through, a newer request supersedes a running one (its worker terminated), Cancel stops
// the worker and the next request spawns a new one; a worker that cannot be created falls back
// to the main thread, and a failure to start reaches the panel's state after the run is recorded.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createExploreClient,
  type ExploreWorker,
  inlineWorker,
  type SpawnWorker,
} from "../app/explore/explore-client.ts";
import { handleExplore, noPathsReason, throttledProgress } from "../app/explore/explore-handler.ts";
import type {
  ExploreAnswer,
  ExploreRequest,
  ProgressAnswer,
} from "../app/explore/explore-protocol.ts";
import { startRequest } from "../app/explore/explore-run.ts";
import {
  type ExploreEvent,
  exploreReducer,
  initialExploreState,
} from "../app/explore/explore-state.ts";
import { linearTourInput } from "../bench/generate.ts";
import { coverageLength } from "../machines/explore/path-forms.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import { exploreRaces } from "../machines/explore/races.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";

function example(name: string): Project {
  const text = readFileSync(new URL(`../examples/${name}.json`, import.meta.url), "utf8");
  return projectSchema.parse(JSON.parse(text));
}

const nps = example("nps-survey");
const multi = example("multi-action-cta");
const checklist = example("getting-started-checklist");

function request(project: Project, experienceId: string | null, id = 7): ExploreRequest {
  return { type: "explore", id, project, experienceId, want: { paths: true, races: true } };
}

function collect(req: ExploreRequest, now?: () => number): ExploreAnswer[] {
  const answers: ExploreAnswer[] = [];
  handleExplore(req, (a) => answers.push(a), now);
  return answers;
}

describe("explorer worker handler", () => {
  it("answers with the same reports as the explorers, its id on every answer, done last", () => {
    const answers = collect(request(nps, "quarterly-nps"));
    expect(answers.every((a) => a.id === 7)).toBe(true);
    expect(answers.at(-1)?.type).toBe("done");
    const paths = answers.find((a) => a.type === "paths");
    const races = answers.find((a) => a.type === "races");
    expect(paths?.type === "paths" && paths.outcome).toEqual({
      ok: true,
      report: explorePaths(nps, "quarterly-nps", { parts: { shortest: false, simple: false } }),
    });
    expect(races?.type === "races" && races.outcome).toEqual({
      ok: true,
      report: exploreRaces(nps),
    });
    // Paths come before races, each after its own progress reports.
    const order = answers.map((a) => (a.type === "progress" ? `progress:${a.job}` : a.type));
    expect(order.indexOf("paths")).toBeLessThan(order.indexOf("progress:races"));
    expect(order.indexOf("progress:paths")).toBeLessThan(order.indexOf("paths"));
  });

  it("reports every phase the panel asks for, ending each at its total", () => {
    const progress = collect(request(multi, "profile-nudge")).filter(
      (a): a is ProgressAnswer => a.type === "progress",
    );
    const phases = [...new Set(progress.map((p) => p.phase))];
    // The panel shows no shortest or simple paths: those phases are not run.
    expect(phases).toEqual(["count", "coverage", "races"]);
    for (const phase of phases) {
      const last = progress.filter((p) => p.phase === phase).at(-1);
      expect(last?.done).toBe(last?.total);
    }
  });

  it("runs only the jobs asked for", () => {
    const onlyRaces = collect({
      ...request(nps, "quarterly-nps"),
      want: { paths: false, races: true },
    });
    expect(onlyRaces.some((a) => a.type === "paths")).toBe(false);
    expect(onlyRaces.some((a) => a.type === "races")).toBe(true);
    const onlyPaths = collect({
      ...request(nps, "quarterly-nps"),
      want: { paths: true, races: false },
    });
    expect(onlyPaths.map((a) => a.type).filter((t) => t !== "progress")).toEqual(["paths", "done"]);
  });

  it("says why a checklist, an unknown experience or none has no paths (not an error)", () => {
    for (const id of ["getting-started", "nope", null]) {
      const answer = collect(request(checklist, id)).find((a) => a.type === "paths");
      expect(answer?.type === "paths" && answer.outcome.ok).toBe(false);
      if (answer?.type !== "paths" || answer.outcome.ok) continue;
      expect(answer.outcome.kind).toBe("none");
      expect(answer.outcome.message).toBe(noPathsReason(checklist, id));
    }
    expect(noPathsReason(checklist, "getting-started")).toMatch(/checklist/);
    expect(noPathsReason(checklist, "create-project-tour")).toBeNull();
  });
});

describe("explorer worker on a big flow (issue 10)", () => {
  it("answers a 10,000-step tour with counts and coverage in a message linear in the tour", () => {
    const n = 10_000;
    const tour = projectSchema.parse(linearTourInput(n));
    const answers = collect({ ...request(tour, "t"), want: { paths: true, races: false } });
    const paths = answers.find((a) => a.type === "paths");
    if (paths?.type !== "paths" || !paths.outcome.ok) throw new Error("no paths report");
    const report = paths.outcome.report;
    expect(report.count.total).toBe(n + 1);
    expect(report.coverage).toHaveLength(n + 1);
    expect(report.shared).toEqual(["coverage"]);
    expect(coverageLength(report.coverage, n)).toBe(n + 1);
    // What postMessage copies: bounded by the tour, not by its paths' ~n²/2 script steps.
    expect(JSON.stringify(answers).length).toBeLessThan(500 * n);
  }, 120_000);
});

describe("throttled progress", () => {
  it("posts a phase's first and last report and at most one per interval between", () => {
    let clock = 0;
    const posted: ProgressAnswer[] = [];
    const report = throttledProgress(
      (a) => posted.push(a as ProgressAnswer),
      1,
      "paths",
      () => clock,
      50,
    );
    for (let done = 0; done <= 100; done++) {
      report(done, 100, "shortest");
      clock += 5; // 101 reports over ~500 ms
    }
    report(0, 10, "coverage");
    report(0, 10, "coverage");
    report(10, 10, "coverage");
    report(10, 10, "coverage");
    expect(posted[0]).toMatchObject({ phase: "shortest", done: 0 });
    expect(posted.filter((p) => p.phase === "shortest").at(-1)?.done).toBe(100);
    expect(posted.length).toBeLessThanOrEqual(14);
    // A repeated report is posted once.
    const coverage = posted.filter((p) => p.phase === "coverage").map((p) => p.done);
    expect(coverage).toEqual([0, 10]);
    const shortest = posted.filter((p) => p.phase === "shortest").map((p) => p.done);
    expect(shortest).toEqual([...shortest].sort((a, b) => a - b));
  });
});

/** A fake worker: records what it was sent and whether it was terminated. */
function fakeSpawn() {
  const workers: {
    sent: ExploreRequest[];
    terminated: boolean;
    answer: (a: ExploreAnswer) => void;
    fail: (m: string) => void;
  }[] = [];
  const spawn: SpawnWorker = (onAnswer, onError) => {
    const w = { sent: [] as ExploreRequest[], terminated: false, answer: onAnswer, fail: onError };
    workers.push(w);
    const worker: ExploreWorker = {
      post: (r) => w.sent.push(r),
      terminate: () => {
        w.terminated = true;
      },
    };
    return worker;
  };
  return { spawn, workers };
}

const input = { project: nps, experienceId: "quarterly-nps", want: { paths: true, races: true } };

describe("explore client", () => {
  it("supersedes a running request: its worker is terminated and its answers dropped", () => {
    const { spawn, workers } = fakeSpawn();
    const client = createExploreClient(spawn);
    const first: ExploreAnswer[] = [];
    const second: ExploreAnswer[] = [];
    const a = client.start(input, (x) => first.push(x));
    const b = client.start(input, (x) => second.push(x));
    expect(b).not.toBe(a);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].sent[0]).toMatchObject({
      type: "explore",
      id: b,
      experienceId: "quarterly-nps",
    });
    workers[0].answer({ type: "done", id: a, ms: 1 });
    workers[1].answer({ type: "done", id: a, ms: 1 });
    expect(first).toEqual([]);
    expect(second).toEqual([]);
    workers[1].answer({ type: "done", id: b, ms: 2 });
    expect(second).toEqual([{ type: "done", id: b, ms: 2 }]);
    expect(client.running()).toBeNull();
  });

  it("reuses an idle worker, and respawns one lazily after a cancel", () => {
    const { spawn, workers } = fakeSpawn();
    const client = createExploreClient(spawn);
    const a = client.start(input, () => {});
    workers[0].answer({ type: "done", id: a, ms: 1 });
    client.start(input, () => {});
    expect(workers).toHaveLength(1);
    expect(workers[0].sent).toHaveLength(2);
    expect(client.cancel()).toBe(true);
    expect(workers[0].terminated).toBe(true);
    expect(client.running()).toBeNull();
    expect(client.cancel()).toBe(false);
    expect(workers).toHaveLength(1);
    client.start(input, () => {});
    expect(workers).toHaveLength(2);
  });

  it("turns a worker failure into a `failed` answer and starts afresh next time", () => {
    const { spawn, workers } = fakeSpawn();
    const client = createExploreClient(spawn);
    const got: ExploreAnswer[] = [];
    const id = client.start(input, (x) => got.push(x));
    workers[0].fail("boom");
    expect(got).toEqual([{ type: "failed", id, message: "boom" }]);
    expect(workers[0].terminated).toBe(true);
    client.start(input, () => {});
    expect(workers).toHaveLength(2);
  });

  it("runs on the main thread when the worker cannot be created, and stays there", async () => {
    let tries = 0;
    const client = createExploreClient(() => {
      tries++;
      throw new Error("no module workers here");
    });
    const run = () =>
      new Promise<ExploreAnswer[]>((resolve) => {
        const answers: ExploreAnswer[] = [];
        client.start(input, (x) => {
          answers.push(x);
          if (x.type === "done" || x.type === "failed") resolve(answers);
        });
      });
    const got = await run();
    expect(got.at(-1)?.type).toBe("done");
    const paths = got.find((a) => a.type === "paths");
    expect(paths?.type === "paths" && paths.outcome.ok && paths.outcome.report.count).toEqual(
      explorePaths(nps, "quarterly-nps").count,
    );
    client.cancel();
    expect((await run()).at(-1)?.type).toBe("done");
    expect(tries).toBe(1);
  });

  it("delivers a failure to start after the run is recorded, so the bar stops", async () => {
    const refuse: SpawnWorker = () => {
      throw new Error("nothing can run here");
    };
    const client = createExploreClient(refuse, refuse);
    let state = initialExploreState;
    const dispatch = (event: ExploreEvent) => {
      state = exploreReducer(state, event);
    };
    const id = startRequest(client, state, nps, "quarterly-nps", dispatch);
    expect(state).toMatchObject({ status: "running", runId: id });
    await Promise.resolve();
    expect(state).toMatchObject({ status: "failed", runId: null });
    expect(state.error).toMatch(/could not start/);
    expect(client.running()).toBeNull();
  });

  it("drops the failure of a request superseded before it was delivered", async () => {
    const refuse: SpawnWorker = () => {
      throw new Error("nothing can run here");
    };
    const client = createExploreClient(refuse, refuse);
    const got: ExploreAnswer[] = [];
    client.start(input, (x) => got.push(x));
    const second = client.start(input, (x) => got.push(x));
    await Promise.resolve();
    expect(got.map((a) => a.id)).toEqual([second]);
  });

  it("runs the real handler on the main thread when there is no Worker", async () => {
    const client = createExploreClient(inlineWorker);
    const got = await new Promise<ExploreAnswer[]>((resolve) => {
      const answers: ExploreAnswer[] = [];
      client.start(input, (x) => {
        answers.push(x);
        if (x.type === "done") resolve(answers);
      });
    });
    const paths = got.find((a) => a.type === "paths");
    expect(paths?.type === "paths" && paths.outcome.ok && paths.outcome.report.count).toEqual(
      explorePaths(nps, "quarterly-nps").count,
    );
  });

  it("drops everything from an inline run that was cancelled", async () => {
    const client = createExploreClient(inlineWorker);
    const got: ExploreAnswer[] = [];
    client.start(input, (x) => got.push(x));
    client.cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(got).toEqual([]);
  });
});

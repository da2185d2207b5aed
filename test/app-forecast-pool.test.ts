// The Forecast panel's worker pool (app/forecast/forecast-pool.ts): a run of many users split
// among workers gives the same result as one worker (tallies add up whatever the split),
// progress adds the shares up, a small run stays on one worker, and a cancel reaches them all.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type PoolChannel, pooledChannel, poolMinUsers } from "../app/forecast/forecast-pool.ts";
import type { ForecastAnswer, ForecastRequest } from "../app/forecast/forecast-protocol.ts";
import { runForecast } from "../app/forecast/forecast-run.ts";
import { modelText } from "../app/forecast/model-text.ts";
import { forecastModel } from "../machines/format/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";

const nps = projectSchema.parse(
  JSON.parse(readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8")),
);

function model(users: number): string {
  return modelText(
    forecastModel.parse({
      seed: 5,
      users,
      days: 3,
      visits: { perDay: 1, pages: { "/dashboard": 1 } },
    }),
  );
}

/** Workers that run on this thread (runForecast, as the real worker does), counting requests. */
function inlineWorkers(count: number) {
  const listeners: ((answer: ForecastAnswer) => void)[] = [];
  const received: ForecastRequest[][] = Array.from({ length: count }, () => []);
  const cancelled = new Set<number>();
  const workers: PoolChannel[] = received.map((log, index) => ({
    post(request) {
      log.push(request);
      if (request.type === "cancel") {
        cancelled.add(request.id);
        return;
      }
      void runForecast(request, (answer) => listeners[index]?.(answer), {
        stopped: () => cancelled.has(request.id),
        yieldNow: () => new Promise((resolve) => setTimeout(resolve, 0)),
        now: () => performance.now(),
      });
    },
    terminate() {},
  }));
  const setListener = (index: number, listener: (answer: ForecastAnswer) => void) => {
    listeners[index] = listener;
  };
  return { workers, setListener, received };
}

function runToEnd(channel: PoolChannel, answers: ForecastAnswer[], request: ForecastRequest) {
  return new Promise<ForecastAnswer>((resolve) => {
    const last = answers.length;
    const check = setInterval(() => {
      const end = answers.slice(last).find((a) => a.type !== "progress");
      if (end) {
        clearInterval(check);
        resolve(end);
      }
    }, 5);
    channel.post(request);
  });
}

describe("the forecast worker pool", () => {
  it("splits a big run among its workers and answers what one worker would", async () => {
    const users = poolMinUsers + 1000;
    const request = { type: "run" as const, id: 1, project: nps, model: model(users) };
    const pooled: ForecastAnswer[] = [];
    const { workers, setListener, received } = inlineWorkers(3);
    // Every share's progress reaches the panel (0 ms between redraws).
    const channel = pooledChannel(workers, setListener, (a) => pooled.push(a), 0);
    const end = await runToEnd(channel, pooled, request);

    const single: ForecastAnswer[] = [];
    const one = inlineWorkers(1);
    const alone = pooledChannel(one.workers, one.setListener, (a) => single.push(a));
    const reference = await runToEnd(alone, single, request);

    expect(end.type).toBe("done");
    expect(reference.type).toBe("done");
    if (end.type !== "done" || reference.type !== "done") return;
    expect(JSON.stringify(end.view.result)).toBe(JSON.stringify(reference.view.result));
    expect([...(end.view.traffic.get("quarterly-nps") ?? [])]).toEqual([
      ...(reference.view.traffic.get("quarterly-nps") ?? []),
    ]);
    // Three shares that cover every user once, in order.
    const shares = received.map((log) => (log[0]?.type === "run" ? log[0].share : undefined));
    expect(shares).toEqual([
      { from: 0, to: Math.floor(users / 3) },
      { from: Math.floor(users / 3), to: Math.floor((2 * users) / 3) },
      { from: Math.floor((2 * users) / 3), to: users },
    ]);
    // Progress counts all shares' users, never past the total.
    const progress = pooled.filter((a) => a.type === "progress");
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) if (p.type === "progress") expect(p.done).toBeLessThanOrEqual(users);
  });

  it("keeps a small run on one worker, whole", async () => {
    const { workers, setListener, received } = inlineWorkers(2);
    const answers: ForecastAnswer[] = [];
    const channel = pooledChannel(workers, setListener, (a) => answers.push(a));
    const request = { type: "run" as const, id: 7, project: nps, model: model(500) };
    const end = await runToEnd(channel, answers, request);
    expect(end.type).toBe("done");
    expect(received[1]).toEqual([]);
    expect(received[0][0]).toEqual(request);
  });

  it("passes a cancel to every worker", () => {
    const { workers, setListener, received } = inlineWorkers(2);
    const answers: ForecastAnswer[] = [];
    const channel = pooledChannel(workers, setListener, (a) => answers.push(a));
    channel.post({ type: "run", id: 3, project: nps, model: model(poolMinUsers * 2) });
    channel.post({ type: "cancel", id: 3 });
    expect(received.map((log) => log.at(-1))).toEqual([
      { type: "cancel", id: 3 },
      { type: "cancel", id: 3 },
    ]);
  });
});

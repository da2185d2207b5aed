// How fast does a forecast run? (issue 13 "Must show"), all measured in one run:
// - baseline: a plain XState actor per session (create, start, three events, stop);
// - the NPS example's users per second, about one session each, as a ratio to the baseline;
// - 1,000,000 users × 7 days of the NPS example through the CLI (a child process, wall time);
// - 100,000 users × 30 days of the launch-week example (banner + tour + survey), in-process
//   and through the CLI;
// - the slider → funnel latency for 100,000 users: what the app's worker does per slider move.
// FORECAST_BENCH_SCALE (e.g. 0.01) scales every user count down for quick runs; a fixed-size
// figure is then extrapolated linearly to the full size (the CLI's start counted once).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createActor, createMachine } from "xstate";
import {
  forecastContext,
  forecastUsers,
  type MonteCarloForecast,
  monteCarloResult,
} from "../machines/forecast/index.ts";
import { forecastModel, type Project } from "../machines/format/index.ts";
import { validateText } from "../machines/validate/index.ts";
import { appSliderLatency } from "./forecast-app.ts";
import { type BenchSuite, formatTable, measure, ms, percentile } from "./harness.ts";

const root = join(import.meta.dirname, "..");
const cli = join(root, "cli", "flowscope.mjs");
const bundle = join(root, "dist-cli", "flowscope.js");
const nps = {
  project: "examples/nps-survey.json",
  model: "examples/forecasts/nps-survey.model.json",
};
const launchWeek = {
  project: "examples/launch-week.json",
  model: "examples/forecasts/launch-week.model.json",
};

/** Issue 13's targets. */
const targets = {
  ratio: 60,
  cliNpsSeconds: 10,
  launchWeekSeconds: 5,
  sliderMs: 150,
};

/** Users of each measurement at full size. */
const full = {
  /** Enough one-session users for a run of a fraction of a second at millions per second. */
  throughput: 1_000_000,
  cliNps: 1_000_000,
  launchWeek: 100_000,
  slider: 100_000,
};

/** FORECAST_BENCH_SCALE: a number in (0, 1], 1 when unset. */
function benchScale(value = process.env.FORECAST_BENCH_SCALE): number {
  if (value === undefined || value === "") return 1;
  const scale = Number(value);
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`FORECAST_BENCH_SCALE must be a number in (0, 1], not ${value}`);
  }
  return scale;
}

/** A small three-state machine: the baseline's session walks round it. */
const cycle = createMachine({
  id: "cycle",
  initial: "a",
  states: {
    a: { on: { step: "b" } },
    b: { on: { step: "c" } },
    c: { on: { step: "a" } },
  },
});

/** One plain XState session, the baseline (issue 13): create, start, three events, stop. */
function bareSession(): void {
  const actor = createActor(cycle).start();
  actor.send({ type: "step" });
  actor.send({ type: "step" });
  actor.send({ type: "step" });
  actor.stop();
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(join(root, file), "utf8"));
}

function projectOf(file: string): Project {
  const { project } = validateText(readFileSync(join(root, file), "utf8"));
  if (!project) throw new Error(`${file} is not a valid project`);
  return project;
}

/** The example's model as raw JSON with some fields replaced. */
function rawModel(file: string, changes: Record<string, unknown>): Record<string, unknown> {
  return { ...(read(file) as Record<string, unknown>), ...changes };
}

/** The whole forecast in-process, from the raw model: read, context, users, result. */
function forecastOnce(project: Project, raw: Record<string, unknown>): MonteCarloForecast {
  const context = forecastContext(project, forecastModel.parse(raw));
  return monteCarloResult(context, forecastUsers(context, 0, context.plan.users));
}

function secondsOf(work: () => unknown): number {
  const started = performance.now();
  work();
  return (performance.now() - started) / 1000;
}

const count = (n: number) => Math.round(n).toLocaleString("en");
const seconds = (s: number) => `${s.toFixed(s < 10 ? 2 : 1)} s`;

// ---------------------------------------------------------------------------------- the CLI

/** The newest modification time of the files below `folder`, as cli/flowscope.mjs reads it. */
function newestBelow(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * cli/flowscope.mjs runs the prebuilt bundle only when it is at least as new as cli/ and
 * machines/, else the sources through tsx (a second or more of compiling): build it first,
 * so the wall time is the forecast's.
 */
function ensureBundle(log: (line: string) => void): void {
  let built = 0;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {}
  const sources = Math.max(newestBelow(join(root, "cli")), newestBelow(join(root, "machines")));
  if (built >= sources) return;
  log("dist-cli/flowscope.js is missing or stale: building it (npm run build:cli)");
  const vite = join(root, "node_modules", "vite", "bin", "vite.js");
  const run = spawnSync(process.execPath, [vite, "build", "--config", "vite.cli.config.ts"], {
    cwd: root,
    stdio: "pipe",
  });
  if (run.status !== 0) log(`  build failed (exit ${run.status}); the CLI runs through tsx`);
}

interface CliRun {
  ok: boolean;
  /** Wall time of the process, start included. */
  seconds: number;
  stdout: string;
  /** Why it is not available (exit code and the first line of stderr), when not ok. */
  why?: string;
}

/** `node cli/flowscope.mjs args…` as a child process. */
function runCli(args: readonly string[]): CliRun {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    stdio: "pipe",
    env: { ...process.env, NO_COLOR: "1" },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stdout = String(run.stdout);
  if (run.status === 0) return { ok: true, seconds, stdout };
  const first = String(run.stderr).trim().split("\n")[0] || String(run.error ?? "no message");
  return { ok: false, seconds, stdout, why: `exit ${run.status}: ${first}` };
}

/** `forecast <project> --model <raw> --json` through the CLI, its JSON checked for the count. */
function cliForecast(modelFile: string, project: string, raw: Record<string, unknown>): CliRun {
  writeFileSync(modelFile, JSON.stringify(raw));
  const run = runCli(["forecast", project, "--model", modelFile, "--json"]);
  if (!run.ok) return run;
  let users: unknown;
  try {
    users = JSON.parse(run.stdout).users;
  } catch {
    return { ...run, ok: false, why: "its output is not JSON" };
  }
  if (users === raw.users) return run;
  return { ...run, ok: false, why: `it forecast ${users} users, not ${raw.users}` };
}

// -------------------------------------------------------------------------------- the suite

/** One line of the verdict table. */
interface Verdict {
  name: string;
  figure: string;
  target: string;
  met: boolean;
}

/** How a figure measured on scaled-down users reads at full size. */
class Scale {
  constructor(readonly factor: number) {}

  users(full: number): number {
    return Math.max(1, Math.round(full * this.factor));
  }

  /** Linear in the users; a fixed cost (a process's start) counted once. */
  atFullSize(measured: number, fixed = 0): number {
    return this.factor === 1 ? measured : fixed + (measured - fixed) / this.factor;
  }

  /** "12.3 s" at full size, or "12.3 s (extrapolated), 0.12 s for 1,000". */
  figure(measured: number, users: number, unit: (n: number) => string, fixed = 0): string {
    const full = unit(this.atFullSize(measured, fixed));
    if (this.factor === 1) return full;
    return `${full} (extrapolated), ${unit(measured)} for ${count(users)}`;
  }
}

/** The baseline, then NPS users per second beside it (scale-free: a rate). */
function throughput(npsProject: Project, scale: Scale, log: (line: string) => void): Verdict {
  // Batches long enough (about half a second) for the JIT and the GC to settle, as the
  // forecast's run below is.
  const batch = 20_000;
  const base = measure(
    `bare actor session ×${batch}`,
    () => {
      for (let i = 0; i < batch; i++) bareSession();
    },
    { warmup: 3, iterations: 9 },
  );
  const sessionsPerSecond = (batch * 1000) / base.medianMs;
  // About one session per user: one day at a Poisson mean of 1 (37% of users have none, 37%
  // one, 26% more; one on average). `days: 1` with a large perDay would be many sessions each.
  const users = scale.users(full.throughput);
  const raw = read(nps.model) as { visits: Record<string, unknown> };
  const model = forecastModel.parse({
    ...raw,
    users,
    days: 1,
    visits: { ...raw.visits, perDay: 1 },
  });
  const context = forecastContext(npsProject, model);
  const run = measure(
    `forecastUsers, ${count(users)} NPS users, 1 day, 1 session each on average`,
    () => forecastUsers(context, 0, users),
    { warmup: 1, iterations: 5 },
  );
  const usersPerSecond = (users * 1000) / run.medianMs;
  log(
    formatTable(
      ["", "median", "p95", "per second"],
      [
        [base.name, ms(base.medianMs), ms(base.p95Ms), `${count(sessionsPerSecond)} sessions`],
        [run.name, ms(run.medianMs), ms(run.p95Ms), `${count(usersPerSecond)} users`],
      ],
    ),
  );
  log("");
  const ratio = usersPerSecond / sessionsPerSecond;
  return {
    name: "NPS users/s (one session each) ÷ bare XState sessions/s",
    figure: `${ratio.toFixed(ratio < 10 ? 2 : 0)}×`,
    target: `≥ ${targets.ratio}×`,
    met: ratio >= targets.ratio,
  };
}

/** 1,000,000 NPS users × 7 days through the CLI; the launch week in-process and through it. */
function fullRuns(launchProject: Project, scale: Scale, log: (line: string) => void): Verdict[] {
  const verdicts: Verdict[] = [];
  ensureBundle(log);
  const start = runCli(["--help"]);
  const startup = start.ok ? start.seconds : 0;
  const cliVerdict = (name: string, outcome: CliRun, target: number, users: number) => {
    if (!outcome.ok) {
      log(`CLI forecast not available (${outcome.why})`);
      verdicts.push({ name, figure: "not available", target: `< ${target} s`, met: false });
      return;
    }
    verdicts.push({
      name,
      figure: scale.figure(outcome.seconds, users, seconds, startup),
      target: `< ${target} s`,
      met: scale.atFullSize(outcome.seconds, startup) < target,
    });
  };
  const dir = mkdtempSync(join(tmpdir(), "flowscope-bench-forecast-"));
  try {
    const modelFile = join(dir, "model.json");
    const npsUsers = scale.users(full.cliNps);
    cliVerdict(
      "CLI: 1,000,000 NPS users × 7 days",
      cliForecast(modelFile, nps.project, rawModel(nps.model, { users: npsUsers, days: 7 })),
      targets.cliNpsSeconds,
      npsUsers,
    );

    const launchUsers = scale.users(full.launchWeek);
    const launchRaw = rawModel(launchWeek.model, { users: launchUsers, days: 30 });
    forecastOnce(launchProject, { ...launchRaw, users: Math.max(1, launchUsers >> 4) });
    const inProcess = secondsOf(() => forecastOnce(launchProject, launchRaw));
    verdicts.push({
      name: "launch week: 100,000 users × 30 days, in-process (one core)",
      figure: scale.figure(inProcess, launchUsers, seconds),
      target: `< ${targets.launchWeekSeconds} s`,
      met: scale.atFullSize(inProcess) < targets.launchWeekSeconds,
    });
    cliVerdict(
      "launch week: 100,000 users × 30 days, CLI",
      cliForecast(modelFile, launchWeek.project, launchRaw),
      targets.launchWeekSeconds,
      launchUsers,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return verdicts;
}

/**
 * Slider → funnel: the promoters slider moves; the app's worker builds the context from the
 * changed model, runs the users and reads the result (one core, as one worker).
 */
function sliderLatency(npsProject: Project, scale: Scale): Verdict {
  const users = scale.users(full.slider);
  const raw = rawModel(nps.model, { users });
  const moves = [20, 30, 40, 50, 60];
  let move = 0;
  const slider = measure(
    "slider move",
    () => forecastOnce(npsProject, promotersAt(raw, moves[move++ % moves.length])),
    { warmup: 1, iterations: moves.length },
  );
  return {
    name: "slider → funnel: 100,000 NPS users × 30 days (context + run + result)",
    figure: scale.figure(slider.medianMs, users, ms),
    target: `< ${targets.sliderMs} ms`,
    met: scale.atFullSize(slider.medianMs) < targets.sliderMs,
  };
}

/** Slider → funnel in the app itself: Chromium, the production build, the default model. */
async function appSlider(log: (line: string) => void): Promise<Verdict> {
  log("slider → funnel in the app: building it (vite build) and opening it in Chromium…");
  const { samples: unsorted, users } = await appSliderLatency();
  const samples = [...unsorted].sort((a, b) => a - b);
  const median = percentile(samples, 50);
  return {
    name: `slider → funnel in the app (Chromium, ${users} × 7 days, key press → funnel redrawn)`,
    figure: `${ms(median)} (p95 ${ms(percentile(samples, 95))})`,
    target: `< ${targets.sliderMs} ms`,
    met: median < targets.sliderMs,
  };
}

export const forecastSuite: BenchSuite = {
  name: "forecast",
  description:
    "Monte Carlo forecasts: NPS users per second beside a plain XState actor per session, the CLI at 1,000,000 users, the launch week at 100,000 users × 30 days, the slider → funnel latency",
  async run(log) {
    const scale = new Scale(benchScale());
    if (scale.factor < 1) {
      log(
        `FORECAST_BENCH_SCALE=${scale.factor}: user counts scaled down; fixed-size figures are extrapolated linearly to the full size`,
      );
    }
    const npsProject = projectOf(nps.project);
    const launchProject = projectOf(launchWeek.project);
    const verdicts = [
      throughput(npsProject, scale, log),
      ...fullRuns(launchProject, scale, log),
      sliderLatency(npsProject, scale),
      await appSlider(log),
    ];
    log(
      formatTable(
        ["", "figure", "target", ""],
        verdicts.map((v) => [v.name, v.figure, v.target, v.met ? "PASS" : "MISS"]),
      ),
    );
    return { targetsMet: verdicts.every((v) => v.met) };
  },
};

type RawModel = Record<string, unknown> & {
  behaviour?: Record<string, Record<string, { answer?: Record<string, number> }>>;
};

/**
 * The NPS model with promoters (answers 9 and 10) at `percent`% of the answers, the other
 * answers keeping their proportions: what the Forecast panel's promoters slider changes.
 */
function promotersAt(raw: RawModel, percent: number): RawModel {
  const survey = raw.behaviour?.["quarterly-nps"] ?? {};
  const answer = survey.score?.answer ?? {};
  const isPromoter = (key: string) => key === "9" || key === "10";
  const weights = Object.entries(answer);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const promoters = weights.filter(([key]) => isPromoter(key)).reduce((sum, [, w]) => sum + w, 0);
  const share = (key: string, w: number) =>
    isPromoter(key)
      ? (w / promoters) * total * (percent / 100)
      : (w / (total - promoters)) * total * (1 - percent / 100);
  const changed = Object.fromEntries(weights.map(([key, w]) => [key, share(key, w)]));
  return {
    ...raw,
    behaviour: {
      ...raw.behaviour,
      "quarterly-nps": { ...survey, score: { ...survey.score, answer: changed } },
    },
  };
}

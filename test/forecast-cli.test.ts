// `flowscope forecast` in Monte Carlo mode (SPEC §5, issue 13 item 1): the JSON result's
// shape and sums, the table and funnel for people, the exit codes, `--user <n> --script`
// replayed through simulate, and the same bytes whatever `--workers` is (real spawns: the
// workers are threads of a real process, from the sources and from the bundle).
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkBounds } from "../cli/forecast-pool.ts";
import { progressBar, progressLine } from "../cli/forecast-progress.ts";
import { sparkline } from "../cli/format/forecast.ts";
import { simulate } from "../machines/engine/index.ts";
import { drawnUser, forecastContext, monteCarloEnds } from "../machines/forecast/index.ts";
import { forecastModel, type Project, script as scriptSchema } from "../machines/format/index.ts";
import { validateText } from "../machines/validate/index.ts";
import { runInProcess } from "./cli-run.ts";
import { tempFiles } from "./temp-files.ts";

const root = join(import.meta.dirname, "..");
const npsFile = join(root, "examples", "nps-survey.json");

/** The NPS model, small enough for the engine runner (≤ 2,000 users). */
const npsModel = {
  seed: 7,
  users: 500,
  days: 3,
  visits: { perDay: 1, pages: { "/dashboard": 3, "/reports/q3": 1 } },
  behaviour: {
    "quarterly-nps": {
      score: { answer: { "10": 3, "9": 2, "7": 2, "3": 3 }, close: 1 },
      "thank-you": { "cta.done": 4, "cta.review": 1 },
    },
  },
};

const temp = tempFiles("flowscope-forecast-cli-");
const write = temp.write;
let modelFile: string;

beforeAll(async () => {
  modelFile = await write("nps-model.json", npsModel);
});

function forecast(...args: string[]) {
  return runInProcess(["forecast", npsFile, "--model", modelFile, ...args]);
}

async function npsProject(): Promise<Project> {
  return validateText(await readFile(npsFile, "utf8")).project as Project;
}

// ---------------------------------------------------------------------------- the result

describe("flowscope forecast --json (Monte Carlo)", () => {
  it("prints SPEC §5's Result: per experience users shown, views, ends, reach, blocked, per day", async () => {
    const { code, out, err } = await forecast("--json", "--workers", "1");
    expect({ code, err }).toEqual({ code: 0, err: "" });
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(["users", "days", "seed", "experiences"]);
    expect(result).toMatchObject({ users: 500, days: 3, seed: 7 });
    expect(Object.keys(result.experiences)).toEqual(["quarterly-nps"]);
    const nps = result.experiences["quarterly-nps"];
    expect(Object.keys(nps)).toEqual([
      "shownUsers",
      "views",
      "snoozes",
      "ends",
      "steps",
      "blocked",
      "shownPerDay",
    ]);
    // Most users open /dashboard or a report within three days: the survey shows itself.
    expect(nps.shownUsers).toBeGreaterThan(300);
    expect(nps.shownUsers).toBeLessThanOrEqual(500);
    expect(nps.views).toBeGreaterThanOrEqual(nps.shownUsers);
    // Every user shown ends one way (or is still open at the horizon).
    expect(Object.keys(nps.ends)).toEqual([...monteCarloEnds]);
    const ends = Object.values(nps.ends as Record<string, number>);
    expect(ends.reduce((a, b) => a + b, 0)).toBe(nps.shownUsers);
    // Each shown user is first shown on one day of the horizon.
    expect(nps.shownPerDay).toHaveLength(3);
    expect(nps.shownPerDay.reduce((a: number, b: number) => a + b, 0)).toBe(nps.shownUsers);
    expect(Object.keys(nps.steps)).toEqual([
      "score",
      "passive-reason",
      "tell-us-more",
      "thank-you",
      "book-call",
    ]);
    for (const step of Object.values(nps.steps) as {
      reachUsers: number;
      reach: number;
      ci95: [number, number];
    }[]) {
      expect(Number.isInteger(step.reachUsers)).toBe(true);
      expect(step.reach).toBe(step.reachUsers / 500);
      expect(step.ci95[0]).toBeLessThanOrEqual(step.reach);
      expect(step.ci95[1]).toBeGreaterThanOrEqual(step.reach);
    }
    // Everyone shown enters the first step; promoters (10, 9: 5 of 11) reach thank-you.
    expect(nps.steps.score.reachUsers).toBe(nps.shownUsers);
    expect(nps.steps["thank-you"].reachUsers).toBeGreaterThan(0);
    expect(nps.steps["thank-you"].reachUsers).toBeLessThan(nps.shownUsers);
    // A user who answered once is not asked again (recurrence once): blocked on later visits.
    expect(nps.blocked.recurrence).toBeGreaterThan(0);
  });

  it("counts what each user's drawn script does when replayed through simulate", async () => {
    // 40 users: the ends of the tally are the statuses their scripts reach, one by one.
    const small = await write("nps-40.json", { ...npsModel, users: 40 });
    const { out } = await runInProcess([
      "forecast",
      npsFile,
      "--model",
      small,
      "--json",
      "--workers",
      "1",
    ]);
    const tallied = JSON.parse(out).experiences["quarterly-nps"];
    const project = await npsProject();
    const counted: Record<string, number> = { completed: 0, dismissed: 0, snoozed: 0, open: 0 };
    let shown = 0;
    for (let user = 0; user < 40; user++) {
      const printed = await runInProcess([
        "forecast",
        npsFile,
        "--model",
        small,
        "--user",
        String(user),
        "--script",
      ]);
      expect(printed.code).toBe(0);
      const outcome = simulate(project, scriptSchema.parse(JSON.parse(printed.out))).experiences[
        "quarterly-nps"
      ];
      if (outcome.views === 0) continue;
      shown++;
      counted[outcome.status === "active" ? "open" : outcome.status]++;
    }
    expect(shown).toBe(tallied.shownUsers);
    // The NPS example launches nothing out of the flow: every dismissal is a dismissal.
    expect(tallied.ends).toEqual({ ...counted, launched: 0 });
  });
});

// ------------------------------------------------------------------------- for people

describe("flowscope forecast (human output)", () => {
  it("prints a table per experience and a funnel of its steps, with the JSON's numbers", async () => {
    const [human, json] = await Promise.all([
      forecast("--workers", "1"),
      forecast("--workers", "1", "--json"),
    ]);
    expect(human.code).toBe(0);
    const nps = JSON.parse(json.out).experiences["quarterly-nps"];
    const { out } = human;
    expect(out).toContain("Monte Carlo forecast of 500 users over 3 days (seed 7)");
    expect(out).toContain(`\nquarterly-nps\n  shown     ${nps.shownUsers} users (`);
    expect(out).toContain(`completed ${nps.ends.completed} (`);
    expect(out).toContain(`blocked   recurrence ${nps.blocked.recurrence}`);
    expect(out).toContain(`per day   `);
    expect(out).toContain(nps.shownPerDay.join(" · "));
    expect(out).toMatch(/\n {2}step +users +reach {2}95% interval +funnel\n/);
    // The funnel: one row per step, its bar as long as its reach (24 cells at 100%).
    for (const [id, step] of Object.entries(nps.steps) as [string, { reachUsers: number }][]) {
      const row = new RegExp(`\\n {2}${id} +${step.reachUsers} +[\\d.]+% +[\\d.]+%–[\\d.]+% +(█*)`);
      const cells = row.exec(out)?.[1].length;
      expect(cells, id).toBe(Math.floor(Math.round((step.reachUsers / 500) * 24 * 8) / 8));
    }
  });

  it("draws shown per day as marks scaled to the busiest day, a mark per days on long horizons", () => {
    expect(sparkline([8, 4, 0, 1])).toEqual({ marks: "█▄·▁", per: 1 });
    const long = sparkline(Array.from({ length: 90 }, (_, day) => (day < 45 ? 1 : 2)));
    expect(long.per).toBe(2);
    expect(long.marks).toBe(`${"▄".repeat(22)}▆${"█".repeat(22)}`);
  });

  it("shows progress only on runs over a second, and wipes it at the end", () => {
    let clock = 0;
    let written = "";
    const quick = progressBar(
      (text) => (written += text),
      100,
      () => clock,
    );
    clock = 900;
    quick.update(90);
    quick.finish();
    expect(written).toBe("");
    const slow = progressBar(
      (text) => (written += text),
      100,
      () => clock,
    );
    clock = 2000;
    slow.update(45);
    slow.update(46); // within the same tenth of a second: not redrawn
    clock = 2100;
    slow.update(50);
    slow.finish();
    expect(written).toBe(`\r${progressLine(45, 100)}\r${progressLine(50, 100)}\r\u001b[K`);
    expect(progressLine(4500, 10000)).toBe(
      `forecast ${"█".repeat(14)}${"░".repeat(16)}  45% 4,500 / 10,000 users`,
    );
  });
});

// ------------------------------------------------------------------------------ errors

describe("flowscope forecast exit codes", () => {
  it("exits 1 with pointer and line for a model without users, days or visits", async () => {
    const file = await write(
      "no-population.json",
      '{\n  "seed": 1,\n  "behaviour": { "quarterly-nps": { "scroe": { "close": 1 } } }\n}\n',
    );
    const { code, out, err } = await runInProcess(["forecast", npsFile, "--model", file]);
    expect({ code, out }).toEqual({ code: 1, out: "" });
    expect(err.split("\n")).toEqual([
      `${file}:1:1  error  missingField  /: Monte Carlo needs "users": how many users to simulate`,
      `${file}:1:1  error  missingField  /: Monte Carlo needs "days": the horizon in days`,
      `${file}:1:1  error  missingField  /: Monte Carlo needs "visits": { "perDay": …, "pages": { "/url": weight } }`,
      expect.stringMatching(
        /^.*:3:\d+ {2}error {2}unknownStep {2}\/behaviour\/quarterly-nps\/scroe: no step "scroe"/,
      ),
      "",
    ]);
  });

  it("exits 1 for pages of no weight, and 2 for a model that is not JSON", async () => {
    const noPages = await write("no-pages.json", {
      users: 10,
      days: 1,
      visits: { perDay: 1, pages: { "/dashboard": 0 } },
    });
    const pages = await runInProcess(["forecast", npsFile, "--model", noPages]);
    expect(pages.code).toBe(1);
    expect(pages.err).toMatch(/no-pages\.json:6:\d+ {2}error {2}noPages {2}\/visits\/pages: /);
    const broken = await write("broken.json", '{ "users": 10,, }');
    const parse = await runInProcess(["forecast", npsFile, "--model", broken]);
    expect(parse.code).toBe(2);
    expect(parse.err).toMatch(/broken\.json:1:\d+ {2}error {2}parse/);
  });

  it("exits 2 for a wrong command line, before reading any file", async () => {
    const missing = join(temp.dir, "missing.json");
    const cases = [
      { args: ["forecast", npsFile], err: "required option '--model <model.json>'" },
      { args: ["--workers", "0"], err: '--workers takes a whole number ≥ 1, not "0"' },
      { args: ["--workers", "1000"], err: "--workers takes a whole number from 1 to 256" },
      { args: ["--user", "2"], err: "--user <n> and --script go together" },
      { args: ["--script"], err: "--user <n> and --script go together" },
      { args: ["--user", "-1", "--script"], err: '--user takes a whole number ≥ 0, not "-1"' },
      { args: ["--experience", "quarterly-nps"], err: "--experience <id> goes with --exact" },
      {
        args: ["--experience", "quarterly-nps", "--exact", "--workers", "2"],
        err: "--exact runs no simulated users: drop --workers",
      },
    ];
    for (const { args, err } of cases) {
      const full =
        args[0] === "forecast" ? args : ["forecast", npsFile, "--model", missing, ...args];
      const run = await runInProcess(full);
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.err).toContain(err);
    }
  });

  it("exits 1 for --user past the model's users", async () => {
    const { code, out, err } = await forecast("--user", "500", "--script");
    expect({ code, out }).toEqual({ code: 1, out: "" });
    expect(err).toContain("--user 500: ");
    expect(err).toContain("simulates 500 users, numbered 0 to 499");
  });
});

// ------------------------------------------------------------------------ --user --script

describe("flowscope forecast --user <n> --script", () => {
  it("prints user n's drawn script, which simulate replays to the outcome the forecast drew", async () => {
    const project = await npsProject();
    const context = forecastContext(project, forecastModel.parse(npsModel));
    for (const user of [0, 1, 2, 3, 17, 499]) {
      const { code, out } = await forecast("--user", String(user), "--script");
      expect(code).toBe(0);
      const printed = scriptSchema.parse(JSON.parse(out));
      const drawn = drawnUser(context, user);
      expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(drawn.script)));
      expect(simulate(project, printed).experiences).toEqual(drawn.experiences);
    }
  });
});

// -------------------------------------------------------------------------- the workers

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnNode(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("the same bytes whatever --workers is", () => {
  it("cuts users into chunks that cover [0, users) in order", () => {
    expect(chunkBounds(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(chunkBounds(2, 8)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it("prints the same JSON and table with --workers 1 and 2, from the sources", async () => {
    // 1,500 users: several chunks, so both threads run some.
    const model = await write("nps-1500.json", { ...npsModel, users: 1500 });
    const cli = ["--import", "tsx", "cli/main.ts", "forecast", npsFile, "--model", model];
    const [one, two, twoHuman] = await Promise.all([
      spawnNode([...cli, "--json", "--workers", "1"]),
      spawnNode([...cli, "--json", "--workers", "2"]),
      spawnNode([...cli, "--workers", "2"]),
    ]);
    expect({ code: two.code, stderr: two.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(two.stdout).users).toBe(1500);
    expect(two.stdout).toBe(one.stdout);
    const inProcess = await runInProcess(["forecast", npsFile, "--model", model, "--workers", "1"]);
    expect(twoHuman.code).toBe(0);
    expect(twoHuman.stdout).toBe(inProcess.out);
  }, 120_000);

  // The bundle's worker is its second entry, dist-cli/forecast-worker.js (npm run build:cli).
  const bundle = join(root, "dist-cli", "flowscope.js");
  it.skipIf(!existsSync(join(root, "dist-cli", "forecast-worker.js")))(
    "prints the same JSON with --workers 1 and 2 from the bundle",
    async () => {
      const model = await write("nps-1500-bundle.json", { ...npsModel, users: 1500 });
      const cli = [bundle, "forecast", npsFile, "--model", model, "--json"];
      const [one, two] = await Promise.all([
        spawnNode([...cli, "--workers", "1"]),
        spawnNode([...cli, "--workers", "2"]),
      ]);
      expect({ code: two.code, stderr: two.stderr }).toEqual({ code: 0, stderr: "" });
      expect(two.stdout).toBe(one.stdout);
    },
    60_000,
  );
});

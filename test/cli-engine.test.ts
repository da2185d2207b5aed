// `flowscope simulate | replay | machine`: a few real spawns for the contract (exit codes,
// streams), the rest in-process through runCli, plus the timeline printer.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMachine } from "xstate";
import { machineCommand } from "../cli/commands/machine.ts";
import { replayCommand, resolveProjectFile } from "../cli/commands/replay.ts";
import { simulateCommand } from "../cli/commands/simulate.ts";
import type { CliIo } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";
import {
  clean,
  describeEntry,
  formatResultHuman,
  formatTime,
  formatTimeline,
  groupFiredTogether,
} from "../cli/timeline.ts";
import { simulate } from "../machines/engine/index.ts";
import type { Result, TraceEntry } from "../machines/format/script.ts";
import { recording as recordingSchema } from "../machines/format/script.ts";
import { validateText } from "../machines/validate/index.ts";

const root = join(import.meta.dirname, "..");
const npsProject = join(root, "examples", "nps-survey.json");
const npsRecording = join(root, "examples", "recordings", "nps-promoter-10.json");
const ctaRecording = join(root, "examples", "recordings", "cta-actions-fire-together.json");

let dir: string;
let scriptFile: string;
let wrongRecording: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-engine-cli-"));
  const recording = JSON.parse(await readFile(npsRecording, "utf8"));
  scriptFile = join(dir, "script.json");
  await writeFile(scriptFile, JSON.stringify(recording.script));
  // The same run, but expecting a dismissal and a step that never happens.
  wrongRecording = join(dir, "wrong.json");
  await writeFile(
    wrongRecording,
    JSON.stringify({
      project: npsProject,
      script: recording.script,
      expect: {
        experiences: { "quarterly-nps": { status: "dismissed" } },
        trace: [{ type: "step.entered", step: "tell-us-more" }],
      },
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------- spawns

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "cli/main.ts", ...args],
      { cwd: root, env: { ...process.env, NO_COLOR: "1" } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("flowscope simulate / replay / machine (spawned)", () => {
  let runs: Record<"json" | "replayOk" | "replayWrong" | "machine" | "missing", Run>;

  beforeAll(async () => {
    // Started together: the spawns overlap instead of queueing.
    const [json, replayOk, replayWrong, machine, missing] = await Promise.all([
      spawnCli(["simulate", npsProject, "--script", scriptFile, "--json"]),
      spawnCli(["replay", npsRecording]),
      spawnCli(["replay", wrongRecording]),
      spawnCli(["machine", npsProject, "--experience", "quarterly-nps"]),
      spawnCli(["simulate", join(dir, "nope.json"), "--script", scriptFile]),
    ]);
    runs = { json, replayOk, replayWrong, machine, missing };
  }, 60_000);

  it("simulate --json prints exactly the engine's Result and exits 0", async () => {
    const { code, stdout, stderr } = runs.json;
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const recording = recordingSchema.parse(JSON.parse(await readFile(npsRecording, "utf8")));
    const project = validateText(await readFile(npsProject, "utf8")).project;
    if (project === undefined) throw new Error("the NPS example must be valid");
    expect(JSON.parse(stdout)).toEqual(simulate(project, recording.script));
    expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
  });

  it("replay of a recording that holds exits 0 with the count", () => {
    expect(runs.replayOk.code).toBe(0);
    expect(runs.replayOk.stdout).toMatch(
      /^✔ examples\/recordings\/nps-promoter-10\.json {2}\d+ expectations hold {2}(\d+ ms|\d+\.\d+ s)\n\n1 recording: 1 passed, 0 failed {2}\((\d+ ms|\d+\.\d+ s)\)\n$/,
    );
  });

  it("replay of a wrong expectation exits 1 with a diff naming each place", () => {
    const { code, stdout } = runs.replayWrong;
    expect(code).toBe(1);
    expect(stdout).toMatch(/^✘ .*wrong\.json {2}2 of 3 expectations fail {2}(\d+ ms|\d+\.\d+ s)\n/);
    expect(stdout).toContain("/experiences/quarterly-nps/status");
    expect(stdout).toContain('- "dismissed"');
    expect(stdout).toContain('+ "completed"');
    expect(stdout).toContain("/trace/0");
    expect(stdout).toContain('"step":"tell-us-more"');
  });

  it("machine prints JSON that createMachine accepts, with a state per step", () => {
    expect(runs.machine.code).toBe(0);
    const config = JSON.parse(runs.machine.stdout);
    const machine = createMachine(config);
    const states = Object.keys(machine.root.states);
    for (const step of ["score", "passive-reason", "tell-us-more", "thank-you", "book-call"]) {
      expect(states).toContain(step);
    }
    expect(states).toEqual(expect.arrayContaining(["completed", "dismissed"]));
  });

  it("a missing file exits 2 and names it", () => {
    expect(runs.missing.code).toBe(2);
    expect(runs.missing.stderr).toContain("nope.json");
    expect(runs.missing.stdout).toBe("");
  });
});

// ------------------------------------------------------------------------------ in-process

function memoryIo(): CliIo & { stdout(): string; stderr(): string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    color: false,
    env: {},
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

const engineCommands = [simulateCommand, replayCommand, machineCommand];

async function run(args: string[]) {
  const io = memoryIo();
  const code = await runCli(args, io, engineCommands);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
}

describe("flowscope simulate (in-process)", () => {
  it("prints a readable timeline, then the final state", async () => {
    const recording = JSON.parse(await readFile(ctaRecording, "utf8"));
    const script = await writeJson("cta-script.json", recording.script);
    const { code, stdout } = await run([
      "simulate",
      join(root, "examples/multi-action-cta.json"),
      "--script",
      script,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\+0\.000s\s+experience\.shown\s+profile-nudge/m);
    // The three actions of the CTA fire together: one bracket, orders 0..2.
    expect(stdout).toMatch(/┌ action\.fired\s+launchExperience #0/);
    expect(stdout).toMatch(/│ action\.fired\s+runJs #1/);
    expect(stdout).toMatch(/└ action\.fired\s+navigateTo #2/);
    expect(stdout).toMatch(/^\+0\.400s\s+action\.landed\s+navigateTo #2/m);
    expect(stdout).toMatch(/profile-tour\s+active\s+on avatar/);
    expect(stdout).toContain("Page      /users/usr_8f3k2m/profile");
  });

  it("exits 2 with line:column when the script is not JSON", async () => {
    const script = await writeJson(
      "broken.json",
      '{\n  "steps": [\n    { "do": "close" },\n  ]\n}',
    );
    const { code, stderr } = await run(["simulate", npsProject, "--script", script]);
    expect(code).toBe(2);
    // The trailing comma closing line 3 is the fault.
    expect(stderr).toMatch(/broken\.json:3:\d+ {2}error {2}parse {2}.*comma/);
  });

  it("exits 1 with the pointer and place when the script has the wrong shape", async () => {
    const script = await writeJson("shape.json", { steps: [{ do: "close" }, { do: "jump" }] });
    const { code, stderr } = await run(["simulate", npsProject, "--script", script]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/shape\.json:\d+:\d+ {2}error {2}\w+ {2}\/steps\/1\/do: /);
  });

  it("exits 1 naming the script step that cannot be done", async () => {
    const script = await writeJson("undoable.json", {
      user: { attributes: { plan: "pro" } },
      start: { url: "/dashboard" },
      steps: [
        { do: "answer", value: 10 },
        { do: "click", cta: "no-such-cta" },
      ],
    });
    const { code, stdout, stderr } = await run(["simulate", npsProject, "--script", script]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("undoable.json");
    expect(stderr).toContain('step 2 (click "no-such-cta")');
  });

  it("exits 1 with the validator's errors when the project is invalid", async () => {
    const project = await writeJson("invalid-project.json", {
      version: 1,
      experiences: [
        {
          id: "t",
          type: "tour",
          status: "live",
          steps: [
            {
              id: "s",
              kind: "modal",
              ctas: [
                {
                  id: "c",
                  label: "Go",
                  actions: [{ type: "launchExperience", experience: "ghost" }],
                },
              ],
            },
          ],
        },
      ],
    });
    const { code, stderr } = await run(["simulate", project, "--script", scriptFile]);
    expect(code).toBe(1);
    expect(stderr).toContain("is not a valid project");
    // The validator's own line, with the place of the launch of a missing experience.
    expect(stderr).toMatch(/invalid-project\.json:\d+:\d+ {2}error {2}\w+ {2}.*"ghost"/);
  });

  it("--inspect fails softly: a one-line notice, and the run goes on", async () => {
    const { code, stdout, stderr } = await run([
      "simulate",
      npsProject,
      "--script",
      scriptFile,
      "--inspect",
      "--json",
    ]);
    expect(code).toBe(0);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout).experiences["quarterly-nps"].status).toBe("completed");
  });
});

describe("flowscope replay and machine (in-process)", () => {
  it("falls back to the current directory for the project path", async () => {
    const file = await writeJson("cwd-relative.json", {
      project: "examples/nps-survey.json",
      script: { steps: [] },
      expect: { experiences: { "quarterly-nps": { status: "idle", views: 0 } } },
    });
    expect(resolveProjectFile(file, "examples/nps-survey.json")).toBe(npsProject);
    const { code, stdout } = await run(["replay", file]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^✔ .*cwd-relative\.json {2}2 expectations hold {2}(\d+ ms|\d+\.\d+ s)\n/,
    );
  });

  it("exits 2 when the project is found neither beside the recording nor here", async () => {
    const file = await writeJson("lost.json", {
      project: "nowhere/p.json",
      script: {},
      expect: {},
    });
    const { code, stderr } = await run(["replay", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("nowhere/p.json");
  });

  it("exits 1 with the pointer when the recording has the wrong shape", async () => {
    const file = await writeJson("bad-recording.json", { project: 3, script: {} });
    const { code, stderr } = await run(["replay", file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bad-recording\.json:\d+:\d+ {2}error {2}\w+ {2}\/project: /);
  });

  it("machine lists the experiences there are when the id is unknown", async () => {
    const { code, stderr } = await run(["machine", npsProject, "--experience", "nps"]);
    expect(code).toBe(1);
    expect(stderr).toContain('no experience "nps"');
    expect(stderr).toContain("quarterly-nps");
  });
});

// -------------------------------------------------------------------------------- timeline

const fired = (at: number, order: number, action = "goToStep"): TraceEntry => ({
  at,
  type: "action.fired",
  action,
  order,
});

describe("timeline printer", () => {
  it("groups the actions of one list fired at one instant, and only those", () => {
    const trace = [fired(0, 0), fired(0, 1), fired(0, 2), fired(0, 0), fired(5, 1), fired(5, 2)];
    expect(groupFiredTogether(trace).map((group) => group.length)).toEqual([3, 1, 2]);
  });

  it("prints the time once per instant and aligns the columns", () => {
    const text = formatTimeline(
      [
        { at: 0, type: "experience.shown", experience: "nps" },
        { at: 0, type: "step.entered", experience: "nps", step: "score" },
        { at: 12_345, type: "page.changed", url: "/x" },
      ],
      { color: false },
    );
    expect(text.split("\n")).toEqual([
      "+0.000s   experience.shown      nps",
      "          step.entered          nps › score",
      "+12.345s  page.changed          url=/x",
    ]);
  });

  it("formats long times in hours and minutes", () => {
    expect(formatTime(300)).toBe("+0.300s");
    expect(formatTime(90_500)).toBe("+1m 30.500s");
    expect(formatTime(25 * 3_600_000 + 1_000)).toBe("+25h 0m 1.000s");
  });

  it("lists the reasons of a skipped show", () => {
    const line = describeEntry({
      at: 0,
      type: "show.skipped",
      experience: "nps",
      reasons: [
        { code: "audience", message: "plan is trial" },
        { code: "rateLimited", message: "1 in 4h" },
      ],
    });
    expect(line).toBe("nps  — audience: plan is trial; rateLimited: 1 in 4h");
  });

  it("escapes control characters, so project text cannot drive the terminal", () => {
    expect(clean("a\u001b[31mred")).toBe("a\\u001b[31mred");
    const line = describeEntry({ at: 0, type: "page.changed", url: "/\u001b]0;pwned\u0007" });
    expect([...line].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
  });

  it("prints the final state of every experience, page, tabs, effects and warnings", () => {
    const result: Result = {
      experiences: {
        tour: {
          status: "active",
          step: "s2",
          visited: ["s1", "s2"],
          views: 1,
          snoozeCount: 0,
          tasksDone: [],
        },
        nps: { status: "idle", step: null, visited: [], views: 0, snoozeCount: 0, tasksDone: [] },
      },
      page: { url: "/settings" },
      tabs: ["https://docs.example"],
      effects: [{ type: "openPost", post: "p1" }],
      trace: [],
      warnings: [{ code: "missingAttribute", message: "userId is empty" }],
    };
    const text = formatResultHuman(result, { color: false });
    expect(text).toContain("(nothing happened)");
    expect(text).toContain("tour  active     on s2  visited s1 → s2  views 1");
    expect(text).toContain("nps   idle       views 0");
    expect(text).toContain("Tabs      https://docs.example");
    expect(text).toContain("openPost  p1");
    expect(text).toContain("missingAttribute  userId is empty");
  });
});

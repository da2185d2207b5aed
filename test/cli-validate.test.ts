// `flowscope validate`: a few real spawns for the contract (exit codes, streams), and the
// formatting and error mapping in-process (each spawn costs ~0.5 s).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateFile } from "../cli/commands/validate.ts";
import { CliError, ExitCode } from "../cli/exit.ts";
import {
  experienceIndexOf,
  formatDiagnosticLine,
  formatDiagnosticsHuman,
  formatDiagnosticsJson,
  formatParseError,
  formatSummary,
  groupByExperience,
} from "../cli/format/diagnostics.ts";
import { type CliIo, colorAllowed, paint, readTextFile } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";
import type { Diagnostic } from "../machines/model/diagnostic.ts";

const root = join(import.meta.dirname, "..");
const validExample = "examples/onboarding-tour.json";

/** A project whose only fault is a launch of a draft experience. */
const draftLaunchProject = {
  version: 1,
  experiences: [
    {
      id: "banner",
      type: "banner",
      status: "live",
      showOn: { trigger: "auto", urls: ["/dashboard"] },
      steps: [
        {
          id: "b1",
          kind: "banner",
          ctas: [
            {
              id: "go",
              label: "Try it",
              actions: [{ type: "launchExperience", experience: "wip-tour" }],
            },
          ],
        },
      ],
    },
    {
      id: "wip-tour",
      type: "tour",
      status: "draft",
      steps: [
        {
          id: "s1",
          kind: "modal",
          ctas: [{ id: "ok", label: "OK", actions: [{ type: "goToStep", step: "complete" }] }],
        },
      ],
    },
  ],
};
const draftLaunchPointer = "/experiences/0/steps/0/ctas/0/actions/0/experience";

// Line 4 column 1 holds the "}" that cannot close an array.
const malformedText = '{\n  "version": 1,\n  "experiences": [\n}\n';

let dir: string;
let invalidFile: string;
let malformedFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-cli-"));
  invalidFile = join(dir, "draft-launch.json");
  malformedFile = join(dir, "malformed.json");
  await writeFile(invalidFile, JSON.stringify(draftLaunchProject, null, 2));
  await writeFile(malformedFile, malformedText);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
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
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Captures what a command writes, for in-process runs. */
function memoryIo(color = false): CliIo & { stdout: () => string; stderr: () => string } {
  let out = "";
  let err = "";
  return {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    color,
    env: {},
    stdout: () => out,
    stderr: () => err,
  };
}

// Spawns share two cores with the rest of the suite: give them room.
describe("flowscope validate (spawned)", { timeout: 60_000 }, () => {
  // Started together: the five spawns overlap instead of queueing.
  let runs: Record<"valid" | "invalid" | "malformed" | "missing" | "usage", Promise<Run>>;
  beforeAll(() => {
    runs = {
      valid: spawnCli(["validate", validExample]),
      invalid: spawnCli(["validate", invalidFile, "--json"]),
      malformed: spawnCli(["validate", malformedFile]),
      missing: spawnCli(["validate", join(dir, "nope.json")]),
      usage: spawnCli(["validate"]),
    };
  });

  it("exits 0 on a valid example and prints the summary", async () => {
    const run = await runs.valid;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("✔ no problems\n");
  });

  it("exits 1 on a wrong project; --json carries the code and the pointer", async () => {
    const run = await runs.invalid;
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    expect(Object.keys(output)).toEqual(["diagnostics"]);
    const found = output.diagnostics.find((d) => d.pointer === draftLaunchPointer);
    expect(found).toMatchObject({ severity: "error", code: "launchTargetNotLive" });
    expect(found?.line).toBeGreaterThan(1);
    expect(found?.column).toBeGreaterThan(1);
  });

  it("exits 2 on malformed JSON and says where", async () => {
    const run = await runs.malformed;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/malformed\.json:4:1 {2}error {2}parse {2}\S/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a missing file with the reason", async () => {
    const run = await runs.missing;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cannot read .*nope\.json: ENOENT/);
  });

  it("exits 2 on bad usage with a readable message", async () => {
    const run = await runs.usage;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/missing required argument/);
    expect(run.stdout).toBe("");
  });
});

describe("runCli in-process", () => {
  it("maps commander's usage errors to exit 2 and help to exit 0", async () => {
    const cases: [string[], number][] = [
      [["frobnicate"], 2],
      [["validate", validExample, "--nope"], 2],
      [["validate", "a.json", "b.json"], 2],
      [[], 2],
      [["--help"], 0],
      [["validate", "--help"], 0],
    ];
    for (const [args, expected] of cases) {
      const io = memoryIo();
      expect({ args, code: await runCli(args, io) }).toEqual({ args, code: expected });
    }
  });

  it("names an unknown command", async () => {
    const io = memoryIo();
    await runCli(["valdate", validExample], io);
    expect(io.stderr()).toMatch(/unknown command 'valdate'/);
    expect(io.stderr()).toMatch(/validate/);
  });

  it("reports a bug as an internal error (exit 70) without a stack trace", async () => {
    const broken = {
      register(program: Command) {
        program.command("boom").action(() => {
          throw new TypeError("cannot read properties of undefined");
        });
      },
    };
    const io = memoryIo();
    expect(await runCli(["boom"], io, [broken])).toBe(ExitCode.internal);
    expect(io.stderr()).toMatch(/^internal error: cannot read properties of undefined\n/);
    expect(io.stderr()).not.toMatch(/\n\s+at /);
  });

  it("prints a CliError's message and uses its exit code", async () => {
    const failing = {
      register(program: Command) {
        program.command("fail").action(() => {
          throw new CliError("script step 3: no CTA 'next' on screen", ExitCode.invalid);
        });
      },
    };
    const io = memoryIo();
    expect(await runCli(["fail"], io, [failing])).toBe(1);
    expect(io.stderr()).toBe("script step 3: no CTA 'next' on screen\n");
  });

  it("prints one line per warning under its experience header, exit 0", async () => {
    const io = memoryIo();
    const code = await validateFile("examples/multi-action-cta.json", {}, { io, setExitCode() {} });
    expect(code).toBe(0);
    const lines = io.stdout().split("\n");
    const diagnosticLines = lines.filter((line) =>
      line.startsWith("examples/multi-action-cta.json:"),
    );
    expect(diagnosticLines.length).toBeGreaterThan(0);
    for (const line of diagnosticLines)
      expect(line).toMatch(/^\S+:\d+:\d+ {2}warning {2}\w+ {2}\S/);
    expect(lines).toContain('experience "profile-nudge"');
  });

  it("prints a parse diagnostic as JSON on stdout too with --json", async () => {
    const io = memoryIo();
    const code = await validateFile(malformedFile, { json: true }, { io, setExitCode() {} });
    expect(code).toBe(2);
    const output = JSON.parse(io.stdout()) as { diagnostics: Diagnostic[] };
    expect(output.diagnostics).toEqual([
      expect.objectContaining({ severity: "error", code: "parse", line: 4, column: 1 }),
    ]);
  });
});

describe("readTextFile", () => {
  it("refuses a directory with exit 2 and the file name", async () => {
    const failure = await readTextFile(dir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).exitCode).toBe(2);
    expect((failure as CliError).message).toMatch(/^cannot read .+: EISDIR/);
  });

  it("keeps a byte-order mark for the JSON parser, which drops exactly one", async () => {
    const file = join(dir, "bom.json");
    await writeFile(file, '\uFEFF{"version":1}');
    expect(await readTextFile(file)).toBe('\uFEFF{"version":1}');
  });
});

describe("diagnostic formatting", () => {
  const projectLevel: Diagnostic = {
    severity: "error",
    code: "duplicateId",
    message: 'Id "a" is used twice.',
    pointer: "/posts/1/id",
    line: 40,
    column: 13,
  };
  const inSecond: Diagnostic = {
    severity: "warning",
    code: "unreachableStep",
    message: "Step s3 can never be reached.",
    pointer: "/experiences/1/steps/2",
    line: 30,
    column: 9,
  };
  const inFirstLate: Diagnostic = {
    severity: "error",
    code: "unknownStep",
    message: 'Step "x" does not exist.',
    pointer: "/experiences/0/steps/1/ctas/0/actions/0/step",
    line: 20,
    column: 21,
  };
  const inFirstEarly: Diagnostic = { ...inFirstLate, line: 12, column: 5, code: "unknownPost" };

  it("shapes --json exactly as SPEC §4 says, dropping any other field", () => {
    const extra = { ...inSecond, hint: "not part of the contract" } as Diagnostic;
    const output = JSON.parse(formatDiagnosticsJson([extra]));
    expect(output).toEqual({
      diagnostics: [
        {
          severity: "warning",
          code: "unreachableStep",
          message: "Step s3 can never be reached.",
          pointer: "/experiences/1/steps/2",
          line: 30,
          column: 9,
        },
      ],
    });
    expect(formatDiagnosticsJson([])).toBe('{\n  "diagnostics": []\n}\n');
  });

  it("groups project-level first, then experiences in order, each sorted by position", () => {
    const groups = groupByExperience([inSecond, inFirstLate, projectLevel, inFirstEarly]);
    expect(groups.map((g) => g.experienceIndex)).toEqual([undefined, 0, 1]);
    expect(groups[1].diagnostics.map((d) => d.code)).toEqual(["unknownPost", "unknownStep"]);
  });

  it("prints headers with experience ids, lines and a summary", () => {
    const text = formatDiagnosticsHuman([inSecond, inFirstLate, projectLevel], {
      file: "p.json",
      experienceIds: ["onboarding", undefined],
      color: false,
    });
    expect(text.split("\n")).toEqual([
      "project",
      'p.json:40:13  error  duplicateId  Id "a" is used twice.',
      "",
      'experience "onboarding"',
      'p.json:20:21  error  unknownStep  Step "x" does not exist.',
      "",
      "experience #1",
      "p.json:30:9  warning  unreachableStep  Step s3 can never be reached.",
      "",
      "✖ 2 errors, 1 warning",
      "",
    ]);
  });

  it("leaves the position out when it is unknown", () => {
    const { line: _l, column: _c, ...noPosition } = projectLevel;
    expect(formatDiagnosticLine(noPosition, "p.json", false)).toBe(
      'p.json  error  duplicateId  Id "a" is used twice.',
    );
  });

  it("summarises counts with plurals", () => {
    expect(formatSummary([], false)).toBe("✔ no problems");
    expect(formatSummary([inSecond], false)).toBe("⚠ 0 errors, 1 warning");
    expect(formatSummary([inFirstLate, inFirstEarly, inSecond, inSecond], false)).toBe(
      "✖ 2 errors, 2 warnings",
    );
  });

  it("formats a parse error as file:line:col  error  parse  message", () => {
    expect(formatParseError("x.json", { message: "Unexpected }", line: 4, column: 1 })).toBe(
      "x.json:4:1  error  parse  Unexpected }",
    );
  });

  it("finds the experience a pointer is under", () => {
    expect(experienceIndexOf("/experiences/12/steps/0")).toBe(12);
    expect(experienceIndexOf("/experiences/3")).toBe(3);
    expect(experienceIndexOf("/experiences")).toBeUndefined();
    expect(experienceIndexOf("/experiencesX/1")).toBeUndefined();
    expect(experienceIndexOf("/posts/0")).toBeUndefined();
  });
});

describe("colors", () => {
  it("are used only on a TTY without NO_COLOR", () => {
    expect(colorAllowed(true, {})).toBe(true);
    expect(colorAllowed(false, {})).toBe(false);
    expect(colorAllowed(true, { NO_COLOR: "1" })).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(colorAllowed(true, { NO_COLOR: "" })).toBe(true);
  });

  it("wrap text in ANSI codes only when enabled", () => {
    expect(paint(false, "red", "error")).toBe("error");
    expect(paint(true, "red", "error")).toBe("\u001b[31merror\u001b[39m");
    const line = formatDiagnosticLine(
      { severity: "error", code: "c", message: "m", pointer: "", line: 1, column: 1 },
      "f",
      true,
    );
    expect(line).toContain("\u001b[31merror\u001b[39m");
  });
});

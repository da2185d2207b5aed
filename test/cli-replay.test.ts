// `flowscope replay <file|folder|glob>…` (issue 11 items 1 and 2): every exit code, every
// reporter (the JUnit report validated against the stored junit-4.xsd), the options, and the
// --update round trip. In-process through runCli, plus a few real spawns for the contract.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../cli/replay/run.ts";
import { runInProcess as run } from "./cli-run.ts";
import { parseXml, parseXsd, type Schema, validateXml } from "./xsd-check.ts";

const root = join(import.meta.dirname, "..");
const examples = join(root, "examples");
const xsdFile = join(root, "test", "fixtures", "junit-4.xsd");
const schema: Schema = parseXsd(readFileSync(xsdFile, "utf8"));

let dir: string;
/** A copy of examples/: its projects, and recordings/ with the 12 example recordings. */
let copy: string;
let recordings: string;
let wrong: string;
let broken: string;

const npsRecording = JSON.parse(
  readFileSync(join(examples, "recordings", "nps-promoter-10.json"), "utf8"),
);

function copyExamples(to: string): string {
  mkdirSync(join(to, "recordings"), { recursive: true });
  for (const name of readdirSync(examples)) {
    if (name.endsWith(".json")) cpSync(join(examples, name), join(to, name));
  }
  cpSync(join(examples, "recordings"), join(to, "recordings"), { recursive: true });
  return join(to, "recordings");
}

function write(path: string, text: string): string {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-replay-"));
  copy = join(dir, "examples");
  recordings = copyExamples(copy);
  // Expects a dismissal and a step that never happens: 2 mismatches.
  wrong = write(
    join(dir, "fail", "wrong.json"),
    JSON.stringify(
      {
        project: join(examples, "nps-survey.json"),
        script: npsRecording.script,
        expect: {
          experiences: { "quarterly-nps": { status: "dismissed" } },
          trace: [{ type: "step.entered", step: "tell-us-more" }],
        },
      },
      null,
      2,
    ),
  );
  broken = write(join(dir, "broken", "broken.json"), '{\n  "project": "x",\n');
  write(join(dir, "other", "settings.json"), '{ "theme": "dark" }\n');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lines = (text: string) => text.split("\n").filter((line) => /^[✔✘↻-] /.test(line));

// --------------------------------------------------------------------------- exit codes

describe("replay: exit codes, and every recording is run", () => {
  it("0: a folder of recordings that all hold; one line each, then the summary", async () => {
    const { code, out, err } = await run(["replay", recordings]);
    expect({ code, err }).toEqual({ code: 0, err: "" });
    expect(lines(out)).toHaveLength(12);
    for (const line of lines(out)) {
      expect(line).toMatch(/^✔ \S+\.json {2}\d+ expectations hold {2}(\d+ ms|\d+\.\d+ s)$/);
    }
    expect(out).toMatch(/\n\n12 recordings: 12 passed, 0 failed {2}\(\d+(\.\d+)? m?s\)\n$/);
  });

  it("reads each project once, however many recordings use it", async () => {
    const { code, out } = await run(["replay", recordings, "--reporter", "json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    const projects = new Set(
      readdirSync(recordings).map(
        (name) => JSON.parse(readFileSync(join(recordings, name), "utf8")).project,
      ),
    );
    expect(report.summary.recordings).toBe(12);
    expect(report.summary.projects).toBe(projects.size);
    expect(projects.size).toBeLessThan(12);
  });

  it("1: one recording fails; the others are still run and the diff is printed", async () => {
    const { code, out } = await run(["replay", wrong, recordings]);
    expect(code).toBe(1);
    expect(lines(out)).toHaveLength(13);
    expect(out).toMatch(/^✘ .*wrong\.json {2}2 of 3 expectations fail {2}(\d+ ms|\d+\.\d+ s)$/m);
    expect(out).toContain('      - "dismissed"\n      + "completed"');
    expect(out).toContain("13 recordings: 12 passed, 1 failed");
  });

  it("2: one recording cannot be read; the others are still run, the reason on stderr", async () => {
    const { code, out, err } = await run(["replay", broken, wrong, recordings]);
    expect(code).toBe(2);
    expect(lines(out)).toHaveLength(14);
    expect(out).toMatch(/^✘ .*broken\.json {2}cannot be read {2}(\d+ ms|\d+\.\d+ s)$/m);
    expect(out).toContain("14 recordings: 12 passed, 1 failed, 1 cannot be read");
    expect(err).toMatch(/broken\.json:3:1 {2}error {2}parse {2}/);
  });

  it("2: a JSON file found in a folder that is not a recording; projects beside are skipped", async () => {
    const { code, out, err } = await run(["replay", join(dir, "other"), copy]);
    expect(code).toBe(2);
    expect(err).toContain("settings.json: not a recording");
    // copy/ holds the example projects beside recordings/: skipped, not refused.
    expect(out).toMatch(/13 recordings: 12 passed, 0 failed, 1 cannot be read/);
    expect(out).toMatch(/skipped 9 projects found beside the recordings/);
    expect(classify({ version: 1, experiences: [] })).toBe("project");
    expect(classify({ steps: [] })).toBe("script");
    expect(classify({ project: "p.json", script: {} })).toBe("recording");
    expect(classify([1])).toBe("other");
  });

  it("2: a path that does not exist, an empty folder, a glob that matches nothing", async () => {
    mkdirSync(join(dir, "empty"), { recursive: true });
    const missing = await run(["replay", join(dir, "nope.json"), recordings]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("nope.json");
    expect(lines(missing.out)).toHaveLength(13);
    const empty = await run(["replay", join(dir, "empty")]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain("no *.json file in");
    const glob = await run(["replay", join(dir, "nothing-*.json")]);
    expect(glob.code).toBe(2);
    expect(glob.err).toContain("no file matches");
  });

  it("2: the command line is wrong", async () => {
    expect((await run(["replay"])).code).toBe(2);
    expect((await run(["replay", recordings, "--reporter", "xml"])).code).toBe(2);
    const all = await run(["replay", recordings, "--all"]);
    expect(all.code).toBe(2);
    expect(all.err).toContain("--all works with --update only");
    const filtered = await run(["replay", recordings, "--filter", "no-such-name"]);
    expect(filtered.code).toBe(2);
    expect(filtered.err).toContain('no recording matches --filter "no-such-name" (of 12 found)');
  });

  it("runs a recording named twice once, and a quoted glob", async () => {
    const { code, out } = await run([
      "replay",
      join(recordings, "nps-*.json"),
      join(recordings, "nps-passive-7.json"),
    ]);
    expect(code).toBe(0);
    expect(lines(out).map((line) => line.split(" ")[1].split("/").at(-1))).toEqual([
      "nps-detractor-3.json",
      "nps-passive-7.json",
      "nps-promoter-10.json",
    ]);
  });

  it("--filter runs only the recordings whose path contains the text (any case)", async () => {
    const { code, out } = await run(["replay", recordings, wrong, "--filter", "NPS-"]);
    expect(code).toBe(0);
    expect(lines(out)).toHaveLength(3);
  });

  it("--bail stops at the first failure; the rest are listed as not run", async () => {
    const { code, out } = await run(["replay", wrong, recordings, "--bail"]);
    expect(code).toBe(1);
    expect(lines(out).filter((line) => line.startsWith("- "))).toHaveLength(12);
    expect(out).toContain("13 recordings: 0 passed, 1 failed, 12 not run (--bail)");
  });
});

describe("replay: spawned", () => {
  function spawn(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ["cli/flowscope.mjs", ...args],
        { cwd: root, env: { ...process.env, NO_COLOR: "1" } },
        (error, out, err) => {
          const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
          resolve({ code, out, err });
        },
      );
    });
  }

  it("exits 0, 1 and 2 as a real process, through npm run flowscope's launcher", async () => {
    const [ok, failing, unreadable] = await Promise.all([
      spawn(["replay", "examples/recordings"]),
      spawn(["replay", "examples/recordings", wrong]),
      spawn(["replay", "examples/recordings", wrong, broken]),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("✔ examples/recordings/nps-promoter-10.json  ");
    expect(failing.code).toBe(1);
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toContain("broken.json");
  }, 60_000);
});

// ---------------------------------------------------------------------------- reporters

describe("replay --reporter junit", () => {
  it("validates against the common JUnit schema, one testcase per recording", async () => {
    const { code, out } = await run(["replay", broken, wrong, recordings, "--reporter", "junit"]);
    expect(code).toBe(2);
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const document = parseXml(out);
    expect(validateXml(schema, document)).toEqual([]);
    expect(document.attributes.get("tests")).toBe("14");
    expect(document.attributes.get("failures")).toBe("1");
    expect(document.attributes.get("errors")).toBe("1");
    const cases = document.children.flatMap((suite) => suite.children);
    expect(cases).toHaveLength(14);
    const byName = new Map(cases.map((testcase) => [testcase.attributes.get("name"), testcase]));
    // classname = the recording's folder, name = its file.
    const promoter = byName.get("nps-promoter-10.json");
    expect(promoter?.attributes.get("classname")).toBe(recordings);
    expect(promoter?.children).toEqual([]);
    const failure = byName.get("wrong.json")?.children[0];
    expect(failure?.name).toBe("failure");
    expect(failure?.attributes.get("type")).toBe("mismatch");
    expect(failure?.text).toContain(
      '/experiences/quarterly-nps/status: not equal\n  - "dismissed"',
    );
    expect(failure?.text).toContain('  + "completed"');
    const error = byName.get("broken.json")?.children[0];
    expect(error?.name).toBe("error");
    expect(error?.attributes.get("type")).toBe("unreadable");
    for (const suite of document.children) {
      expect(suite.attributes.get("name")).toBe(suite.children[0].attributes.get("classname"));
    }
  });

  it("stays valid with --bail (<skipped/>) and --update (<system-out>)", async () => {
    const bailed = await run(["replay", wrong, recordings, "--bail", "--reporter", "junit"]);
    const document = parseXml(bailed.out);
    expect(validateXml(schema, document)).toEqual([]);
    const skipped = document.children
      .flatMap((suite) => suite.children)
      .filter((testcase) => {
        return testcase.children[0]?.name === "skipped";
      });
    expect(skipped).toHaveLength(12);

    const folder = join(dir, "junit-update");
    const file = write(join(folder, "wrong.json"), readFileSync(wrong, "utf8"));
    const updated = await run(["replay", file, "--update", "--reporter", "junit"]);
    expect(updated.code).toBe(0);
    const updatedDocument = parseXml(updated.out);
    expect(validateXml(schema, updatedDocument)).toEqual([]);
    const out = updatedDocument.children[0].children[0].children[0];
    expect(out.name).toBe("system-out");
    expect(out.text).toContain('+ "completed"');
  });

  it("escapes what XML cannot hold: markup, quotes, control characters, ]]>", async () => {
    const folder = join(dir, "odd <names> & \"quotes\" 'too'");
    const file = write(
      join(folder, "a&b<c>.json"),
      JSON.stringify({
        project: join(examples, "nps-survey.json"),
        script: npsRecording.script,
        expect: { page: { url: "/x]]><y>&\u0001\u001b[31m\ud800" } },
      }),
    );
    const { code, out } = await run(["replay", file, "--reporter", "junit"]);
    expect(code).toBe(1);
    const document = parseXml(out);
    expect(validateXml(schema, document)).toEqual([]);
    const testcase = document.children[0].children[0];
    expect(testcase.attributes.get("name")).toBe("a&b<c>.json");
    expect(testcase.attributes.get("classname")).toBe(folder);
    expect(testcase.children[0].text).toContain('- "/x]]><y>&\\u0001\\u001b[31m\\ud800"');
  });

  it("the schema checker is live: it refuses what junit-4.xsd refuses", () => {
    const refuse = (xml: string) => validateXml(schema, parseXml(xml));
    // A <testsuites skipped> attribute (junit-report-builder 5.1.2 writes one): not in the schema.
    expect(refuse('<testsuites skipped="0"/>')).toEqual([
      "/testsuites: attribute skipped is not allowed on <testsuites>",
    ]);
    expect(refuse('<testsuites><testsuite tests="1"><testcase/></testsuite></testsuites>')).toEqual(
      [
        "/testsuites/testsuite[0]: attribute name is required",
        "/testsuites/testsuite[0]/testcase[0]: attribute name is required",
      ],
    );
    // The schema's order: skipped, error*, failure*, system-out*, system-err*.
    expect(
      refuse(
        '<testsuite name="s" tests="1"><testcase name="t"><failure/><error/></testcase></testsuite>',
      ),
    ).toEqual(["/testsuite/testcase[0]: children <failure> <error> do not fit the content model"]);
    expect(
      refuse(
        '<testsuite name="s" tests="1"><testcase name="t"><skipped message="x"/></testcase></testsuite>',
      ),
    ).toEqual(["/testsuite/testcase[0]/skipped[0]: <skipped> (xs:string) takes no attributes"]);
    expect(refuse('<testsuite name="s" tests="1">text</testsuite>')).toEqual([
      "/testsuite: <testsuite> takes no text",
    ]);
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/unknown entity/);
    expect(() => parseXml("<a>\u0001</a>")).toThrow(/not allowed/);
    expect(() => parseXml("<a><b></a>")).toThrow(/closes/);
  });

  it.skipIf(!hasXmllint())("a real XSD validator (xmllint) agrees", async () => {
    const report = join(dir, "xmllint", "report.xml");
    await run(["replay", broken, wrong, recordings, "--reporter", "junit", "--output", report]);
    execFileSync("xmllint", ["--noout", "--schema", xsdFile, report], { stdio: "pipe" });
  });
});

function hasXmllint(): boolean {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("replay --reporter tap | json, --output", () => {
  it("tap: version, plan, ok / not ok per recording, a YAML block with the diff", async () => {
    const { code, out } = await run(["replay", broken, wrong, recordings, "--reporter", "tap"]);
    expect(code).toBe(2);
    const tap = out.split("\n");
    expect(tap.slice(0, 2)).toEqual(["TAP version 14", "1..14"]);
    const tests = tap.filter((line) => /^(not )?ok \d+ - /.test(line));
    expect(tests).toHaveLength(14);
    expect(tests.map((line) => Number(/ok (\d+)/.exec(line)?.[1]))).toEqual(
      Array.from({ length: 14 }, (_, i) => i + 1),
    );
    expect(tests.filter((line) => line.startsWith("not ok"))).toHaveLength(2);
    expect(out).toMatch(
      /not ok 2 - .*wrong\.json # time=[\d.]+ms\n {2}---\n {2}message: "2 of 3 expectations fail"\n {2}severity: fail\n {2}diff: \|2-\n {4}\/experiences\/quarterly-nps\/status: not equal\n {6}- "dismissed"\n/,
    );
    expect(out.match(/\n {2}---\n/g)).toHaveLength(2);
    expect(out.match(/\n {2}\.\.\.\n/g)).toHaveLength(2);
    const bailed = await run(["replay", wrong, recordings, "--reporter", "tap", "--bail"]);
    expect(bailed.out.match(/^ok \d+ - .* # SKIP not run \(--bail\)$/gm)).toHaveLength(12);
  });

  it("json: a summary and one entry per recording, with the mismatches", async () => {
    const { code, out } = await run(["replay", broken, wrong, recordings, "--reporter", "json"]);
    expect(code).toBe(2);
    const report = JSON.parse(out);
    expect(report.summary).toMatchObject({
      recordings: 14,
      passed: 12,
      failed: 1,
      unreadable: 1,
      updated: 0,
      notRun: 0,
      exitCode: 2,
    });
    const failing = report.recordings.find(
      (entry: { name: string }) => entry.name === "wrong.json",
    );
    expect(failing.status).toBe("failed");
    expect(failing.mismatches[0]).toMatchObject({
      path: "/experiences/quarterly-nps/status",
      expected: "dismissed",
      actual: "completed",
    });
    const unreadable = report.recordings.find(
      (entry: { name: string }) => entry.name === "broken.json",
    );
    expect(unreadable).toMatchObject({ status: "unreadable", expectations: 0 });
    expect(unreadable.error).toMatch(/broken\.json:3:1/);
  });

  it("--output writes the report to a file (folders made); the human lines still go to stdout", async () => {
    const file = join(dir, "reports", "deep", "flowscope.xml");
    const { code, out } = await run([
      "replay",
      wrong,
      recordings,
      "--reporter",
      "junit",
      "--output",
      file,
    ]);
    expect(code).toBe(1);
    expect(lines(out)).toHaveLength(13);
    expect(out).toContain("13 recordings: 12 passed, 1 failed");
    expect(validateXml(schema, parseXml(readFileSync(file, "utf8")))).toEqual([]);

    const human = join(dir, "reports", "human.txt");
    await run(["replay", broken, recordings, "--output", human]);
    const text = readFileSync(human, "utf8");
    expect(text).toMatch(/✘ .*broken\.json {2}cannot be read/);
    // The file has the reason too (it has no stderr), and no colours.
    expect(text).toMatch(/ {4}.*broken\.json:3:1 {2}error {2}parse/);
    expect(text).not.toContain("\u001b[");
  });

  it("--output to a place that cannot be written exits 2", async () => {
    const blocked = write(join(dir, "blocked"), "a file, not a folder");
    const { code, err } = await run(["replay", recordings, "--output", join(blocked, "r.xml")]);
    expect(code).toBe(2);
    expect(err).toContain("cannot write the report");
  });
});

// ------------------------------------------------------------------------------- update

describe("replay --update: round trip", () => {
  it("break two recordings, see them fail, --update, see them pass; the rest byte-identical", async () => {
    const folder = copyExamples(join(dir, "round-trip"));
    const names = readdirSync(folder).sort();
    const original = new Map(names.map((name) => [name, readFileSync(join(folder, name))]));
    const breakFile = (name: string, from: string, to: string) => {
      const text = readFileSync(join(folder, name), "utf8");
      expect(text).toContain(from);
      writeFileSync(join(folder, name), text.replace(from, to));
    };
    breakFile("nps-promoter-10.json", '"status": "completed"', '"status": "dismissed"');
    breakFile(
      "cta-actions-fire-together.json",
      '"action": "runJs", "order": 1',
      '"action": "runJs", "order": 7',
    );
    const written = new Map(names.map((name) => [name, statSync(join(folder, name)).mtimeMs]));

    const failing = await run(["replay", folder]);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain("12 recordings: 10 passed, 2 failed");

    const updated = await run(["replay", folder, "--update"]);
    expect(updated.code).toBe(0);
    expect(updated.out).toMatch(/^↻ .*nps-promoter-10\.json {2}updated: 1 change written/m);
    expect(updated.out).toContain(
      '    /expect/experiences/quarterly-nps/status: updated\n      - "dismissed"\n      + "completed"',
    );
    expect(updated.out).toMatch(
      /^↻ .*cta-actions-fire-together\.json {2}updated: 1 change written/m,
    );
    expect(updated.out).toContain("/expect/trace/");
    expect(updated.out).toContain("12 recordings: 10 passed, 0 failed, 2 updated");

    // The refreshed values are the originals: every file is byte-identical to the example.
    for (const name of names) {
      expect(readFileSync(join(folder, name)).equals(original.get(name) as Buffer), name).toBe(
        true,
      );
    }
    // Passing recordings were never written.
    for (const name of names) {
      if (name === "nps-promoter-10.json" || name === "cta-actions-fire-together.json") continue;
      expect(statSync(join(folder, name)).mtimeMs, name).toBe(written.get(name));
    }

    const passing = await run(["replay", folder]);
    expect(passing.code).toBe(0);
    const again = await run(["replay", folder, "--update", "--all"]);
    expect(again.code).toBe(0);
    expect(again.out).toContain("12 recordings: 12 passed, 0 failed");
    for (const name of names) {
      expect(readFileSync(join(folder, name)).equals(original.get(name) as Buffer), name).toBe(
        true,
      );
    }
  });

  it("keeps the subset shape: the same keys, new values, a missing key dropped", async () => {
    const file = write(
      join(dir, "shape", "shape.json"),
      `${JSON.stringify(
        {
          project: join(examples, "nps-survey.json"),
          script: npsRecording.script,
          expect: {
            experiences: { "quarterly-nps": { status: "dismissed", gone: 1, views: 1 } },
            tabs: ["https://nowhere.example"],
            trace: [
              { type: "experience.shown", experience: "quarterly-nps" },
              { type: "step.entered", step: "tell-us-more" },
              { type: "experience.completed" },
            ],
          },
        },
        null,
        2,
      )}\n`,
    );
    const { code, out } = await run(["replay", file, "--update"]);
    expect(code).toBe(0);
    expect(out).toContain("/expect/experiences/quarterly-nps/gone: removed");
    const after = JSON.parse(readFileSync(file, "utf8"));
    expect(after.expect).toEqual({
      experiences: { "quarterly-nps": { status: "completed", views: 1 } },
      tabs: ["https://www.g2.com/products/trellis/take_survey"],
      trace: [
        { type: "experience.shown", experience: "quarterly-nps" },
        // Same keys, the value of the step.entered that fits best in order.
        { type: "step.entered", step: "score" },
        { type: "experience.completed" },
      ],
    });
    expect(readFileSync(file, "utf8")).toMatch(/\n {2}\}\n\}\n$/);
    expect((await run(["replay", file])).code).toBe(0);
  });

  it("cannot update what cannot run: a script step that cannot be done stays a failure", async () => {
    const file = write(
      join(dir, "undoable", "undoable.json"),
      JSON.stringify({
        project: join(examples, "nps-survey.json"),
        script: { steps: [{ do: "click", cta: "no-such-cta" }] },
        expect: {},
      }),
    );
    const before = readFileSync(file);
    const { code, err } = await run(["replay", file, "--update"]);
    expect(code).toBe(1);
    expect(err).toContain('click "no-such-cta"');
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

// --------------------------------------------------------------------------- npx flowscope

describe("the CLI as a tool (npx flowscope)", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const bundle = join(root, "dist-cli", "flowscope.js");

  it("has a bin built at install time by prepare, and the build is not committed", () => {
    expect(pkg.bin).toEqual({ flowscope: "dist-cli/flowscope.js" });
    expect(pkg.scripts.prepare).toBe("vite build --config vite.cli.config.ts");
    expect(pkg.scripts["build:cli"]).toBe(pkg.scripts.prepare);
    expect(pkg.scripts.flowscope).toBe("node cli/flowscope.mjs");
    expect(readFileSync(join(root, ".gitignore"), "utf8").split("\n")).toContain("dist-cli/");
  });

  // CI installs with `npm ci`, which runs prepare: there the bundle must exist.
  it.skipIf(!process.env.CI && !statSafe(bundle))(
    "the prebuilt bundle starts with a shebang and replays the examples",
    async () => {
      expect(readFileSync(bundle, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
      const out = await new Promise<{ code: number | null; out: string }>((resolve) => {
        execFile(
          process.execPath,
          [bundle, "replay", "examples/recordings"],
          { cwd: root },
          (error, stdout) => {
            resolve({
              code: error ? (typeof error.code === "number" ? error.code : null) : 0,
              out: stdout,
            });
          },
        );
      });
      expect(out.code).toBe(0);
      expect(out.out).toContain("12 recordings: 12 passed, 0 failed");
    },
    30_000,
  );
});

function statSafe(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

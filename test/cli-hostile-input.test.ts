// Hostile input through the commands (issue 10), in-process through runCli: whatever a file
// holds, a command exits 0, 1 or 2 as SPEC §4 says, never 70 (an internal error).
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonNestingLimit } from "../machines/semantics.ts";
import { runInProcess } from "./cli-run.ts";

const root = join(import.meta.dirname, "..");
const npsProject = join(root, "examples", "nps-survey.json");

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-hostile-cli-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = runInProcess;

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

// -------------------------------------------------------------------------- deep nesting

/** JSON text of `levels` nested arrays around 1. */
function nested(levels: number): string {
  return `${"[".repeat(levels)}1${"]".repeat(levels)}`;
}

/** `document` as JSON with the string "@DEEP" replaced by `levels` nested arrays. */
function withDeep(document: unknown, levels: number): string {
  return JSON.stringify(document).replace('"@DEEP"', nested(levels));
}

const tour = (extra: Record<string, unknown>) => ({
  version: 1,
  settings: { runJsEnabled: true },
  experiences: [
    {
      id: "tour",
      type: "tour",
      status: "live",
      showOn: { trigger: "auto", urls: ["/"] },
      steps: [
        {
          id: "s1",
          kind: "modal",
          ctas: [
            {
              id: "go",
              label: "Go",
              actions: [{ type: "runJs", code: "x()", simulate: { setAttributes: { a: 1 } } }],
            },
          ],
        },
      ],
      ...extra,
    },
  ],
});

/**
 * Each place a value of any depth may sit, with how many levels enclose it (so that
 * `jsonNestingLimit - enclosing` levels reach the limit exactly).
 */
const projectPlaces = {
  "an audience condition's value": {
    enclosing: 5, // root, experiences, experience, audience, condition
    document: tour({ audience: [{ attribute: "plan", op: "eq", value: "@DEEP" }] }),
  },
  "a persona attribute": {
    enclosing: 4, // root, personas, persona, attributes
    document: { ...tour({}), personas: [{ id: "p", attributes: { plan: "@DEEP" } }] },
  },
  "a runJs simulate.setAttributes": {
    enclosing: 11, // root, experiences, experience, steps, step, ctas, cta, actions, action, simulate, setAttributes
    document: JSON.parse(
      JSON.stringify(tour({})).replace('"setAttributes":{"a":1}', '"setAttributes":{"a":"@DEEP"}'),
    ),
  },
};

const deepScript = { user: { attributes: { plan: "@DEEP" } }, steps: [{ do: "click", cta: "go" }] };
const scriptEnclosing = 3; // root, user, attributes
const plainScript = { steps: [{ do: "click", cta: "go" }] };

describe("deep nesting (item 1)", () => {
  for (const [name, { enclosing, document }] of Object.entries(projectPlaces)) {
    it(`${name}: at the limit runs; one level more is refused with exit 2 and its pointer`, async () => {
      // No steps: the start alone shows the tour or skips it (the audience message quotes
      // the value).
      const scriptFile = await write("empty-script.json", JSON.stringify({ steps: [] }));
      const atLimit = await write(
        "at-limit.json",
        withDeep(document, jsonNestingLimit - enclosing),
      );
      const validated = await run(["validate", atLimit, "--json"]);
      expect(validated.code, validated.out).toBe(0);
      const simulated = await run(["simulate", atLimit, "--script", scriptFile, "--json"]);
      expect({ code: simulated.code, err: simulated.err }).toEqual({ code: 0, err: "" });
      expect((await run(["simulate", atLimit, "--script", scriptFile])).code).toBe(0);
      // Every other command takes it too.
      for (const args of [
        ["machine", atLimit, "--experience", "tour"],
        ["paths", atLimit, "--experience", "tour", "--json"],
        ["races", atLimit],
        ["why", atLimit, "--experience", "tour", "--script", scriptFile],
        ["graph", atLimit, "--json"],
      ]) {
        const ran = await run(args);
        expect({ args, code: ran.code, err: ran.err }).toEqual({ args, code: 0, err: "" });
      }

      const beyond = await write(
        "beyond.json",
        withDeep(document, jsonNestingLimit - enclosing + 1),
      );
      const refused = await run(["validate", beyond, "--json"]);
      expect(refused.code).toBe(2);
      const [diagnostic] = JSON.parse(refused.out).diagnostics;
      expect(diagnostic).toMatchObject({ code: "parse", line: 1 });
      expect(diagnostic.pointer.split("/")).toHaveLength(jsonNestingLimit + 1);
      expect(refused.err).toMatch(/beyond\.json:1:\d+ {2}error {2}parse {2}nested too deeply/);
      const simulatedBeyond = await run(["simulate", beyond, "--script", scriptFile]);
      expect(simulatedBeyond.code).toBe(2);
    });
  }

  it("5,000 levels anywhere in a project exit 2, never 70", async () => {
    for (const { document } of Object.values(projectPlaces)) {
      const file = await write("deep-5000.json", withDeep(document, 5_000));
      expect((await run(["validate", file])).code).toBe(2);
      expect((await run(["graph", file])).code).toBe(2);
    }
  });

  it("a script attribute: at the limit runs; 5,000 levels exit 2 with line:column", async () => {
    const project = await write("project.json", JSON.stringify(tour({})));
    const atLimit = await write(
      "script-limit.json",
      withDeep(deepScript, jsonNestingLimit - scriptEnclosing),
    );
    const ran = await run(["simulate", project, "--script", atLimit, "--json"]);
    expect({ code: ran.code, err: ran.err }).toEqual({ code: 0, err: "" });
    const deep = await write("script-deep.json", withDeep(deepScript, 5_000));
    const refused = await run(["simulate", project, "--script", deep]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /script-deep\.json:1:\d+ {2}error {2}parse {2}nested too deeply: .* at \/user\/attributes\/plan\/0\/0/,
    );
  });

  it("a recording's expect: at the limit is checked (a mismatch); 5,000 levels exit 2", async () => {
    const recording = (levels: number) =>
      withDeep(
        {
          project: npsProject,
          script: { steps: [] },
          expect: { experiences: { "quarterly-nps": { visited: "@DEEP" } } },
        },
        levels,
      );
    // root, expect, experiences, quarterly-nps enclose the value.
    const atLimit = await write("rec-limit.json", recording(jsonNestingLimit - 4));
    const replayed = await run(["replay", atLimit]);
    expect(replayed.code).toBe(1);
    expect(replayed.out).toContain("/experiences/quarterly-nps/visited: arrays differ");
    const deep = await write("rec-deep.json", recording(5_000));
    const refused = await run(["replay", deep]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/rec-deep\.json:1:\d+ {2}error {2}parse {2}nested too deeply/);
  });

  it("a runJs that sets a value at the limit: the Result prints as JSON and as a timeline", async () => {
    const { document, enclosing } = projectPlaces["a runJs simulate.setAttributes"];
    const project = await write("runjs.json", withDeep(document, jsonNestingLimit - enclosing));
    const script = await write("click.json", JSON.stringify(plainScript));
    const json = await run(["simulate", project, "--script", script, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out).experiences.tour.status).toBe("active");
    expect((await run(["simulate", project, "--script", script])).code).toBe(0);
  });
});

// ---------------------------------------------------------------------------- UTF-8, BOM

const bom = [0xef, 0xbb, 0xbf];

/** A project whose two manual tours have ids "a" + one bad byte each. */
function twoIdsWith(first: number[], second: number[]): Uint8Array {
  const experience = (id: number[]) => [
    ...Buffer.from('{"id":"a'),
    ...id,
    ...Buffer.from('","type":"tour","status":"live","showOn":{"trigger":"manual"},"steps":[]}'),
  ];
  return Uint8Array.from([
    ...Buffer.from('{"version":1,\n"experiences":[\n'),
    ...experience(first),
    ...Buffer.from(",\n"),
    ...experience(second),
    ...Buffer.from("]}"),
  ]);
}

describe("invalid UTF-8 and byte-order marks (item 10)", () => {
  it("two ids that differ only in invalid bytes: exit 2 at the first bad byte, not duplicateId", async () => {
    const file = await write("bad-utf8.json", twoIdsWith([0xfe], [0xff]));
    const human = await run(["validate", file]);
    expect(human.code).toBe(2);
    expect(human.err).toBe(
      `${file}:3:9  error  parse  not valid UTF-8: byte 0xFE at byte offset 38 does not form a character; save the file as UTF-8\n`,
    );
    expect(human.out).not.toContain("duplicateId");
    const json = await run(["validate", file, "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out).diagnostics).toEqual([
      expect.objectContaining({ code: "parse", line: 3, column: 9, pointer: "" }),
    ]);
  });

  it.each([
    ["a lone continuation byte", [0x80]],
    ["an overlong slash", [0xc0, 0xaf]],
    ["a surrogate", [0xed, 0xa0, 0x80]],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a byte that never occurs", [0xf5]],
    ["a sequence cut short", [0xe2, 0x82]],
  ])("refuses %s in a project, a script and a recording (exit 2)", async (_name, bad) => {
    const project = await write("bad.json", twoIdsWith(bad, [0x62]));
    expect((await run(["validate", project])).code).toBe(2);
    const good = await write("good.json", twoIdsWith([0x61], [0x62]));
    const script = await write(
      "bad-script.json",
      Uint8Array.from([...Buffer.from('{"user":{"id":"u'), ...bad, ...Buffer.from('"}}')]),
    );
    const simulated = await run(["simulate", good, "--script", script]);
    expect(simulated.code).toBe(2);
    expect(simulated.err).toMatch(
      /bad-script\.json:1:17 {2}error {2}parse {2}not valid UTF-8: .* byte offset 16 /,
    );
    const recording = await write(
      "bad-recording.json",
      Uint8Array.from([
        ...Buffer.from(`{"project":${JSON.stringify(good)},"script":{},"expect":{"page":{"url":"/`),
        ...bad,
        ...Buffer.from('"}}}'),
      ]),
    );
    expect((await run(["replay", recording])).code).toBe(2);
  });

  it("accepts well-formed multi-byte characters and one byte-order mark", async () => {
    const text = twoIdsWith([0xc3, 0xa9], [0xf0, 0x9f, 0x98, 0x80]); // é, 😀
    expect((await run(["validate", await write("utf8.json", text)])).code).toBe(0);
    const withBom = await write("bom.json", Uint8Array.from([...bom, ...text]));
    expect((await run(["validate", withBom])).code).toBe(0);
    // With a mark and an error, columns on line 1 do not count the mark.
    const broken = await write("bom-broken.json", Uint8Array.from([...bom, ...Buffer.from("{,}")]));
    expect((await run(["validate", broken])).err).toMatch(/bom-broken\.json:1:2 {2}error {2}parse/);
  });

  it("refuses a second byte-order mark (exit 2) in a project, a script and a recording", async () => {
    const twice = (text: string) => Uint8Array.from([...bom, ...bom, ...Buffer.from(text)]);
    const project = await write("bom2.json", twice('{"version":1}'));
    const validated = await run(["validate", project]);
    expect(validated.code).toBe(2);
    expect(validated.err).toMatch(
      /bom2\.json:1:1 {2}error {2}parse {2}a byte-order mark \(U\+FEFF\) is allowed only once/,
    );
    const good = await write("plain.json", '{"version":1}');
    const script = await write("bom2-script.json", twice("{}"));
    expect((await run(["simulate", good, "--script", script])).code).toBe(2);
    const recording = await write(
      "bom2-recording.json",
      twice(JSON.stringify({ project: good, script: {}, expect: {} })),
    );
    expect((await run(["replay", recording])).code).toBe(2);
  });
});

// ------------------------------------------------------------- strict scripts, recordings

describe("misspelt keys in scripts and recordings (item 6)", () => {
  it("a recording with misspelt keys fails at each key instead of passing with 0 checks", async () => {
    const file = await write(
      "typos.json",
      `{\n  "project": ${JSON.stringify(npsProject)},\n  "expcet": { "page": { "url": "/nope" } },\n  "script": { "stpes": [{ "do": "close" }] }\n}\n`,
    );
    const { code, out, err } = await run(["replay", file]);
    expect(code).toBe(1);
    expect(out).toMatch(
      /^✘ .*typos\.json {2}cannot be run {2}(\d+ ms|\d+\.\d+ s)\n\n1 recording: 0 passed, 1 failed /,
    );
    expect(err.trim().split("\n")).toEqual([
      `${file}:1:1  error  missingField  /expect: missing: a recording checks its "expect"; write "expect": {} to check nothing on purpose`,
      `${file}:3:13  error  unknownField  /expcet: unknown field "expcet"; did you mean "expect"?`,
      `${file}:4:24  error  unknownField  /script/stpes: unknown field "stpes"; did you mean "steps"?`,
    ]);
  });

  it('a recording that checks nothing on purpose says "expect": {} and replays', async () => {
    const file = await write(
      "nothing.json",
      JSON.stringify({ project: npsProject, script: { steps: [] }, expect: {} }),
    );
    const { code, out } = await run(["replay", file]);
    expect(code).toBe(0);
    expect(out).toMatch(/^✔ .*nothing\.json {2}0 expectations hold {2}(\d+ ms|\d+\.\d+ s)\n/);
  });

  it("a script's unknown keys are errors at their place, with the key meant", async () => {
    const script = await write(
      "typo-script.json",
      `{\n  "usr": { "id": "u1" },\n  "user": { "attrs": {} },\n  "steps": [{ "do": "close", "setle": false }]\n}\n`,
    );
    const { code, err } = await run(["simulate", npsProject, "--script", script]);
    expect(code).toBe(1);
    expect(err.trim().split("\n")).toEqual([
      `${script}:2:10  error  unknownField  /usr: unknown field "usr"; did you mean "user"?`,
      `${script}:3:22  error  unknownField  /user/attrs: unknown field "attrs"; known fields here: id, attributes.`,
      `${script}:4:39  error  unknownField  /steps/0/setle: unknown field "setle"; did you mean "settle"?`,
    ]);
  });
});

// ------------------------------------------------------------------- export folders

describe("paths --export into a folder that cannot be made (item 11)", () => {
  const exportTo = (kind: string, target: string) =>
    run(["paths", npsProject, "--experience", "quarterly-nps", "--export", kind, target]);

  // Node 20's recursive mkdir never settled under /proc: the command hung.
  it.skipIf(!existsSync("/proc/self"))(
    "exits 2 at once under /proc",
    { timeout: 20_000 },
    async () => {
      const recordings = await exportTo("recordings", "/proc/flowscope-test/out");
      expect(recordings.code).toBe(2);
      expect(recordings.err).toMatch(/^cannot create \/proc\/flowscope-test\/out: ENOENT/);
      const vitest = await exportTo("vitest", "/proc/flowscope-test/x/coverage.test.ts");
      expect(vitest.code).toBe(2);
    },
  );

  it("exits 2 when a parent is a file, and makes missing parents otherwise", async () => {
    const file = await write("a-file", "x");
    const under = await exportTo("recordings", join(file, "out"));
    expect(under.code).toBe(2);
    expect(under.err).toBe(`cannot create ${join(file, "out")}: ${file} is not a folder\n`);
    const nested = join(dir, "new", "deeper", "recordings");
    const made = await exportTo("recordings", nested);
    expect(made.code).toBe(0);
    expect((await readdir(nested)).length).toBeGreaterThan(0);
  });
});

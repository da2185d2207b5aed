// `paths --export plan <file.md|file.csv>` (issue 11 item 6): every coverage path as numbered
// human steps. Markdown has one numbered list per path; CSV is RFC 4180 (checked by a strict
// parser below), and every label — commas, quotes, line breaks, formulas, Markdown — comes
// back exactly; an experience no script can show gets a plan that says why; the extension
// decides the format and anything else is a usage error before any file is read.
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linearTourInput } from "../bench/generate.ts";
import { expandCoverage } from "../machines/explore/path-forms.ts";
import { explorePaths } from "../machines/explore/paths.ts";
import {
  csvField,
  markdownText,
  planCsv,
  planCsvHeader,
  planMarkdown,
  planPath,
} from "../machines/explore/plan.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import { projectArb } from "./arbitraries.ts";
import { runInProcess as run } from "./cli-run.ts";

const root = join(import.meta.dirname, "..");
const nps = join(root, "examples", "nps-survey.json");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-plan-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A strict RFC 4180 reader: records end in CRLF (the last one too), a field is bare (no quote,
 * comma, CR or LF in it) or wholly in double quotes with inner quotes doubled. Throws on
 * anything else, so a loosely quoted file fails the test.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`not RFC 4180 at ${i}: ${why} (${JSON.stringify(text.slice(i, i + 30))})`);
  };
  while (i < text.length) {
    let field = "";
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) fail("unclosed quote");
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && !/[,\r\n]/.test(text[i])) {
        if (text[i] === '"') fail("quote in a bare field");
        field += text[i++];
      }
    }
    record.push(field);
    if (text[i] === ",") i++;
    else if (text.startsWith("\r\n", i)) {
      i += 2;
      records.push(record);
      record = [];
    } else fail("a field must end in a comma or CRLF");
  }
  if (record.length > 0) fail("the last record has no CRLF");
  return records;
}

function loadExample(): Project {
  return projectSchema.parse(JSON.parse(readFileSync(nps, "utf8")));
}

/** A one-experience project whose words hold everything that breaks a CSV or Markdown. */
const hostileLabel = 'Say "hi", then\r\nleave; =1+2 *bold* <b>x</b> [a](b) `c` | # ~d~ & \\';
const hostile = projectSchema.parse({
  version: 1,
  personas: [{ id: "ops", name: "=cmd|' /C calc'!A0, the \"admin\"", attributes: {} }],
  experiences: [
    {
      id: "odd",
      name: '-2+3, "quoted"\nname',
      type: "tour",
      status: "live",
      showOn: { trigger: "manual" },
      steps: [
        {
          id: "s1",
          name: "Step, one",
          kind: "modal",
          ctas: [
            { id: "go", label: hostileLabel, actions: [{ type: "goToStep", step: "complete" }] },
          ],
        },
      ],
    },
  ],
});

describe("the plan's words", () => {
  it("a path reads as the issue asks: open as the user, the steps, then what to expect", () => {
    const project = loadExample();
    const report = explorePaths(project, "quarterly-nps");
    const experience = project.experiences[0];
    const path = planPath({ project, report, projectFile: "nps.json" }, experience, 0);
    expect(path).toEqual({
      number: 1,
      title: "answer 9 → click Done → survey completed",
      actions: [
        "Open / as Admin on the Pro plan",
        "Launch Quarterly NPS (quarterly-nps)",
        "Answer 9",
        "Click Done",
      ],
      expect: "survey completed",
    });
  });

  it("csvField quotes exactly what RFC 4180 needs and defuses formulas", () => {
    expect(csvField("plain words")).toBe("plain words");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("@SUM(A1), x")).toBe(`"'@SUM(A1), x"`);
    expect(csvField("")).toBe("");
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 6 }),
        (row) => {
          const text = `${row.map(csvField).join(",")}\r\n`;
          const back = parseCsv(text)[0];
          expect(back).toEqual(row.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("markdownText leaves no emphasis, code, link, HTML or line break in a label", () => {
    expect(markdownText(hostileLabel)).toBe(
      'Say "hi", then leave; =1+2 \\*bold\\* \\<b\\>x\\</b\\> \\[a\\](b) \\`c\\` \\| \\# \\~d\\~ \\& \\\\',
    );
  });
});

describe("flowscope paths --export plan", () => {
  it("Markdown: one numbered list per coverage path, ending in what to expect", async () => {
    const file = join(dir, "nps.md");
    const { code, err } = await run([
      "paths",
      nps,
      "--experience",
      "quarterly-nps",
      "--export",
      "plan",
      file,
    ]);
    expect(code).toBe(0);
    expect(err).toContain(`wrote a test plan of 8 paths to ${file}`);
    const text = await readFile(file, "utf8");
    expect(text.startsWith("# Test plan: Quarterly NPS\n\n")).toBe(true);
    expect(text).toContain("8 paths take 14 of 14 transitions; 10 paths in all");
    expect(text).toContain(
      [
        "## Path 1: answer 9 → click Done → survey completed",
        "",
        "1. Open / as Admin on the Pro plan",
        "2. Launch Quarterly NPS (quarterly-nps)",
        "3. Answer 9",
        "4. Click Done",
        "5. Expect: survey completed",
      ].join("\n"),
    );
    const sections = text.split("\n## Path ").slice(1);
    expect(sections).toHaveLength(8);
    for (const section of sections) {
      const items = section.split("\n").filter((line) => /^\d+\. /.test(line));
      expect(items.map((line) => Number(line.split(".")[0]))).toEqual(items.map((_, k) => k + 1));
      expect(items[0]).toBe("1. Open / as Admin on the Pro plan");
      expect(items.at(-1)).toMatch(/^\d+\. Expect: survey (completed|dismissed)$/);
    }
  });

  it("CSV: RFC 4180, a header, one row per step, the end in the last row's expected result", async () => {
    const file = join(dir, "nps.csv");
    const { code } = await run([
      "paths",
      nps,
      "--experience",
      "quarterly-nps",
      "--export",
      "plan",
      file,
    ]);
    expect(code).toBe(0);
    const records = parseCsv(await readFile(file, "utf8"));
    expect(records[0]).toEqual([...planCsvHeader]);
    expect(records.slice(0, 5)).toEqual([
      ["Test", "Title", "Step", "Action", "Expected result"],
      [
        "quarterly-nps-01",
        "Quarterly NPS, path 1: answer 9 → click Done → survey completed",
        "1",
        "Open / as Admin on the Pro plan",
        "",
      ],
      [
        "quarterly-nps-01",
        "Quarterly NPS, path 1: answer 9 → click Done → survey completed",
        "2",
        "Launch Quarterly NPS (quarterly-nps)",
        "",
      ],
      [
        "quarterly-nps-01",
        "Quarterly NPS, path 1: answer 9 → click Done → survey completed",
        "3",
        "Answer 9",
        "",
      ],
      [
        "quarterly-nps-01",
        "Quarterly NPS, path 1: answer 9 → click Done → survey completed",
        "4",
        "Click Done",
        "survey completed",
      ],
    ]);
    const tests = new Set(records.slice(1).map((r) => r[0]));
    expect(tests.size).toBe(8);
    for (const record of records) expect(record).toHaveLength(5);
  });

  it("labels with commas, quotes, line breaks, formulas and Markdown come back exactly", async () => {
    const project = join(dir, "hostile.json");
    await writeFile(project, JSON.stringify(hostile));
    const csv = join(dir, "hostile.csv");
    const md = join(dir, "hostile.md");
    for (const file of [csv, md]) {
      expect(
        (await run(["paths", project, "--experience", "odd", "--export", "plan", file])).code,
      ).toBe(0);
    }
    const records = parseCsv(await readFile(csv, "utf8"));
    const click = records.find((r) => r[3].startsWith("Click "));
    expect(click?.[3]).toBe(`Click ${hostileLabel}`);
    // The experience's name starts the title: a leading "-" would be a formula, so it is defused.
    expect(records[1][1].startsWith(`'-2+3, "quoted"\nname, path 1: `)).toBe(true);
    expect(records[1][3]).toBe(`Open / as =cmd|' /C calc'!A0, the "admin"`);
    const text = await readFile(md, "utf8");
    // Markdown: every label on its own line, its markup escaped.
    expect(text).toContain(`1. Open / as =cmd\\|' /C calc'!A0, the "admin"\n`);
    expect(text).toContain(`3. Click ${markdownText(hostileLabel)}\n`);
    expect(text).not.toContain("*bold*");
    expect(text).not.toContain("<b>");
    expect(text.split("\n").filter((line) => line.startsWith("#"))).toEqual([
      '# Test plan: -2+3, "quoted" name',
      `## Path 1: click ${markdownText(hostileLabel)} → tour completed`,
      `## Path 2: close × → tour dismissed`,
    ]);
  });

  it("an experience no script can show: the plan says why, in both formats, exit 0", async () => {
    const draft = structuredClone(hostile);
    draft.experiences[0].status = "draft";
    const project = join(dir, "draft.json");
    await writeFile(project, JSON.stringify(draft));
    const md = join(dir, "draft", "plan.md");
    const csv = join(dir, "draft", "plan.csv");
    const mdRun = await run(["paths", project, "--experience", "odd", "--export", "plan", md]);
    expect(mdRun.code).toBe(0);
    expect(mdRun.err).toContain('nothing to test: "odd" is draft');
    const text = await readFile(md, "utf8");
    expect(text).toContain("no path can be tested");
    expect(text).toContain('"odd" is draft: only live experiences can be shown; publish it');
    expect(text).not.toContain("## Path");
    expect(
      (await run(["paths", project, "--experience", "odd", "--export", "plan", csv])).code,
    ).toBe(0);
    const records = parseCsv(await readFile(csv, "utf8"));
    expect(records).toHaveLength(2);
    expect(records[1][0]).toBe("odd");
    expect(records[1][3]).toBe(
      'No path can be tested: "odd" is draft: only live experiences can be shown; publish it',
    );
  });

  it("the extension decides; anything else is a usage error before any file is read", async () => {
    const missing = join(dir, "no-such-project.json");
    for (const target of ["plan.txt", "plan", "plan.md.bak", "plan.xlsx"]) {
      const bad = await run([
        "paths",
        missing,
        "--experience",
        "x",
        "--export",
        "plan",
        join(dir, target),
      ]);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("ends in .md or .csv");
      expect(bad.err).not.toContain("no-such-project");
    }
    const noTarget = await run(["paths", nps, "--experience", "quarterly-nps", "--export", "plan"]);
    expect(noTarget.code).toBe(2);
    const upper = join(dir, "UPPER.CSV");
    expect(
      (await run(["paths", nps, "--experience", "quarterly-nps", "--export", "plan", upper])).code,
    ).toBe(0);
    expect(parseCsv(await readFile(upper, "utf8"))[0]).toEqual([...planCsvHeader]);
    // --json still prints the report, and the plan is written.
    const both = await run([
      "paths",
      nps,
      "--experience",
      "quarterly-nps",
      "--json",
      "--export",
      "plan",
      join(dir, "j.md"),
    ]);
    expect(both.code).toBe(0);
    expect(JSON.parse(both.out).experience).toBe("quarterly-nps");
    expect(await readFile(join(dir, "j.md"), "utf8")).toContain("## Path 8:");
  });
});

describe("a plan that cannot be written exits 2", () => {
  const plan = (target: string) =>
    run(["paths", nps, "--experience", "quarterly-nps", "--export", "plan", target]);

  it("under a file, as a folder, or where no folder can be made", async () => {
    const file = join(dir, "a-file");
    await writeFile(file, "x");
    const under = await plan(join(file, "plan.md"));
    expect(under.code).toBe(2);
    expect(under.err).toBe(`cannot create ${file}: ${file} is not a folder\n`);
    const folder = join(dir, "folder.csv");
    await mkdir(folder);
    const onFolder = await plan(folder);
    expect(onFolder.code).toBe(2);
    expect(onFolder.err).toMatch(/^cannot write .*folder\.csv: .*EISDIR/);
    if (existsSync("/proc/self")) expect((await plan("/proc/flowscope-test/plan.md")).code).toBe(2);
    const nested = join(dir, "new", "deeper", "plan.md");
    expect((await plan(nested)).code).toBe(0);
    expect(await readFile(nested, "utf8")).toContain("## Path 8:");
  }, 20_000);
});

describe("plans of any flow", () => {
  it("one test per coverage path, each numbered, on generated projects", () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        for (const experience of project.experiences.filter((e) => e.steps.length > 0)) {
          const report = explorePaths(project, experience.id, { simpleLimit: 0 });
          const input = { project, report, projectFile: "p.json" };
          const md = [...planMarkdown(input)].join("");
          const records = parseCsv([...planCsv(input)].join(""));
          if (report.unshowable !== undefined) {
            expect(md).toContain("no path can be tested");
            expect(records).toHaveLength(2);
            continue;
          }
          expect(md.split("\n## Path ").length - 1).toBe(report.coverage.length);
          expect(new Set(records.slice(1).map((r) => r[0])).size).toBe(report.coverage.length);
          const steps = report.coverage.reduce(
            (n, _, i) => n + expandCoverage(report.coverage, i).steps.length + 1,
            0,
          );
          expect(records.length - 1).toBe(steps);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a long tour whose coverage comes in the shared form is written whole, path by path", () => {
    const n = 500;
    const project = projectSchema.parse(linearTourInput(n));
    const report = explorePaths(project, "t", { simpleLimit: 0, parts: { shortest: false } });
    expect(report.shared).toContain("coverage");
    const chunks = [...planMarkdown({ project, report, projectFile: "t.json" })];
    expect(chunks).toHaveLength(2 + n + 1); // title, summary, one per path (n + 1 paths)
    const last = chunks.at(-1) ?? "";
    const longest = chunks.reduce((a, b) => (a.length > b.length ? a : b));
    // The longest path walks the whole tour: the open, the launch, n clicks, then the end.
    expect(longest.split("\n").filter((line) => /^\d+\. /.test(line))).toHaveLength(n + 3);
    expect(last).toContain("Expect: tour");
  }, 60_000);
});

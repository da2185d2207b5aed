// The explorer commands (paths, races, why, graph) through runCli in-process, plus the
// exports: recordings that `replay` accepts and a vitest file that vitest runs green.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullyConnectedTourInput, linearTourInput } from "../bench/generate.ts";
import { coverageLength, expandCoverage } from "../machines/explore/path-forms.ts";
import { runInProcess } from "./cli-run.ts";

const root = join(import.meta.dirname, "..");
const examples = join(root, "examples");
const nps = join(examples, "nps-survey.json");

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-explore-cli-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = runInProcess;

describe("flowscope paths", () => {
  it("--json prints counts, shortest paths, coverage scripts and untakable transitions", async () => {
    const { code, out } = await run(["paths", nps, "--experience", "quarterly-nps", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.count).toEqual({
      total: 10,
      completed: 4,
      dismissed: 6,
      snoozed: 0,
      launched: 0,
    });
    expect(report.untakable).toEqual([]);
    expect(report.coverage[0].steps[0]).toEqual({ do: "launch", experience: "quarterly-nps" });
    expect(Object.keys(report.shortest)).toEqual(
      expect.arrayContaining(["score", "book-call", "completed", "dismissed"]),
    );
  });

  it("prints counts past 2^53 as exact decimal strings", async () => {
    const steps = [];
    for (let i = 1; i <= 60; i++) {
      const next = [
        {
          id: "n",
          label: "N",
          actions: [{ type: "goToStep", step: i === 60 ? "complete" : `c${i + 1}` }],
        },
      ];
      steps.push(
        {
          id: `c${i}`,
          kind: "choice",
          question: { options: ["a", "b"] },
          conditions: [
            { id: "a", if: { anyOf: ["a"] }, actions: [{ type: "goToStep", step: `a${i}` }] },
          ],
          fallback: [{ type: "goToStep", step: `b${i}` }],
        },
        { id: `a${i}`, kind: "message", ctas: next },
        { id: `b${i}`, kind: "message", ctas: next },
      );
    }
    const file = join(dir, "k60.json");
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        experiences: [{ id: "k", type: "survey", status: "live", steps }],
      }),
    );
    const { code, out } = await run(["paths", file, "--experience", "k", "--json", "--limit", "3"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).count.completed).toBe("1152921504606846976");
  });

  it("human output: counts and the coverage list", async () => {
    const { code, out } = await run(["paths", nps, "--experience", "quarterly-nps"]);
    expect(code).toBe(0);
    expect(out).toContain("10 paths: 4 completed, 6 dismissed, 0 snoozed, 0 launched out");
    expect(out).toContain("coverage: 8 paths take 14 of 14 transitions");
    expect(out).toContain('answer 9 → click "done" ⇒ completed');
  });

  it("an unknown experience exits 1 and lists the ones there are", async () => {
    const { code, err } = await run(["paths", nps, "--experience", "nope"]);
    expect(code).toBe(1);
    expect(err).toContain("quarterly-nps");
  });

  it("a bad --export or a missing file exits 2", async () => {
    expect(
      (await run(["paths", nps, "--experience", "quarterly-nps", "--export", "zip", dir])).code,
    ).toBe(2);
    const missing = await run(["paths", join(dir, "none.json"), "--experience", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("none.json");
  });

  it("--export recordings writes recordings that replay green", async () => {
    const out = join(dir, "recordings");
    const { code } = await run([
      "paths",
      nps,
      "--experience",
      "quarterly-nps",
      "--export",
      "recordings",
      out,
    ]);
    expect(code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(8);
    const first = JSON.parse(await readFile(join(out, files[0]), "utf8"));
    expect(first.expect.experiences["quarterly-nps"].status).toBe("completed");
    for (const file of files) {
      const replayed = await run(["replay", join(out, file)]);
      expect({ file, code: replayed.code }).toEqual({ file, code: 0 });
    }
  });

  it("--export vitest writes a test file that vitest runs green", async () => {
    const target = join(dir, "vitest", "coverage.test.ts");
    const { code } = await run([
      "paths",
      nps,
      "--experience",
      "quarterly-nps",
      "--export",
      "vitest",
      target,
    ]);
    expect(code).toBe(0);
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(
        join(root, "node_modules", ".bin", "vitest"),
        ["run", "--root", join(dir, "vitest")],
        { cwd: join(dir, "vitest"), env: { ...process.env, NO_COLOR: "1" } },
        (error, stdout) => resolve({ code: error ? (error.code as number) : 0, stdout }),
      );
    });
    expect(result.stdout).toContain("9 passed");
    expect(result.code).toBe(0);
  }, 60_000);
});

// Issue 10's inputs through the command line: exit 0 and bounded output (no timing here).
describe("flowscope paths on big and dense flows", () => {
  const onboarding = join(examples, "onboarding-tour.json");

  it("--revisits 400 on the onboarding example exits 0 with counts for a stated bound", async () => {
    const args = ["paths", onboarding, "--experience", "workspace-onboarding", "--revisits", "400"];
    const json = await run([...args, "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.countDetail).toMatchObject({ revisits: 1, reduced: true, exact: true });
    const human = await run(args);
    expect(human.code).toBe(0);
    expect(human.out).toContain(
      "each step entered at most 1×, as the asked bound needed more work than the counting budget",
    );
  });

  it("a fully connected 30-step tour exits 0 with lower bounds, shortest and coverage", async () => {
    const file = join(dir, "full-30.json");
    await writeFile(file, JSON.stringify(fullyConnectedTourInput(30)));
    const json = await run(["paths", file, "--experience", "t", "--json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.countDetail.exact).toBe(false);
    expect(BigInt(report.count.total)).toBeGreaterThan(0n);
    expect(report.coverage.length).toBeGreaterThan(0);
    expect(Object.keys(report.shortest)).toContain("completed");
    const human = await run(["paths", file, "--experience", "t"]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/at least \d+ paths/);
    expect(human.out).toContain("counting stopped at its work budget");
    expect(human.out).not.toContain("lower the revisit bound");
  }, 120_000);

  it("a 10,000-step tour: human output is capped, JSON is linear and expands whole", async () => {
    const n = 10_000;
    const file = join(dir, "linear-10000.json");
    await writeFile(file, JSON.stringify(linearTourInput(n)));
    const human = await run(["paths", file, "--experience", "t"]);
    expect(human.code).toBe(0);
    expect(human.out.length).toBeLessThan(20_000);
    expect(human.out).toContain(`coverage: ${n + 1} paths take ${2 * n} of ${2 * n} transitions`);
    expect(human.out).toContain(`… and ${n + 1 - 50} more paths (--json gives every one)`);
    expect(human.out).toContain(`… ${n - 11} more steps …`);
    const json = await run(["paths", file, "--experience", "t", "--json"]);
    expect(json.code).toBe(0);
    // Whole, the coverage paths alone would hold ~5 × 10^7 script steps.
    expect(json.out.length).toBeLessThan(30_000_000);
    const report = JSON.parse(json.out);
    expect(report.shared).toEqual(["shortest", "coverage"]);
    expect(report.count.total).toBe(n + 1);
    expect(coverageLength(report.coverage, n)).toBe(n + 1);
    expect(expandCoverage(report.coverage, n).edges.at(-1)).toBe(`s${n - 1}/cross`);
    expect(report.simple.truncated).toBe(true);
  }, 120_000);
});

describe("flowscope races, why, graph", () => {
  it("races --json lists the racy CTA of the multi-action example", async () => {
    const { code, out } = await run(["races", join(examples, "multi-action-cta.json"), "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.racy.map((r: { id: string }) => r.id)).toEqual([
      "profile-nudge/nudge/cta/complete-profile",
    ]);
    const human = await run(["races", join(examples, "multi-action-cta.json")]);
    expect(human.out).toContain("profile-tour idle");
  });

  it("why explains a snoozed survey with the time left", async () => {
    const hidden = join(examples, "hidden");
    const args = [
      "why",
      join(hidden, "snoozed-survey.json"),
      "--experience",
      "pulse-survey",
      "--script",
      join(hidden, "snoozed-survey.script.json"),
    ];
    const { code, out } = await run(args);
    expect(code).toBe(0);
    expect(out).toContain("snoozed");
    expect(out).toContain("wait 13 h 20 min");
    const json = JSON.parse((await run([...args, "--json"])).out);
    expect(json.reasons.map((r: { code: string }) => r.code)).toEqual(["snoozed"]);
  });

  it("why with a script step that cannot be done exits 1 naming the step", async () => {
    const script = join(dir, "bad-script.json");
    await writeFile(script, JSON.stringify({ steps: [{ do: "click", cta: "nope" }] }));
    const { code, err } = await run([
      "why",
      nps,
      "--experience",
      "quarterly-nps",
      "--script",
      script,
    ]);
    expect(code).toBe(1);
    expect(err).toContain("click");
  });

  it("graph --json flags the agent example's cycle", async () => {
    const { code, out } = await run(["graph", join(examples, "agent.json"), "--json"]);
    expect(code).toBe(0);
    const graph = JSON.parse(out);
    expect(graph.cycles).toHaveLength(1);
    expect((await run(["graph", join(examples, "agent.json")])).out).toContain(
      "cycle: answer:a-pricing",
    );
  });
});

// The explorer commands (paths, races, why, graph) through runCli in-process, plus the
// exports: recordings that `replay` accepts and a vitest file that vitest runs green.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

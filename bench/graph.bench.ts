// `flowscope graph` on dense launch graphs (issue 10): n tours that each launch every tour,
// n² launch edges, all on cycles. Each size runs in fresh processes (median of 3), as a
// user's command would; growth is against the previous size (×10 edges: ×10 is linear).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type FreshRun, growth, medianFreshRun } from "./fresh-process.ts";
import { denseLaunchProject } from "./generate.ts";
import { type BenchSuite, formatTable, ms } from "./harness.ts";

/** Issue 10: 300 experiences and 90,000 launch edges took 59 s; the target is under 2 s. */
export const graphTarget = { experiences: [95, 300], ms: 2_000 } as const;

export const graphSuite: BenchSuite = {
  name: "graph",
  description: "flowscope graph on dense launch graphs (9,025 and 90,000 edges)",
  run(log) {
    const dir = mkdtempSync(join(tmpdir(), "flowscope-bench-graph-"));
    try {
      const rows: string[][] = [];
      const runs = new Map<string, FreshRun>();
      for (const n of graphTarget.experiences) {
        const file = join(dir, `dense-${n}.json`);
        writeFileSync(file, JSON.stringify(denseLaunchProject(n)));
        for (const json of [false, true]) {
          const mode = json ? "--json" : "human";
          const run = medianFreshRun(json ? ["graph", file, "--json"] : ["graph", file], 3);
          const previous = runs.get(mode);
          runs.set(mode, run);
          rows.push([
            `graph with ${(n * n).toLocaleString("en-US")} edges (${mode})`,
            ms(run.ms),
            ms(run.cpuMs),
            `${run.peakMb.toFixed(0)} MB`,
            `${(run.outBytes / 1e6).toFixed(1)} MB`,
            previous ? growth(run.ms, previous.ms) : "",
          ]);
        }
      }
      const [small] = graphTarget.experiences;
      log(
        formatTable(
          [
            "",
            "median",
            "cpu",
            "peak memory",
            "output",
            `time vs ${(small * small).toLocaleString("en-US")}`,
          ],
          rows,
        ),
      );
      const slowest = Math.max(...[...runs.values()].map((run) => run.ms));
      const met = slowest < graphTarget.ms;
      log(
        `${met ? "PASS" : "MISS"}  graph with 90,000 edges: ${ms(slowest)} at most ` +
          `(target < ${graphTarget.ms} ms; reading and validating the project included)`,
      );
      return { targetsMet: met };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

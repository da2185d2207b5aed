// `flowscope diff` through runCli in-process: every exit code (0 same, 1 differs, 2 unreadable
// or not a project), the human report grouped by experience, the JSON shape, --recordings.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess as run } from "./cli-run.ts";

const root = join(import.meta.dirname, "..");
const examples = join(root, "examples");
const nps = join(examples, "nps-survey.json");
const banner = join(examples, "feature-banner.json");

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-diff-cli-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(
  name: string,
  from: string,
  // biome-ignore lint/suspicious/noExplicitAny: project documents edited freely in tests
  edit: (doc: any) => void,
  indent: number | string = 2,
) {
  const doc = JSON.parse(await readFile(from, "utf8"));
  edit(doc);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(doc, null, indent));
  return file;
}

describe("flowscope diff: exit codes", () => {
  it("0 for identical files", async () => {
    const { code, out } = await run(["diff", nps, nps]);
    expect(code).toBe(0);
    expect(out).toContain("same behaviour, no change");
  });

  it("0 for a reformatted and relabelled file, listing the cosmetic changes", async () => {
    const relabelled = await write(
      "relabelled.json",
      nps,
      (doc) => {
        doc.experiences[0].steps[3].name = "Thanks";
        doc.experiences[0].steps[3].ctas[1].label = "Review us";
      },
      "\t",
    );
    const { code, out } = await run(["diff", nps, relabelled]);
    expect(code).toBe(0);
    expect(out).toContain("same behaviour; 2 cosmetic changes only");
    expect(out).toContain("· cosmetic: step “thank-you” renamed “Thank you” → “Thanks”");
    expect(out).toContain(
      "· cosmetic: CTA “review” of step “thank-you” relabelled “Leave a review” → “Review us”",
    );
  });

  it("1 for rerouted promoters, naming the route under its experience", async () => {
    const rerouted = await write("rerouted.json", nps, (doc) => {
      doc.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
    });
    const { code, out } = await run(["diff", nps, rerouted]);
    expect(code).toBe(1);
    expect(out).toContain("behaviour differs");
    expect(out).toContain(
      "Quarterly NPS (quarterly-nps, survey)\n  ~ answers 9–10 on “How likely to recommend” now complete the survey instead of going to “Thank you”",
    );
    expect(out).toMatch(
      /\+ new warning unreachableStep {2}.*rerouted\.json:\d+:\d+ {2}Step "thank-you"/,
    );
  });

  it("1 for a new launch cycle", async () => {
    const cycle = await write("cycle.json", banner, (doc) => {
      doc.experiences[1].steps[2].ctas[1].actions = [
        { type: "launchExperience", experience: "saved-views-banner" },
      ];
    });
    const { code, out } = await run(["diff", banner, cycle]);
    expect(code).toBe(1);
    expect(out).toContain(
      "+ launch cycle: “Saved views announcement” → “Saved views tour” → “Saved views announcement”, closed by share-view/cta/finish",
    );
    expect(out).toContain(
      "+ launch graph: “Saved views tour” launches “Saved views announcement” (share-view/cta/finish)",
    );
  });

  it("2 when a file cannot be read, is not JSON (file:line:col) or is not a project", async () => {
    const missing = await run(["diff", nps, join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("cannot read");
    const broken = join(dir, "broken.json");
    await writeFile(broken, '{\n  "version": 1,\n  "experiences": [\n');
    const parse = await run(["diff", broken, nps]);
    expect(parse.code).toBe(2);
    expect(parse.err).toMatch(/broken\.json:\d+:\d+/);
    const shapeless = join(dir, "shapeless.json");
    await writeFile(shapeless, '{ "version": 2 }');
    const shape = await run(["diff", nps, shapeless]);
    expect(shape.code).toBe(2);
    expect(shape.err).toContain("is not a project that can be compared");
  });

  it("2 for a missing argument (usage)", async () => {
    expect((await run(["diff", nps])).code).toBe(2);
  });

  it("a project with validation errors is still compared (its errors are what changed)", async () => {
    const wrong = await write("wrong.json", nps, (doc) => {
      doc.experiences[0].steps[3].ctas[0].actions = [{ type: "goToStep", step: "nowhere" }];
    });
    const { code, out } = await run(["diff", nps, wrong, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(report.diagnostics.introduced.map((d: { code: string }) => d.code)).toContain(
      "unknownStep",
    );
  });
});

describe("flowscope diff --json", () => {
  it("prints the documented shape", async () => {
    const rerouted = await write("rerouted-json.json", nps, (doc) => {
      doc.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
    });
    const { code, out } = await run(["diff", nps, rerouted, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual([
      "files",
      "same",
      "experiencesAdded",
      "experiencesRemoved",
      "experiences",
      "unchanged",
      "launchGraph",
      "diagnostics",
      "project",
    ]);
    expect(report.files).toEqual({ old: nps, new: rerouted });
    expect(Object.keys(report.experiences[0])).toEqual([
      "id",
      "name",
      "type",
      "same",
      "stepsAdded",
      "stepsRemoved",
      "routes",
      "paths",
      "reachability",
      "changes",
      "cosmetic",
    ]);
    expect(report.experiences[0].routes[0]).toMatchObject({
      kind: "rerouted",
      edge: "score/condition/promoters",
      before: { to: "thank-you" },
      after: { to: "completed" },
    });
  });
});

describe("flowscope diff --recordings", () => {
  it("replays the folder's recordings of this project on both versions", async () => {
    const rerouted = await write("nps-survey.json", nps, (doc) => {
      doc.experiences[0].steps[0].conditions[0].actions = [{ type: "goToStep", step: "complete" }];
    });
    const folder = join(examples, "recordings");
    const { code, out } = await run(["diff", nps, rerouted, "--recordings", folder]);
    expect(code).toBe(1);
    expect(out).toContain("3 replayed on both versions, 1 changed, 9 skipped");
    expect(out).toMatch(/✘ .*nps-promoter-10\.json: passed, now stops \(step 2/);
    const json = JSON.parse(
      (await run(["diff", nps, rerouted, "--recordings", folder, "--json"])).out,
    );
    expect(json.files.recordings).toBe(folder);
    expect(json.recordings.map((r: { change: string }) => r.change).sort()).toEqual([
      "none",
      "none",
      "passToFail",
    ]);
    expect(json.recordingsSkipped).toHaveLength(9);
  });

  it("0 when every recording keeps its outcome and result", async () => {
    const folder = join(examples, "recordings");
    const { code, out } = await run(["diff", nps, nps, "--recordings", folder]);
    expect(code).toBe(0);
    expect(out).toContain("3 replayed on both versions, 0 changed");
  });

  it("2 when the folder cannot be read", async () => {
    const { code, err } = await run(["diff", nps, nps, "--recordings", join(dir, "none")]);
    expect(code).toBe(2);
    expect(err).toContain("cannot read the recordings folder");
  });
});

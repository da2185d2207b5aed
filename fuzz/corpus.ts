// The seeds the fuzzer mutates: the examples, the hidden-by-design projects with their
// scripts, the recordings (each with the project it names), and a few invalid examples.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const repoRoot = resolve(import.meta.dirname, "..");
const examples = join(repoRoot, "examples");

/** A project, and when the corpus has one, a script (and a recording) that goes with it. */
export interface Seed {
  /** Where it comes from, for the failure notes. */
  name: string;
  project: unknown;
  script?: unknown;
  recording?: Record<string, unknown>;
  /** An experience the script or recording is about, when known. */
  experience?: string;
  /** False for the seeds taken from examples/invalid/. */
  valid: boolean;
}

export interface Corpus {
  /** Every seed (projects with and without scripts). */
  seeds: readonly Seed[];
  /** Seeds that carry a script. */
  withScript: readonly Seed[];
  /** Seeds that carry a recording. */
  withRecording: readonly Seed[];
  /** Every script of the corpus, to pair with any project. */
  scripts: readonly unknown[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

function jsonFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json") && !name.endsWith(".expected.json"))
    .sort();
}

let cached: Corpus | undefined;

/** Loaded once per process. */
export function corpus(): Corpus {
  if (cached) return cached;
  const seeds: Seed[] = [];
  for (const name of jsonFiles(examples)) {
    seeds.push({ name: `examples/${name}`, project: readJson(join(examples, name)), valid: true });
  }
  const hidden = join(examples, "hidden");
  for (const name of jsonFiles(hidden).filter((n) => !n.endsWith(".script.json"))) {
    const scriptFile = join(hidden, name.replace(/\.json$/, ".script.json"));
    seeds.push({
      name: `examples/hidden/${name}`,
      project: readJson(join(hidden, name)),
      script: existsSync(scriptFile) ? readJson(scriptFile) : undefined,
      valid: true,
    });
  }
  const recordings = join(examples, "recordings");
  for (const name of jsonFiles(recordings)) {
    const recording = readJson(join(recordings, name)) as Record<string, unknown>;
    const projectFile = resolve(recordings, String(recording.project));
    if (!existsSync(projectFile)) continue;
    const expectation = recording.expect as { experiences?: Record<string, unknown> } | undefined;
    seeds.push({
      name: `examples/recordings/${name}`,
      project: readJson(projectFile),
      script: recording.script,
      recording,
      experience: Object.keys(expectation?.experiences ?? {})[0],
      valid: true,
    });
  }
  // A handful of invalid projects: the validator's error paths are worth mutating too.
  const invalid = join(examples, "invalid");
  for (const name of jsonFiles(invalid).filter((n) => !n.startsWith("malformed"))) {
    try {
      seeds.push({
        name: `examples/invalid/${name}`,
        project: readJson(join(invalid, name)),
        valid: false,
      });
    } catch {
      // not JSON on purpose
    }
  }
  const withScript = seeds.filter((seed) => seed.script !== undefined);
  cached = {
    seeds,
    withScript,
    withRecording: seeds.filter((seed) => seed.recording !== undefined),
    scripts: withScript.map((seed) => seed.script),
  };
  return cached;
}

/** The experience ids of a project value (empty when it has none or is not shaped so). */
export function experienceIds(project: unknown): string[] {
  if (typeof project !== "object" || project === null) return [];
  const list = (project as { experiences?: unknown }).experiences;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e) =>
    typeof e === "object" && e !== null && typeof (e as { id?: unknown }).id === "string"
      ? [(e as { id: string }).id]
      : [],
  );
}

// One fuzz case: the files to write, the command line to run and what the oracle needs to
// know. A case is a pure function of (seed, index, options): the parent process makes it
// again to save a failing input, and `--seed S --case I` makes it again to reproduce one.
import fc from "fast-check";
import { projectArb, scriptArb } from "../test/arbitraries.ts";
import { corpus, experienceIds, type Seed } from "./corpus.ts";
import { clone, serialize } from "./json-build.ts";
import {
  byteOrderMark,
  type Doc,
  deepNesting,
  enormousArray,
  fullLimits,
  hugeNumber,
  invalidUtf8,
  type Limits,
  missingField,
  oddIds,
  protoKeys,
  type Role,
  syntax,
  truncate,
  unknownKeys,
  wrongType,
} from "./mutations.ts";
import { caseRandom, type Random } from "./random.ts";
import { scaleInput } from "./scale.ts";

export const commandNames = [
  "validate",
  "simulate",
  "replay",
  "machine",
  "paths",
  "races",
  "why",
  "graph",
] as const;
export type CommandName = (typeof commandNames)[number];

/** What a case does to its inputs, with its default weight. */
export const categoryWeights = {
  /** Valid projects and scripts from the property tests' arbitraries, unmutated. */
  generated: 10,
  wrongType: 10,
  missingField: 8,
  hugeNumber: 8,
  deepNesting: 6,
  enormousArray: 4,
  protoKeys: 8,
  oddIds: 10,
  invalidUtf8: 6,
  bom: 4,
  unknownKeys: 8,
  truncated: 6,
  syntax: 4,
  /** Command-line arguments: usage errors, option values, missing files, exports. */
  options: 6,
  /** Valid but large projects and scripts (timing and memory). */
  scale: 3,
} as const;
export type Category = keyof typeof categoryWeights;
export const categories = Object.keys(categoryWeights) as Category[];

type ValueMutation = (random: Random, doc: Doc, limits: Limits) => string;
const valueMutations: Partial<Record<Category, ValueMutation>> = {
  wrongType,
  missingField,
  hugeNumber,
  deepNesting,
  enormousArray,
  protoKeys,
  oddIds,
  unknownKeys,
};

export interface GenerateOptions {
  categories?: readonly Category[];
  commands?: readonly CommandName[];
  limits?: Limits;
  /** Caps the sizes of the `scale` category. */
  scaleLimit?: number;
  /**
   * How often a `paths --export` case writes under /proc, where no folder can be made:
   * "sometimes" (the default), "never", or "always" (every options case of `paths`).
   */
  exportToProc?: "sometimes" | "never" | "always";
  /** Leave out the seeds taken from examples/invalid/ (default: use them). */
  validSeedsOnly?: boolean;
}

export interface FuzzFile {
  name: string;
  bytes: Uint8Array;
}

/** A file the command reads, in the order it reads them, and what it reads it as. */
export interface Read {
  file: string;
  as: Role;
}

/**
 * How the command line itself should fare: `ok`; `usage` (commander refuses it: exit 2);
 * `value` (an option value or target refused after the project is read: exit 1 or 2);
 * `help` (exit 0).
 */
export type Usage = "ok" | "usage" | "value" | "help";

export interface FuzzCase {
  seed: number;
  index: number;
  category: Category;
  command: CommandName;
  files: FuzzFile[];
  /** The command line; `@name` stands for the file `name` in the case's folder. */
  args: string[];
  reads: Read[];
  usage: Usage;
  /** What was done to the inputs, in words. */
  notes: string[];
}

const encoder = new TextEncoder();

export function generateCase(seed: number, index: number, options: GenerateOptions = {}): FuzzCase {
  const random = caseRandom(seed, index);
  const enabled = options.categories ?? categories;
  const category = random.weighted(enabled.map((c) => [c, categoryWeights[c]] as const));
  const command = random.pick(options.commands ?? commandNames);
  const limits = options.limits ?? fullLimits;
  const notes: string[] = [];

  // ---- the inputs, as values
  let project: unknown;
  let script: unknown;
  let recording: Record<string, unknown> | undefined;
  let experience: string | undefined;
  if (category === "scale") {
    // Scale inputs stay at the sizes the product promises to handle in seconds (20,000 steps or
    // errors, issue 10's targets); bigger flows are measured by the bench, not judged at 10 s.
    const input = scaleInput(random, options.scaleLimit ?? Math.min(limits.elements, 20_000));
    notes.push(`scale: ${input.note}`);
    ({ project, script, experience } = input);
  } else if (category === "generated" || random.chance(0.1)) {
    project = fc.sample(projectArb, { seed: random.seed(), numRuns: 1 })[0];
    script = fc.sample(scriptArb(), { seed: random.seed(), numRuns: 1 })[0];
    notes.push("project and script from test/arbitraries.ts");
  } else {
    const all = corpus();
    const seeds = options.validSeedsOnly ? all.seeds.filter((seed) => seed.valid) : all.seeds;
    const pool = needsScript(command) && random.chance(0.8) ? all.withScript : seeds;
    const from: Seed =
      command === "replay" && random.chance(0.7)
        ? random.pick(corpus().withRecording)
        : random.pick(pool);
    project = clone(from.project);
    script = clone(from.script ?? random.pick(corpus().scripts));
    recording = from.recording ? clone(from.recording) : undefined;
    experience = from.experience;
    notes.push(`from ${from.name}${from.script ? "" : " with another seed's script"}`);
  }
  if (command === "replay") {
    recording = {
      ...(recording ?? { expect: {} }),
      project: "project.json",
      script,
    };
  }

  // ---- value mutations, on the file(s) the command reads
  const docs: Record<Role, Doc> = {
    project: { root: project, role: "project" },
    script: { root: script, role: "script" },
    recording: { root: recording, role: "recording" },
  };
  const targets = mutationTargets(random, command);
  const mutation = valueMutations[category];
  if (mutation) {
    // One enormous value per case: two would multiply (an enormous array of enormous ones).
    const times =
      category === "enormousArray"
        ? 1
        : random.weighted([
            [1, 6],
            [2, 3],
            [3, 1],
          ] as const);
    for (let i = 0; i < times; i++) {
      const doc = docs[random.pick(targets)];
      notes.push(`${doc.role}: ${mutation(random, doc, limits)}`);
    }
  }

  // ---- the files
  const pretty = random.chance(0.5);
  const texts: Partial<Record<Role, string>> = {
    project: serialize(docs.project.root, pretty),
  };
  if (command === "simulate" || command === "why")
    texts.script = serialize(docs.script.root, pretty);
  if (command === "replay") texts.recording = serialize(docs.recording.root, pretty);
  const bytes: Partial<Record<Role, Uint8Array>> = {};
  for (const [role, text] of Object.entries(texts) as [Role, string][])
    bytes[role] = encoder.encode(text);
  if (
    category === "invalidUtf8" ||
    category === "bom" ||
    category === "truncated" ||
    category === "syntax"
  ) {
    const role = random.pick(targets);
    const before = bytes[role] as Uint8Array;
    const changed =
      category === "invalidUtf8"
        ? invalidUtf8(random, before)
        : category === "bom"
          ? byteOrderMark(random, before, texts[role] as string)
          : category === "truncated"
            ? truncate(random, before)
            : syntax(random, before);
    bytes[role] = changed.bytes;
    notes.push(`${role}: ${changed.note}`);
  }
  const files: FuzzFile[] = (Object.entries(bytes) as [Role, Uint8Array][]).map(([role, b]) => ({
    name: `${role}.json`,
    bytes: b,
  }));

  // ---- the command line
  const ids = experienceIds(docs.project.root);
  const id =
    experience !== undefined && ids.includes(experience) && random.chance(0.7)
      ? experience
      : ids.length > 0 && random.chance(0.95)
        ? random.pick(ids)
        : random.pick(["nope", "", "a.b", "__proto__", "constructor"]);
  const line = commandLine(command, id, random.chance(0.5));
  const built: FuzzCase = {
    seed,
    index,
    category,
    command,
    files,
    args: line.args,
    reads: line.reads,
    usage: "ok",
    notes,
  };
  if (category === "options") optionMutation(random, built, id, files, options);
  return built;
}

function needsScript(command: CommandName): boolean {
  return command === "simulate" || command === "why" || command === "replay";
}

function mutationTargets(random: Random, command: CommandName): Role[] {
  if (command === "simulate" || command === "why") {
    return random.weighted<Role[]>([
      [["project"], 4],
      [["script"], 5],
      [["project", "script"], 1],
    ]);
  }
  if (command === "replay") {
    return random.weighted<Role[]>([
      [["recording"], 7],
      [["project"], 3],
    ]);
  }
  return ["project"];
}

const project = "@project.json";
const script = "@script.json";

function commandLine(
  command: CommandName,
  id: string,
  json: boolean,
): { args: string[]; reads: Read[] } {
  const asProject: Read = { file: "project.json", as: "project" };
  const asScript: Read = { file: "script.json", as: "script" };
  const flag = json ? ["--json"] : [];
  switch (command) {
    case "validate":
      return { args: ["validate", project, ...flag], reads: [asProject] };
    case "simulate":
      return {
        args: ["simulate", project, "--script", script, ...flag],
        reads: [asProject, asScript],
      };
    case "replay":
      return {
        args: ["replay", "@recording.json"],
        reads: [{ file: "recording.json", as: "recording" }],
      };
    case "machine":
      return { args: ["machine", project, "--experience", id], reads: [asProject] };
    case "paths":
      return { args: ["paths", project, "--experience", id, ...flag], reads: [asProject] };
    case "races":
      return { args: ["races", project, ...flag], reads: [asProject] };
    case "why":
      return {
        args: ["why", project, "--experience", id, "--script", script, ...flag],
        reads: [asProject, asScript],
      };
    case "graph":
      return { args: ["graph", project, ...flag], reads: [asProject] };
  }
}

const wholeNumbers = [
  "0",
  "1",
  "2",
  "3",
  "10",
  "400",
  "10000",
  "-1",
  "1.5",
  "abc",
  "",
  "1e3",
  "0x10",
  " 3 ",
  "Infinity",
  "99999999999999999999",
];

/** A whole number ≥ min, read as the CLI documents it. */
function wholeNumberOk(value: string, min: number): boolean {
  const n = Number(value);
  return Number.isInteger(n) && n >= min;
}

function optionMutation(
  random: Random,
  c: FuzzCase,
  id: string,
  files: FuzzFile[],
  options: GenerateOptions,
): void {
  const variants: (() => string)[] = [
    () => {
      c.args.push("--bogus");
      c.usage = "usage";
      return "unknown option --bogus";
    },
    () => {
      c.args.push("extra-argument");
      c.usage = "usage";
      return "an extra argument";
    },
    () => {
      c.args.splice(1, 1);
      c.usage = "usage";
      return "the file argument left out";
    },
    () => {
      c.args[0] = `${c.args[0]}x`;
      c.usage = "usage";
      return "an unknown command";
    },
    () => {
      c.args.push("--help");
      c.usage = "help";
      return "--help";
    },
    () => {
      c.args[1] = "@missing.json";
      c.reads[0] = { file: "missing.json", as: c.reads[0].as };
      return "a file that does not exist";
    },
    () => {
      c.args[1] = "@.";
      c.reads[0] = { file: ".", as: c.reads[0].as };
      return "a folder instead of a file";
    },
    () => {
      files.push({ name: "empty.json", bytes: new Uint8Array() });
      c.args[1] = "@empty.json";
      c.reads[0] = { file: "empty.json", as: c.reads[0].as };
      return "an empty file";
    },
  ];
  const at = (option: string) => c.args.indexOf(option);
  if (at("--experience") >= 0) {
    variants.push(() => {
      c.args.splice(at("--experience"), 2);
      c.usage = "usage";
      return "--experience left out";
    });
    variants.push(() => {
      const last = at("--experience") + 2 >= c.args.length;
      c.args.splice(at("--experience") + 1, 1);
      // Commander takes the next argument as the value, even "--json": then no such experience.
      c.usage = last ? "usage" : "value";
      return "--experience without its value";
    });
  }
  if (at("--script") >= 0) {
    variants.push(() => {
      c.args.splice(at("--script"), 2);
      c.usage = "usage";
      return "--script left out";
    });
    variants.push(() => {
      c.args[at("--script") + 1] = project;
      c.reads[1] = { file: "project.json", as: "script" };
      return "the project given as the script";
    });
  }
  const numeric = (option: string, min: number) => () => {
    const value = random.pick(wholeNumbers);
    c.args.push(option, value);
    if (!wholeNumberOk(value, min)) c.usage = "value";
    return `${option} ${JSON.stringify(value)}`;
  };
  if (c.command === "paths") {
    variants.push(numeric("--revisits", 1), numeric("--revisits", 1), numeric("--limit", 0));
    variants.push(() => {
      const kind = random.pick(["recordings", "vitest"]);
      c.args.push("--export", kind, kind === "recordings" ? "@export" : "@export/coverage.test.ts");
      return `--export ${kind} into the case folder`;
    });
    variants.push(() => {
      const spec = random.pick([["bogus", "@x"], ["recordings"], ["recordings", "@a", "@b"]]);
      c.args.push("--export", ...spec);
      c.usage = spec.length === 1 ? "usage" : "value";
      return `--export ${spec.join(" ")}`;
    });
    const toProc = () => {
      c.args.push("--export", "recordings", "/proc/flowscope-fuzz/out");
      c.usage = "value";
      return "--export recordings into a folder that cannot be made (/proc)";
    };
    const proc = options.exportToProc ?? "sometimes";
    if (proc === "always") variants.splice(0, variants.length, toProc);
    else if (random.chance(0.2) && proc === "sometimes") variants.push(toProc);
  }
  if (c.command === "races")
    variants.push(numeric("--max-actions", 2), numeric("--max-actions", 2));
  const note = random.pick(variants)();
  c.notes.push(`options: ${note} (experience ${JSON.stringify(id)})`);
}

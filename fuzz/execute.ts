// Runs one case in this process: writes its files to a folder, calls runCli as `flowscope`
// would, and judges the outcome. The process that calls this is a child of the fuzz loop,
// which kills it when a run takes too long (a synchronous run cannot be interrupted).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import type { CliIo } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";
import type { FuzzCase } from "./cases.ts";
import {
  type Expectation,
  expectation,
  type Failure,
  type JudgeOptions,
  judge,
  type Outcome,
} from "./oracle.ts";

/** Output kept per stream; more is counted, not kept (and --json output is then not checked). */
const keepChars = { stdout: 16_000_000, stderr: 1_000_000 };

/** The command line with `@name` replaced by the file's path in `dir`. */
export function resolveArgs(args: readonly string[], dir: string): string[] {
  return args.map((arg) => (arg.startsWith("@") ? join(dir, arg.slice(1)) : arg));
}

export function writeCaseFiles(c: FuzzCase, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of c.files) {
    const path = isAbsolute(file.name) ? file.name : join(dir, file.name);
    writeFileSync(path, file.bytes);
  }
}

export interface CaseRun {
  outcome: Outcome;
  expected: Expectation;
  failures: Failure[];
}

class Capture {
  text = "";
  total = 0;
  constructor(private readonly keep: number) {}
  write(chunk: string): void {
    this.total += chunk.length;
    if (this.text.length < this.keep) this.text += chunk.slice(0, this.keep - this.text.length);
  }
  get complete(): boolean {
    return this.total === this.text.length;
  }
}

/** Writes the case into `dir`, runs it and judges it. */
export interface RunHooks {
  /** Right before the CLI runs (the parent's clock starts). */
  started?: () => void;
  /** Right after it returns, before judging (the parent's clock stops). */
  ran?: () => void;
}

export async function runCase(
  c: FuzzCase,
  dir: string,
  judgeOptions: JudgeOptions = {},
  hooks: RunHooks = {},
): Promise<CaseRun> {
  writeCaseFiles(c, dir);
  const stdout = new Capture(keepChars.stdout);
  const stderr = new Capture(keepChars.stderr);
  const io: CliIo = {
    out: (text) => stdout.write(text),
    err: (text) => stderr.write(text),
    color: false,
    env: {},
  };
  const prototypeBefore = new Set(Object.getOwnPropertyNames(Object.prototype));
  hooks.started?.();
  const t0 = performance.now();
  let exitCode: number;
  try {
    exitCode = await runCli(resolveArgs(c.args, dir), io);
  } catch (error) {
    // runCli promises never to throw: this is the fuzz harness's "uncaught exception".
    stderr.write(`runCli threw: ${error instanceof Error ? error.stack : String(error)}\n`);
    exitCode = 70;
  }
  const ms = performance.now() - t0;
  hooks.ran?.();
  const pollution = Object.getOwnPropertyNames(Object.prototype).filter(
    (name) => !prototypeBefore.has(name),
  );
  for (const name of pollution) delete (Object.prototype as Record<string, unknown>)[name];
  const outcome: Outcome = {
    exitCode,
    stdout: stdout.text,
    stderr: stderr.text,
    complete: stdout.complete && stderr.complete,
    ms,
    rssMb: process.resourceUsage().maxRSS / 1024,
    pollution,
  };
  const expected = expectation(c, dir, judgeOptions);
  return { outcome, expected, failures: judge(c, outcome, expected) };
}

export function removeCaseFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// The child process of the fuzz loop: makes cases from (seed, index), runs each in-process
// and reports over IPC. It says "start" right before a run and "ran" right after (judging
// comes next), so the parent can time it and
// kill this process when it hangs; it exits after a run that went over the memory limit
// (peak RSS only grows), and the parent starts a fresh one.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type GenerateOptions, generateCase } from "./cases.ts";
import { removeCaseFolder, runCase } from "./execute.ts";
import { type JudgeOptions, limits } from "./oracle.ts";
import type { FromWorker, ToWorker } from "./protocol.ts";

function send(message: FromWorker, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

let seed = 0;
let options: GenerateOptions = {};
let judgeOptions: JudgeOptions = {};
let scratch = "";
let current: number | undefined;

function fatal(kind: "uncaught", error: unknown): void {
  const message = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  send({ type: "uncaught", index: current, kind, message }, () => process.exit(1));
}
process.on("uncaughtException", (error) => fatal("uncaught", error));
process.on("unhandledRejection", (error) => fatal("uncaught", error));

async function run(index: number): Promise<void> {
  current = index;
  const dir = join(scratch, `case-${index}`);
  try {
    const c = generateCase(seed, index, options);
    const { outcome, expected, failures } = await runCase(c, dir, judgeOptions, {
      started: () => send({ type: "start", index }),
      ran: () => send({ type: "ran", index }),
    });
    const exiting = outcome.rssMb > limits.rssMb;
    send(
      {
        type: "done",
        index,
        exitCode: outcome.exitCode,
        ms: outcome.ms,
        rssMb: outcome.rssMb,
        failures,
        expected: expected.allowed,
        // The output travels only with a failure, to be saved beside the input.
        stdout: failures.length > 0 ? outcome.stdout.slice(0, 200_000) : "",
        stderr: failures.length > 0 ? outcome.stderr.slice(0, 200_000) : "",
        exiting,
      },
      () => {
        if (exiting) process.exit(0);
      },
    );
  } catch (error) {
    // runCase catches what runCli throws: this is the harness's own bug.
    const message = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
    send({ type: "harness", index, message });
  } finally {
    removeCaseFolder(dir);
    current = undefined;
  }
}

process.on("message", (message: ToWorker) => {
  if (message.type === "init") {
    seed = message.seed;
    options = message.options;
    judgeOptions = message.judge;
    scratch = message.scratch;
    mkdirSync(scratch, { recursive: true });
    // replay looks a recording's project up in the current directory too: keep it contained.
    process.chdir(scratch);
    send({ type: "ready" });
  } else if (message.type === "run") {
    void run(message.index);
  }
});

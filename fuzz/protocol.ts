// Messages between the fuzz loop (parent) and its worker processes.
import type { GenerateOptions } from "./cases.ts";
import type { Failure, JudgeOptions } from "./oracle.ts";

export type ToWorker =
  | {
      type: "init";
      seed: number;
      options: GenerateOptions;
      judge: JudgeOptions;
      scratch: string;
    }
  | { type: "run"; index: number };

export type FromWorker =
  | { type: "ready" }
  | { type: "start"; index: number }
  | { type: "ran"; index: number }
  | {
      type: "done";
      index: number;
      exitCode: number;
      ms: number;
      rssMb: number;
      failures: Failure[];
      expected: readonly number[];
      stdout: string;
      stderr: string;
      /** The worker exits after this report (it went over the memory limit). */
      exiting: boolean;
    }
  | { type: "harness"; index: number; message: string }
  | { type: "uncaught"; index: number | undefined; kind: "uncaught"; message: string };

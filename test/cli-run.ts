// The CLI run in-process (runCli), its output caught in memory: the tests' one way to run it.
import type { CliIo } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";

export async function runInProcess(
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: CliIo = {
    out: (text) => {
      out += text;
    },
    err: (text) => {
      err += text;
    },
    color: false,
    env: {},
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

// The child of bench/fresh-process.ts: runs `flowscope <args>` in-process, its output
// counted and dropped, then prints one JSON line: { ms, cpuMs, peakMb, outBytes, exitCode }.
import type { CliIo } from "../cli/io.ts";
import { runCli } from "../cli/program.ts";

let outBytes = 0;
const io: CliIo = {
  out: (text) => {
    outBytes += Buffer.byteLength(text);
  },
  err: (text) => void process.stderr.write(text),
  color: false,
  env: {},
};
const start = performance.now();
const cpuStart = process.cpuUsage();
const exitCode = await runCli(process.argv.slice(2), io);
const ms = performance.now() - start;
// CPU time says what the run costs even when other work shares the machine's cores.
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
// maxRSS is in kilobytes.
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ ms, cpuMs, peakMb, outBytes, exitCode })}\n`);

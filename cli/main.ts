// Entry point of `npm run -s flowscope -- <command>`: runs the CLI on the process's
// arguments and streams. Setting exitCode (not process.exit) lets stdout drain first.
import { ExitCode } from "./exit.ts";
import { processIo } from "./io.ts";

// `flowscope validate x | head` closes the pipe early: that is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(ExitCode.ok);
  throw error;
});

try {
  // Loaded here, not imported statically, so a broken module is an "internal error" too.
  const { runCli } = await import("./program.ts");
  process.exitCode = await runCli(process.argv.slice(2), processIo());
  // An inspector's socket would hold the process open: end it (an unref'd timer fires only
  // when something still holds the loop; stdout to pipes and files is written synchronously).
  const { inspectorLeftOpen } = await import("./inspect.ts");
  if (inspectorLeftOpen()) setTimeout(() => process.exit(), 100).unref();
} catch (caught) {
  const message = caught instanceof Error ? caught.message : String(caught);
  process.stderr.write(`internal error: flowscope failed to start: ${message}\n`);
  if (process.env.FLOWSCOPE_DEBUG && caught instanceof Error)
    process.stderr.write(`${caught.stack}\n`);
  process.exitCode = ExitCode.internal;
}

// Builds the flowscope program from the command list and runs it, turning every outcome
// into an exit code (SPEC §4): usage errors exit 2, expected failures print their message,
// and anything unexpected is an "internal error" (exit 70) without a stack trace.
import { Command, CommanderError } from "commander";
import type { CommandContext, CommandModule } from "./commands/command.ts";
import { commands as defaultCommands } from "./commands/index.ts";
import { CliError, ExitCode } from "./exit.ts";
import type { CliIo } from "./io.ts";

function buildProgram(
  context: CommandContext,
  commands: readonly CommandModule[] = defaultCommands,
): Command {
  const program = new Command("flowscope")
    .description("Simulate and debug in-app product-adoption experiences (Jimo-style).")
    // Settings made before .command() are inherited by every subcommand.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.out(text),
      writeErr: (text) => context.io.err(text),
    })
    .showHelpAfterError("(run flowscope --help for usage)")
    .showSuggestionAfterError(true);
  for (const command of commands) command.register(program, context);
  return program;
}

/** Runs flowscope with `args` (without node and the script path); resolves to the exit code. */
export async function runCli(
  args: readonly string[],
  io: CliIo,
  commands: readonly CommandModule[] = defaultCommands,
): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const context: CommandContext = {
    io,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  try {
    await buildProgram(context, commands).parseAsync([...args], { from: "user" });
    return exitCode;
  } catch (caught) {
    return exitCodeOf(caught, io);
  }
}

/** Maps what a command threw to an exit code, printing what the user needs to see. */
function exitCodeOf(caught: unknown, io: CliIo): number {
  if (caught instanceof CommanderError) {
    // Commander already printed its message (or the help). Help and --version exit 0;
    // every other commander error is a usage error: 2, like an unreadable input.
    return caught.exitCode === 0 ? ExitCode.ok : ExitCode.unreadable;
  }
  if (caught instanceof CliError) {
    io.err(`${caught.message}\n`);
    return caught.exitCode;
  }
  io.err(
    `internal error: ${messageOf(caught)}\nThis is a bug in Flowscope, not in your files; please report it with the command you ran (FLOWSCOPE_DEBUG=1 shows the stack).\n`,
  );
  // FLOWSCOPE_DEBUG=1 shows the stack, for us; users never see one by default.
  if (io.env.FLOWSCOPE_DEBUG && caught instanceof Error && caught.stack)
    io.err(`${caught.stack}\n`);
  return ExitCode.internal;
}

function messageOf(caught: unknown): string {
  return caught instanceof Error ? caught.message : String(caught);
}

// The shape of one flowscope command. A command module registers itself on the program;
// cli/commands/index.ts lists them, so adding a command is one line there.
import type { Command } from "commander";
import type { ExitCode } from "../exit.ts";
import type { CliIo } from "../io.ts";

export interface CommandContext {
  io: CliIo;
  /** The process exit code once the command is done (the last call wins). */
  setExitCode(code: ExitCode): void;
}

export interface CommandModule {
  /** Adds the command (name, arguments, options, action) to `program`. */
  register(program: Command, context: CommandContext): void;
}

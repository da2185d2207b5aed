// The shape of one flowscope command, and `defineCommand`, which turns a plain description
// (name, argument, options, run) into one. cli/commands/index.ts lists the commands, so adding
// a command is one `defineCommand` in its own file and one line there.
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

export interface OptionSpec {
  /** Commander's flags, e.g. `--json` or `--experience <id>`. */
  flags: string;
  description: string;
  /** Commander refuses the command line without it (a usage error, exit 2). */
  required?: true;
}

export interface CommandSpec<Options> {
  name: string;
  /** One line for `--help`. */
  description: string;
  /** The one positional argument every command takes: [`<name>`, description]. */
  argument: readonly [name: string, description: string];
  /** In the order `--help` lists them. */
  options?: readonly OptionSpec[];
  /**
   * Does the work and says how it went. Expected failures throw a CliError (its message is
   * printed, its exit code used); anything else thrown is an internal error (cli/program.ts).
   */
  run(input: string, options: Options, context: CommandContext): Promise<ExitCode>;
}

/** A command that registers `spec` on the program and sets the exit code `run` resolves to. */
export function defineCommand<Options>(spec: CommandSpec<Options>): CommandModule {
  return {
    register(program, context) {
      const command = program
        .command(spec.name)
        .description(spec.description)
        .argument(...spec.argument);
      for (const { flags, description, required } of spec.options ?? []) {
        if (required) command.requiredOption(flags, description);
        else command.option(flags, description);
      }
      command.action(async (input: string, options: Options) => {
        context.setExitCode(await spec.run(input, options, context));
      });
    },
  };
}

/** The argument of every command that reads a project. */
export const projectArgument = ["<project.json>", "the project file"] as const;

/** `--json` for a command whose JSON output replaces its human output. */
export function jsonOption(what: string): OptionSpec {
  return { flags: "--json", description: `print ${what} as JSON on stdout, and nothing else` };
}

/** `--script <script.json>`, required by the commands that run a script. */
export function scriptOption(description: string): OptionSpec {
  return { flags: "--script <script.json>", description, required: true };
}

/** `--experience <id>`, required by the commands about one experience. */
export function experienceOption(description: string): OptionSpec {
  return { flags: "--experience <id>", description, required: true };
}

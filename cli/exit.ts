// Exit codes of every flowscope command (SPEC §4), plus our choice for bugs of our own.

export const ExitCode = {
  /** Done; for validate: no error (warnings allowed). */
  ok: 0,
  /** Valid JSON but wrong: validation errors, a script step that cannot be done, a failed replay. */
  invalid: 1,
  /** A file cannot be read or parsed, or the command line itself is wrong (usage). */
  unreadable: 2,
  /** A bug in Flowscope (sysexits EX_SOFTWARE), never a problem with the user's input. */
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An expected failure: its message is printed as is (no stack) and the CLI exits with `code`. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

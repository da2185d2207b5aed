// Everything the commands need from the outside world, behind one small interface so the
// formatting and the exit-code logic can be tested in-process.
import { mkdir, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { decodeUtf8Text, type Utf8Error } from "../machines/format/index.ts";
import { CliError, ExitCode } from "./exit.ts";

export interface CliIo {
  /** Writes to stdout as is (callers add the trailing newline). */
  out(text: string): void;
  /** Writes to stderr as is. */
  err(text: string): void;
  /** Whether stdout may carry ANSI colors. */
  color: boolean;
  /** Whether stderr is a terminal, where a long command may draw a progress bar. */
  progress?: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** no-color.org: NO_COLOR set to anything but "" turns colors off; so does a non-TTY stdout. */
export function colorAllowed(
  isTty: boolean,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const noColor = env.NO_COLOR;
  return isTty && (noColor === undefined || noColor === "");
}

export function processIo(): CliIo {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    color: colorAllowed(process.stdout.isTTY === true, process.env),
    progress: process.stderr.isTTY === true,
    env: process.env,
  };
}

/**
 * A file whose bytes are not UTF-8: exit 2, printed as a parse error is
 * (`file:line:col  error  parse  message`, cli/format/diagnostics.ts), with its byte offset.
 */
export class NotUtf8Error extends CliError {
  constructor(
    file: string,
    readonly place: Utf8Error,
  ) {
    super(
      `${file}:${place.line}:${place.column}  error  parse  ${place.message}`,
      ExitCode.unreadable,
    );
    this.name = "NotUtf8Error";
  }
}

/**
 * Reads a UTF-8 text file, as every command reads its JSON inputs (project, script,
 * recording). Unreadable: a CliError (exit 2) that names the file and why; not UTF-8: a
 * NotUtf8Error (exit 2). A byte-order mark stays in the text: the JSON parser drops one.
 */
export async function readTextFile(file: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (cause) {
    throw new CliError(`cannot read ${file}: ${describeFsError(cause)}`, ExitCode.unreadable);
  }
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) throw new NotUtf8Error(file, decoded.error);
  return decoded.text;
}

/**
 * Creates `folder` and its missing parents, one level at a time, or fails with a CliError
 * (exit 2) that says why. Not `mkdir(…, { recursive: true })`: on Node 20 it never settles
 * where a parent refuses new entries (/proc), and the command would hang.
 */
export async function makeFolder(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    const found = await stat(at).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code === "ENOENT" || cause.code === "ENOTDIR") return undefined;
      throw new CliError(`cannot create ${folder}: ${describeFsError(cause)}`, ExitCode.unreadable);
    });
    if (found?.isDirectory()) break;
    if (found) {
      throw new CliError(`cannot create ${folder}: ${at} is not a folder`, ExitCode.unreadable);
    }
    missing.unshift(at);
    if (dirname(at) === at) break; // the root itself is missing: mkdir will say so
  }
  for (const at of missing) {
    await mkdir(at).catch((cause: NodeJS.ErrnoException) => {
      if (cause.code === "EEXIST") return; // made meanwhile: fine
      throw new CliError(`cannot create ${folder}: ${describeFsError(cause)}`, ExitCode.unreadable);
    });
  }
}

function describeFsError(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return String(cause);
}

// ------------------------------------------------------------------------------ colors

const ansi = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
} as const;
export type Style = keyof typeof ansi;

/** Wraps `text` in an ANSI style when `enabled`, else returns it unchanged. */
export function paint(enabled: boolean, style: Style, text: string): string {
  if (!enabled) return text;
  const [open, close] = ansi[style];
  return `\u001b[${open}m${text}\u001b[${close}m`;
}

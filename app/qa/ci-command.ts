// The `flowscope replay …` command the QA panel shows after "Record" (issue 11 item 5): where to
// keep the recording so that the project it names is found, and the exact command for CI, for
// the one recording and for its folder. The names come from workspace/file-name.ts, the one rule.
import {
  documentFileName,
  isExampleLayout,
  type NamedDocument,
  recordingProject,
} from "../workspace/file-name.ts";

export interface CiReplay {
  /** The folder of the repository the recording goes in, POSIX-style. */
  folder: string;
  /** The recording's file name (its download name). */
  recordingFile: string;
  /** The project's file name: what "Export project" downloads. */
  projectFile: string;
  /** The recording's `project`, as written in it. */
  project: string;
  /** True for an example kept in the repository's examples/recordings/. */
  example: boolean;
  /** Replays this recording. */
  fileCommand: string;
  /** Replays every recording of the folder (projects in it are skipped). */
  folderCommand: string;
}

/** Where recordings of the user's own documents go, beside their projects. */
export const recordingsFolder = "recordings";
/** Where the repository keeps the examples' recordings (their `project` is `../<id>.json`). */
export const exampleRecordingsFolder = "examples/recordings";

/** An argument as a POSIX shell reads it back unchanged: quoted only when it needs to be. */
export function shellQuote(argument: string): string {
  if (/^[A-Za-z0-9_./:@%+=,-]+$/.test(argument)) return argument;
  return `'${argument.replaceAll("'", `'"'"'`)}'`;
}

export function ciReplay(doc: NamedDocument, recordingFile: string): CiReplay {
  const example = isExampleLayout(doc);
  const folder = example ? exampleRecordingsFolder : recordingsFolder;
  const command = (target: string) => `npx flowscope replay ${shellQuote(target)}`;
  return {
    folder,
    recordingFile,
    projectFile: documentFileName(doc),
    project: recordingProject(doc),
    example,
    fileCommand: command(`${folder}/${recordingFile}`),
    folderCommand: command(folder),
  };
}

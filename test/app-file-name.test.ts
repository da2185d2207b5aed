// The one file-name rule (issue 11 item 5): the project the app exports and the `project` of a
// recording made on the same document always agree, for any document name, renamed or not; the
// name is safe as a file name; and `flowscope replay` finds the exported project from the
// recording without renaming anything.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { examples } from "../app/examples/catalog.ts";
import { ciReplay, shellQuote } from "../app/qa/ci-command.ts";
import {
  emptyWorkspace,
  openDocument,
  renameDocument,
  type WorkspaceState,
  workspaceDocument,
} from "../app/workspace/document-model.ts";
import type { DocumentOrigin } from "../app/workspace/document-origin.ts";
import {
  documentFileName,
  fileBaseName,
  isExampleLayout,
  isSafeFileName,
  type NamedDocument,
  recordingFileName,
  recordingProject,
  sessionFileName,
} from "../app/workspace/file-name.ts";
import { resolveProjectFile } from "../cli/commands/replay.ts";

/** Any text a user could type or a file could carry: ASCII, accents, emoji, controls, paths. */
const nameArb = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "",
    " ",
    ".",
    "..",
    "../../etc/passwd",
    "C:\\Windows\\x",
    "CON",
    "nul.json",
    "New project",
    "New project (2)",
    "Café crème ✨",
    "調査",
    "a/b",
    ".json",
    "x.JSON",
    "-rf",
    "'; rm -rf / #",
  ),
);

const originArb: fc.Arbitrary<DocumentOrigin> = fc.oneof(
  fc.record({
    kind: fc.constant("example" as const),
    exampleId: fc.oneof(fc.constantFrom(...examples.map((e) => e.id)), nameArb),
  }),
  fc.record({
    kind: fc.constant("file" as const),
    fileName: fc.oneof(
      nameArb,
      nameArb.map((n) => `${n}.json`),
    ),
  }),
  fc.constantFrom(
    { kind: "paste" as const },
    { kind: "new" as const },
    { kind: "share" as const },
    { kind: "recording" as const },
  ),
);

/** A document as the workspace makes them: a file opens under its own name, mostly. */
const docArb: fc.Arbitrary<NamedDocument> = fc
  .record({ name: nameArb, origin: originArb, renamed: fc.boolean(), ownName: fc.boolean() })
  .map(({ name, origin, renamed, ownName }) => ({
    name:
      ownName && origin.kind === "file" ? origin.fileName.replace(/\.json$/i, "") || name : name,
    origin,
    renamed,
  }));

const baseOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);

describe("documentFileName and recordingProject agree", () => {
  it("for any document: the recording names the exported file, and the name is safe", () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const file = documentFileName(doc);
        const project = recordingProject(doc);
        expect(isSafeFileName(file)).toBe(true);
        expect(file).toMatch(/\.json$/i);
        // The recording's project is the exported file, beside it; an example not renamed is
        // the same file seen from examples/recordings/.
        if (isExampleLayout(doc))
          expect(project).toBe(`../${(doc.origin as { exampleId: string }).exampleId}.json`);
        else expect(project).toBe(file);
        expect(baseOf(project)).toBe(file);
        // Downloads start with the same stem, and are safe too.
        const stem = file.replace(/\.[^.]*$/, "");
        const recording = recordingFileName(doc, new Date("2026-02-03T04:05:06Z"));
        expect(recording).toBe(`${stem}.recording-2026-02-03-04-05-06.json`);
        expect(isSafeFileName(recording)).toBe(true);
        expect(sessionFileName(doc)).toBe(`${stem}.session.json`);
        expect(isSafeFileName(sessionFileName(doc))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("a renamed document, or one not from an example or a file, is named after its name", () => {
    fc.assert(
      fc.property(nameArb, originArb, (name, origin) => {
        const file = `${fileBaseName(name)}.json`;
        expect(documentFileName({ name, origin, renamed: true })).toBe(file);
        expect(recordingProject({ name, origin, renamed: true })).toBe(file);
        expect(fileBaseName(name)).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(fileBaseName(name).length).toBeLessThanOrEqual(100);
      }),
      { numRuns: 1000 },
    );
  });

  it("the bug of issue 11: a new project exports and records under one name", () => {
    const doc = { name: "New project", origin: { kind: "new" as const } };
    expect(documentFileName(doc)).toBe("new-project.json");
    expect(recordingProject(doc)).toBe("new-project.json");
    const renamed = { ...doc, name: "Checkout NPS — Q3 (EU)", renamed: true };
    expect(documentFileName(renamed)).toBe("checkout-nps-q3-eu.json");
    expect(recordingProject(renamed)).toBe("checkout-nps-q3-eu.json");
  });

  it("examples, opened files and session bundles", () => {
    const example = {
      name: "Nps survey",
      origin: { kind: "example" as const, exampleId: "nps-survey" },
    };
    expect(documentFileName(example)).toBe("nps-survey.json");
    expect(recordingProject(example)).toBe("../nps-survey.json");
    const invalid = {
      name: "x",
      origin: { kind: "example" as const, exampleId: "invalid/bad-cta" },
    };
    expect(documentFileName(invalid)).toBe("bad-cta.json");
    expect(recordingProject(invalid)).toBe("../invalid/bad-cta.json");
    // Renamed, an example is the user's own project: beside its recordings like any other.
    expect(recordingProject({ ...example, name: "Our NPS", renamed: true })).toBe("our-nps.json");
    // A file keeps its own name, spaces and case included…
    const file = { name: "My Flows", origin: { kind: "file" as const, fileName: "My Flows.json" } };
    expect(documentFileName(file)).toBe("My Flows.json");
    expect(recordingProject(file)).toBe("My Flows.json");
    // …unless the document took another name: a session bundle, a second copy, a rename.
    const bundle = { name: "NPS", origin: { kind: "file" as const, fileName: "nps.session.json" } };
    expect(documentFileName(bundle)).toBe("nps.json");
    expect(documentFileName({ ...file, name: "My Flows (2)" })).toBe("my-flows-2.json");
    expect(documentFileName({ ...file, renamed: true })).toBe("my-flows.json");
    // A name no file system takes is never kept.
    expect(documentFileName({ name: "CON", origin: { kind: "file", fileName: "CON.json" } })).toBe(
      "con-project.json",
    );
    expect(documentFileName({ name: "调查", origin: { kind: "paste" } })).toBe("project.json");
  });

  it("an example's recording, kept in examples/recordings/, names a file replay finds", () => {
    const recordings = join(import.meta.dirname, "..", "examples", "recordings");
    for (const example of examples) {
      const project = recordingProject({
        name: example.label,
        origin: { kind: "example", exampleId: example.id },
      });
      const found = resolveProjectFile(join(recordings, "new.json"), project);
      expect(readFileSync(found, "utf8")).toBe(example.text);
    }
  });
});

describe("on disk, as replay reads them", () => {
  const folder = mkdtempSync(join(tmpdir(), "flowscope-names-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("the exported project and the recording saved side by side: replay finds the project", () => {
    fc.assert(
      fc.property(docArb, fc.nat(), (doc, n) => {
        if (isExampleLayout(doc)) return; // those live in examples/recordings/ (test above)
        const exported = join(folder, documentFileName(doc));
        writeFileSync(exported, String(n));
        const recordingFile = join(folder, recordingFileName(doc, new Date(n)));
        writeFileSync(recordingFile, "{}");
        expect(resolveProjectFile(recordingFile, recordingProject(doc))).toBe(exported);
        expect(readFileSync(exported, "utf8")).toBe(String(n));
      }),
      { numRuns: 300 },
    );
  });
});

describe("renaming", () => {
  const origins: DocumentOrigin[] = [
    { kind: "new" },
    { kind: "example", exampleId: "nps-survey" },
    { kind: "file", fileName: "nps-survey.json" },
  ];
  function workspace(names: readonly string[]): WorkspaceState {
    return names.reduce(
      (state, name, i) =>
        openDocument(state, { name, text: "{}", origin: origins[i % 3] }, `d${i}`, i),
      emptyWorkspace,
    );
  }

  it("names the document, marks it renamed, and keeps every file name distinct", () => {
    fc.assert(
      fc.property(
        fc.array(nameArb, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), nameArb), { maxLength: 6 }),
        (names, renames) => {
          let state = workspace(names);
          const before = new Set(state.documents.map(documentFileName));
          fc.pre(before.size === state.documents.length);
          for (const [pick, name] of renames) {
            const doc = state.documents[pick % state.documents.length];
            state = renameDocument(state, doc.id, name, 100);
            const after = state.documents.find((d) => d.id === doc.id);
            if (!after) throw new Error("renaming lost the document");
            // What is saved still reads back (IndexedDB records are parsed on restore).
            expect(workspaceDocument.parse(after)).toEqual(after);
            if (after !== doc) {
              expect(after.renamed).toBe(true);
              expect(after.name.trim()).toBe(after.name);
              expect(after.name).not.toBe("");
              expect(documentFileName(after)).toBe(`${fileBaseName(after.name)}.json`);
            }
            const files = state.documents.map(documentFileName);
            expect(new Set(files).size).toBe(files.length);
            const shown = state.documents.map((d) => d.name);
            expect(new Set(shown).size).toBe(shown.length);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("trims, refuses a blank name, and numbers a name another document's file has", () => {
    let state = workspace(["New project", "Other"]);
    state = renameDocument(state, "d0", "   ", 5);
    expect(state.documents[0].name).toBe("New project");
    state = renameDocument(state, "d0", "  Checkout   survey ", 5);
    expect(state.documents[0]).toMatchObject({
      name: "Checkout survey",
      renamed: true,
      updatedAt: 5,
    });
    // "nps-survey" would export as nps-survey.json, the example d1's file: numbered.
    state = renameDocument(workspace(["A", "Nps survey"]), "d0", "NPS survey", 5);
    expect(state.documents[0].name).toBe("NPS survey (2)");
    expect(documentFileName(state.documents[0])).toBe("nps-survey-2.json");
  });
});

describe("the CI command", () => {
  it("replays the recording where the note says to keep it, and its folder", () => {
    const doc = { name: "Checkout NPS", origin: { kind: "new" as const }, renamed: true };
    const file = recordingFileName(doc, new Date("2026-02-03T04:05:06Z"));
    expect(ciReplay(doc, file)).toEqual({
      folder: "recordings",
      recordingFile: "checkout-nps.recording-2026-02-03-04-05-06.json",
      projectFile: "checkout-nps.json",
      project: "checkout-nps.json",
      example: false,
      fileCommand:
        "npx flowscope replay recordings/checkout-nps.recording-2026-02-03-04-05-06.json",
      folderCommand: "npx flowscope replay recordings",
    });
    const example = {
      name: "Nps survey",
      origin: { kind: "example" as const, exampleId: "nps-survey" },
    };
    expect(ciReplay(example, "nps-survey.recording-x.json")).toMatchObject({
      folder: "examples/recordings",
      project: "../nps-survey.json",
      example: true,
      fileCommand: "npx flowscope replay examples/recordings/nps-survey.recording-x.json",
    });
    const spaced = {
      name: "My Flows",
      origin: { kind: "file" as const, fileName: "My Flows.json" },
    };
    expect(ciReplay(spaced, "My Flows.recording-x.json").fileCommand).toBe(
      "npx flowscope replay 'recordings/My Flows.recording-x.json'",
    );
  });

  it("quotes an argument so a POSIX shell reads it back unchanged", () => {
    expect(shellQuote("a/b.json")).toBe("a/b.json");
    expect(shellQuote("it's here.json")).toBe(`'it'"'"'s here.json'`);
    expect(shellQuote("$(rm) `x` *.json")).toBe("'$(rm) `x` *.json'");
  });
});

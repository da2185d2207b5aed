// The workspace's documents: opening never replaces text (edits are never lost), an example
// opens once, names stay distinct, closing picks a neighbour; the new-project template is valid;
// imports tell a session bundle from a project.
import { describe, expect, it } from "vitest";
import { bundleText, makeBundle, nameFromFile, readImport } from "../app/persistence/bundle.ts";
import { emptySession } from "../app/persistence/session-model.ts";
import {
  activeDocument,
  closeDocument,
  editDocument,
  emptyWorkspace,
  isEdited,
  openDocument,
  revertDocument,
  type WorkspaceState,
} from "../app/workspace/document-model.ts";
import { newProjectText } from "../app/workspace/template.ts";
import { validateText } from "../machines/validate/index.ts";

const example = (id: string, text = `{"id":"${id}"}`) => ({
  name: id,
  text,
  origin: { kind: "example" as const, exampleId: id },
});

function openAll(...names: string[]): WorkspaceState {
  return names.reduce(
    (state, name, i) =>
      openDocument(state, { name, text: name, origin: { kind: "paste" } }, `d${i}`, i),
    emptyWorkspace,
  );
}

describe("workspace documents", () => {
  it("keeps an edited example when it is opened again, and selects it", () => {
    let state = openDocument(emptyWorkspace, example("nps"), "a", 1);
    state = editDocument(state, "a", "edited", 2);
    state = openDocument(state, example("tour"), "b", 3);
    state = openDocument(state, example("nps"), "c", 4);
    expect(state.documents.map((d) => d.id)).toEqual(["a", "b"]);
    expect(activeDocument(state)?.text).toBe("edited");
    expect(isEdited(activeDocument(state) as never)).toBe(true);
    state = revertDocument(state, "a", 5);
    expect(activeDocument(state)?.text).toBe('{"id":"nps"}');
    expect(isEdited(activeDocument(state) as never)).toBe(false);
  });

  it("adds pasted and new documents beside the others, with distinct names", () => {
    const state = openAll("Pasted project", "Pasted project", "Pasted project");
    expect(state.documents.map((d) => d.name)).toEqual([
      "Pasted project",
      "Pasted project (2)",
      "Pasted project (3)",
    ]);
  });

  it("closing the active document activates its neighbour", () => {
    let state = openAll("a", "b", "c");
    state = { ...state, activeId: "d1" };
    state = closeDocument(state, "d1");
    expect(state.activeId).toBe("d2");
    state = closeDocument(state, "d2");
    expect(state.activeId).toBe("d0");
    state = closeDocument(state, "d0");
    expect(state).toEqual({ documents: [], activeId: null });
  });
});

describe("new project template", () => {
  it("is a valid project without warnings", () => {
    const result = validateText(newProjectText());
    expect(result.parseError).toBeUndefined();
    expect(result.diagnostics).toEqual([]);
    expect(result.project?.experiences).toHaveLength(1);
  });
});

describe("import", () => {
  it("opens an exported session as a bundle and anything else as a project", () => {
    const bundle = makeBundle("NPS", '{"version":1}', emptySession());
    expect(readImport("nps.session.json", bundleText(bundle))).toEqual({
      kind: "bundle",
      name: "NPS",
      project: '{"version":1}',
      session: emptySession(),
    });
    expect(readImport("dir/nps-survey.json", "{ broken")).toEqual({
      kind: "project",
      name: "nps-survey",
      project: "{ broken",
    });
    expect(nameFromFile("C:\\work\\x.JSON")).toBe("x");
  });
});

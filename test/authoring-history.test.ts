// The one undo history (issue 12): entries keep the change, not the text; undo and redo give
// back the exact texts; typing groups, other edits do not; a new edit clears redo; the depth
// is capped; revert is undoable; close and load keep the history only where it still fits.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { historyKey } from "../app/authoring/history-keys.ts";
import {
  applyChange,
  diffTexts,
  emptyHistory,
  historyDepth,
  invertChange,
  recordEdit,
  redoEdit,
  typingGroupMs,
  undoEdit,
} from "../app/workspace/history.ts";
import { createWorkspaceStore } from "../app/workspace/workspace-store.ts";

function storeWith(text: string) {
  let clock = 0;
  const store = createWorkspaceStore(
    undefined,
    () => clock,
    () => "doc",
  );
  store.open({ name: "p", text, origin: { kind: "paste" } });
  const textNow = () => store.getState().documents[0].text;
  return { store, textNow, tick: (ms: number) => (clock += ms) };
}

describe("the change an entry keeps", () => {
  it("is the common prefix/suffix diff, and applying it or its inverse gives each text back", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const change = diffTexts(before, after);
        if (before === after) {
          expect(change).toBeUndefined();
          return;
        }
        if (!change) throw new Error("no change found");
        expect(applyChange(before, change)).toBe(after);
        expect(applyChange(after, invertChange(change))).toBe(before);
        expect(change.removed.length + change.inserted.length).toBeLessThanOrEqual(
          before.length + after.length,
        );
      }),
    );
  });

  it("never holds the whole text for a small edit of a large one", () => {
    const large = `{"a": "${"x".repeat(100_000)}"}`;
    const history = recordEdit(emptyHistory, large, large.replace('"a"', '"b"'), "form", 0);
    expect(history.done[0].change).toEqual({ offset: 2, removed: "a", inserted: "b" });
  });
});

describe("undo and redo", () => {
  it("round-trip any sequence of edits to the exact texts (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({ maxLength: 30 }),
            origin: fc.constantFrom("type", "form", "canvas", "format") as fc.Arbitrary<
              "type" | "form" | "canvas" | "format"
            >,
            wait: fc.integer({ min: 0, max: 3000 }),
          }),
          { maxLength: 12 },
        ),
        (edits) => {
          const { store, textNow, tick } = storeWith("start");
          const seen = ["start"];
          for (const edit of edits) {
            tick(edit.wait);
            store.edit("doc", edit.text, edit.origin);
            if (textNow() !== seen.at(-1)) seen.push(textNow());
          }
          // Undo all the way: every text met on the way back was a text the document had.
          const back = [textNow()];
          while (store.canUndo("doc")) {
            store.undo("doc");
            back.push(textNow());
          }
          expect(textNow()).toBe("start");
          for (const text of back) expect(seen).toContain(text);
          // Redo all the way: back at the last text, through the same texts in reverse.
          const forward = [textNow()];
          while (store.canRedo("doc")) {
            store.redo("doc");
            forward.push(textNow());
          }
          expect(forward).toEqual(back.slice().reverse());
          expect(textNow()).toBe(seen.at(-1));
        },
      ),
    );
  });

  it("groups typing within a second into one entry; a form edit is one entry of its own", () => {
    const { store, textNow, tick } = storeWith("ab");
    store.edit("doc", "abc", "type");
    tick(300);
    store.edit("doc", "abcd", "type");
    tick(300);
    store.edit("doc", "abcde", "type");
    store.edit("doc", "abcde!", "form");
    store.edit("doc", "abcde!?", "form");
    store.undo("doc");
    expect(textNow()).toBe("abcde!");
    store.undo("doc");
    expect(textNow()).toBe("abcde");
    store.undo("doc");
    expect(textNow()).toBe("ab");
    expect(store.canUndo("doc")).toBe(false);
  });

  it("starts a new entry after a pause, and after an undo", () => {
    const { store, textNow, tick } = storeWith("");
    store.edit("doc", "a", "type");
    tick(typingGroupMs + 1);
    store.edit("doc", "ab", "type");
    store.undo("doc");
    expect(textNow()).toBe("a");
    store.edit("doc", "ax", "type");
    store.undo("doc");
    expect(textNow()).toBe("a");
  });

  it("does not group typing at two places apart", () => {
    const { store, textNow } = storeWith("0123456789");
    store.edit("doc", "x0123456789", "type");
    store.edit("doc", "x0123456789y", "type");
    store.undo("doc");
    expect(textNow()).toBe("x0123456789");
  });

  it("clears redo on a new edit", () => {
    const { store, textNow } = storeWith("a");
    store.edit("doc", "b", "form");
    store.undo("doc");
    expect(store.canRedo("doc")).toBe(true);
    store.edit("doc", "c", "form");
    expect(store.canRedo("doc")).toBe(false);
    store.redo("doc");
    expect(textNow()).toBe("c");
  });

  it("forgets the oldest entries beyond the depth", () => {
    let history = emptyHistory;
    let text = "";
    for (let n = 0; n < historyDepth + 20; n++) {
      const next = `${text}.`;
      history = recordEdit(history, text, next, "form", n);
      text = next;
    }
    expect(history.done).toHaveLength(historyDepth);
    let current = { text, history };
    let steps = 0;
    for (
      let undone = undoEdit(history, text);
      undone;
      undone = undoEdit(current.history, current.text)
    ) {
      current = undone;
      steps++;
    }
    expect(steps).toBe(historyDepth);
    expect(current.text).toBe(".".repeat(20));
    expect(redoEdit(current.history, current.text)?.text).toBe(".".repeat(21));
  });

  it("undoes a revert; closing drops the history; loading keeps it only for the same text", () => {
    const { store, textNow } = storeWith("original");
    store.edit("doc", "edited", "form");
    store.revert("doc");
    expect(textNow()).toBe("original");
    store.undo("doc");
    expect(textNow()).toBe("edited");
    store.load(store.getState());
    expect(store.canUndo("doc")).toBe(true);
    const doc = store.getState().documents[0];
    store.load({ documents: [{ ...doc, text: "other" }], activeId: "doc" });
    expect(store.canUndo("doc")).toBe(false);
    store.edit("doc", "again", "form");
    store.close("doc");
    expect(store.canUndo("doc")).toBe(false);
  });
});

describe("the history keys outside text fields", () => {
  it("read Mod-z as undo, Mod-Shift-z and Mod-y as redo, and nothing else", () => {
    const key = (
      key: string,
      mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>>,
    ) =>
      historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });
    expect(key("z", { ctrlKey: true })).toBe("undo");
    expect(key("z", { metaKey: true })).toBe("undo");
    expect(key("Z", { ctrlKey: true, shiftKey: true })).toBe("redo");
    expect(key("y", { ctrlKey: true })).toBe("redo");
    expect(key("z", {})).toBeUndefined();
    expect(key("z", { ctrlKey: true, altKey: true })).toBeUndefined();
    expect(key("x", { ctrlKey: true })).toBeUndefined();
  });
});

// Saved work in IndexedDB (fake-indexeddb): what is saved comes back exactly; what does not
// fit the format is skipped, not thrown; the debouncer writes once per burst.
import { IDBFactory } from "fake-indexeddb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { debounce } from "../app/persistence/debounce.ts";
import { openDatabase, storeOf } from "../app/persistence/idb.ts";
import { SavedWork } from "../app/persistence/saved-work.ts";
import { emptySession, type SavedSession } from "../app/persistence/session-model.ts";
import type { WorkspaceDocument } from "../app/workspace/document-model.ts";

function doc(
  id: string,
  createdAt: number,
  text = `{"version":1,"id":"${id}"}`,
): WorkspaceDocument {
  return {
    id,
    name: `Doc ${id}`,
    text,
    origin: { kind: "paste" },
    originalText: text,
    createdAt,
    updatedAt: createdAt,
  };
}

const session: SavedSession = {
  user: { id: "u-ana", attributes: { plan: "pro", nested: { a: [1, null, "x"] } } },
  personaId: "pro-admin",
  start: { url: "/dashboard", at: "2026-01-05T09:00:00Z" },
  steps: [
    { do: "answer", value: 10 },
    { do: "click", cta: "review", settle: false },
  ],
  selectedExperience: "quarterly-nps",
};

describe("SavedWork", () => {
  it("restores documents in opening order, their sessions and the active one", async () => {
    const factory = new IDBFactory();
    const first = await SavedWork.open(factory);
    await first.saveDocument(doc("b", 2));
    await first.saveDocument(doc("a", 1));
    await first.saveDocument({ ...doc("b", 2), text: "edited", updatedAt: 5 });
    await first.saveSession("b", session);
    await first.saveActiveId("b");
    first.close();

    // A new connection, as after a reload.
    const second = await SavedWork.open(factory);
    const restored = await second.restore();
    expect(restored.documents.map((d) => d.id)).toEqual(["a", "b"]);
    expect(restored.documents[1].text).toBe("edited");
    expect(restored.sessions.get("b")).toEqual(session);
    expect(restored.sessions.has("a")).toBe(false);
    expect(restored.activeId).toBe("b");
    expect(restored.skipped).toEqual([]);
  });

  it("forgets a deleted document with its session, and an active id that no longer exists", async () => {
    const work = await SavedWork.open(new IDBFactory());
    await work.saveDocument(doc("a", 1));
    await work.saveSession("a", emptySession());
    await work.saveActiveId("a");
    await work.deleteDocument("a");
    const restored = await work.restore();
    expect(restored.documents).toEqual([]);
    expect(restored.sessions.size).toBe(0);
    expect(restored.activeId).toBeNull();
  });

  it("skips records that do not fit the format instead of failing", async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory, "flowscope", 1, ["documents", "sessions", "meta"]);
    await storeOf(db, "documents").put("bad", { id: "bad", text: 42 });
    await storeOf(db, "documents").put("good", doc("good", 1));
    await storeOf(db, "sessions").put("good", { steps: [{ do: "teleport" }] });
    db.close();

    const restored = await (await SavedWork.open(factory)).restore();
    expect(restored.documents.map((d) => d.id)).toEqual(["good"]);
    expect(restored.sessions.size).toBe(0);
    expect(restored.skipped).toEqual(["document bad", "session good"]);
  });

  it("fails with a clear error when IndexedDB is missing", async () => {
    await expect(SavedWork.open(undefined)).rejects.toThrow(/IndexedDB is not available/);
  });
});

describe("debounce", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs once with the latest value after the burst, and flush runs it now", () => {
    vi.useFakeTimers();
    const run = vi.fn();
    const saver = debounce(run, 300);
    saver.schedule(1);
    vi.advanceTimersByTime(200);
    saver.schedule(2);
    vi.advanceTimersByTime(299);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledExactlyOnceWith(2);

    saver.schedule(3);
    expect(saver.pending()).toBe(true);
    saver.flush();
    expect(run).toHaveBeenLastCalledWith(3);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(2);
    saver.flush();
    expect(run).toHaveBeenCalledTimes(2);
  });
});

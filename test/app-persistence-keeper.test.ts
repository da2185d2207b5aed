// The keeper: what the workspace and sessions hold survives a "reload" (a new keeper on the same
// IndexedDB) exactly; a share link opens as a new document with its session; bad links and
// unreadable records are reported, never thrown.
import { IDBFactory } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import { type Keeper, type KeeperOptions, startKeeper } from "../app/persistence/keeper.ts";
import { SavedWork } from "../app/persistence/saved-work.ts";
import type { SavedSession } from "../app/persistence/session-model.ts";
import { createSessionRegistry } from "../app/persistence/session-registry.ts";
import { encodeJsonToken, encodeSharedState, shareUrl } from "../app/persistence/share-codec.ts";
import { createWorkspaceStore } from "../app/workspace/workspace-store.ts";

const session: SavedSession = {
  user: { id: "u-ana", attributes: { plan: "pro" } },
  personaId: "pro-admin",
  start: { url: "/dashboard", at: "2026-01-05T09:00:00Z" },
  steps: [{ do: "answer", value: 10 }],
  selectedExperience: "quarterly-nps",
};

/** One page load: fresh in-memory stores on the given database. */
async function load(factory: IDBFactory, hash = "") {
  let ids = 0;
  const workspace = createWorkspaceStore(
    undefined,
    () => 1000,
    () => `doc-${++ids}`,
  );
  const sessions = createSessionRegistry();
  const notices: string[] = [];
  let cleared = false;
  const options: KeeperOptions = {
    workspace,
    sessions,
    work: await SavedWork.open(factory),
    hash,
    clearHash: () => {
      cleared = true;
    },
    firstDocument: () => ({ name: "First", text: "{}", origin: { kind: "new" } }),
    newId: () => `shared-${++ids}`,
    onStatus: () => {},
    onNotice: (message) => notices.push(message),
    delayMs: 10,
  };
  const keeper: Keeper = await startKeeper(options);
  return { workspace, sessions, keeper, notices, cleared: () => cleared };
}

describe("keeper", () => {
  it("opens the first document when nothing was saved", async () => {
    const page = await load(new IDBFactory());
    expect(page.workspace.getState().documents.map((d) => d.name)).toEqual(["First"]);
    page.keeper.stop();
  });

  it("restores documents, edits, the active one and sessions after a reload", async () => {
    const factory = new IDBFactory();
    const first = await load(factory);
    const a = first.workspace.open({ name: "A", text: '{"a":1}', origin: { kind: "paste" } });
    const b = first.workspace.open({ name: "B", text: '{"b":1}', origin: { kind: "new" } });
    first.workspace.edit(a, '{"a":2}');
    first.workspace.select(a);
    first.sessions.set(a, session);
    first.workspace.close(first.workspace.getState().documents[0].id); // "First"
    await first.keeper.flush();
    first.keeper.stop();

    const second = await load(factory);
    const state = second.workspace.getState();
    expect(state.documents.map((d) => [d.id, d.name, d.text])).toEqual([
      [a, "A", '{"a":2}'],
      [b, "B", '{"b":1}'],
    ]);
    expect(state.documents[0].originalText).toBe('{"a":1}');
    expect(state.activeId).toBe(a);
    expect(second.sessions.get(a)).toEqual(session);
    second.keeper.stop();
  });

  it("autosaves after the quiet time without an explicit flush", async () => {
    const factory = new IDBFactory();
    const first = await load(factory);
    const id = first.workspace.getState().documents[0].id;
    first.workspace.edit(id, '{"edited":true}');
    await new Promise((resolve) => setTimeout(resolve, 80));
    await first.keeper.flush();
    first.keeper.stop();
    const second = await load(factory);
    expect(second.workspace.getState().documents[0].text).toBe('{"edited":true}');
    second.keeper.stop();
  });

  it("opens a share link as a new document with its session, then clears the hash", async () => {
    const factory = new IDBFactory();
    const token = await encodeSharedState({
      v: 1,
      name: "Shared NPS",
      project: '{"v":1}',
      session,
    });
    const hash = new URL(shareUrl("http://x/", token)).hash;
    const page = await load(factory, hash);
    const state = page.workspace.getState();
    const shared = state.documents.find((d) => d.name === "Shared NPS");
    expect(shared?.text).toBe('{"v":1}');
    expect(shared?.origin).toEqual({ kind: "share" });
    expect(state.activeId).toBe(shared?.id);
    expect(page.sessions.get(shared?.id as string)).toEqual(session);
    expect(page.cleared()).toBe(true);
    page.keeper.stop();
  });

  it("keeps a shared document and the first document through a reload, unedited", async () => {
    const factory = new IDBFactory();
    const token = await encodeSharedState({ v: 1, name: "Shared NPS", project: "{}", session });
    const first = await load(factory);
    first.workspace.open({ name: "Mine", text: "{}", origin: { kind: "new" } });
    await first.keeper.flush();
    first.keeper.stop();
    const second = await load(factory);
    expect(second.workspace.getState().documents.map((d) => d.name)).toEqual(["First", "Mine"]);
    second.keeper.stop();

    // A share link (its token then leaves the address): the reload restores it from storage.
    const other = new IDBFactory();
    const linked = await load(other, new URL(shareUrl("http://x/", token)).hash);
    await linked.keeper.flush();
    linked.keeper.stop();
    const reloaded = await load(other);
    const shared = reloaded.workspace.getState().documents.find((d) => d.name === "Shared NPS");
    expect(shared?.text).toBe("{}");
    expect(reloaded.sessions.get(shared?.id as string)).toEqual(session);
    reloaded.keeper.stop();
  });

  it("opens a link of 20,000 steps with the first 1,000 and says what it left out", async () => {
    const steps = Array.from({ length: 20_000 }, () => ({ do: "advance", hours: 1 }));
    const token = await encodeJsonToken({
      v: 1,
      name: "Bomb",
      project: "{}",
      session: { ...session, steps },
    });
    const page = await load(new IDBFactory(), new URL(shareUrl("http://x/", token)).hash);
    const shared = page.workspace.getState().documents.find((d) => d.name === "Bomb");
    expect(page.sessions.get(shared?.id as string)?.steps).toHaveLength(1_000);
    expect(page.notices).toEqual([
      "Opened the shared session “Bomb”. The link carried 20,000 script steps, more than the 1,000 it may carry: the first 1,000 were opened and the last 19,000 left out.",
    ]);
    page.keeper.stop();
  });

  it("reports a damaged share link and still opens the page", async () => {
    const page = await load(new IDBFactory(), "#share=v1.d.%%%");
    expect(page.notices.join()).toMatch(/cannot be opened/);
    expect(page.workspace.getState().documents).toHaveLength(1);
    expect(page.cleared()).toBe(true);
    page.keeper.stop();
  });
});

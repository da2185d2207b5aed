// Nothing saved is lost (issue 9 item 8): simulation snapshots written by version 1 of the
// engine (the router machines, before the routed ones) restore by migration and run on;
// sessions saved in IndexedDB and share links of version 1 still open. The fixtures in
// test/fixtures/v1/ were written by the engine and app of commit 621e459.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { savedSession } from "../app/persistence/session-model.ts";
import { decodeSharedState } from "../app/persistence/share-codec.ts";
import {
  createSimulation,
  migrateSnapshot,
  restoreSimulation,
  type SnapshotV1,
  simulate,
} from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";

const root = join(import.meta.dirname, "..");
const fixture = (name: string) => readFileSync(join(root, "test", "fixtures", "v1", name), "utf8");
const example = (name: string) =>
  projectSchema.parse(JSON.parse(readFileSync(join(root, "examples", name), "utf8")));

describe("version 1 simulation snapshots", () => {
  it("migrate to version 2 with the actor on the same step and the history in its context", () => {
    const project = example("onboarding-tour.json");
    const v1 = JSON.parse(fixture("onboarding-snapshot.v1.json")) as SnapshotV1;
    expect(v1.version).toBe(1);
    const v2 = migrateSnapshot(project, structuredClone(v1));
    expect(v2.version).toBe(2);
    const actor = v2.actors["workspace-onboarding"] as { value: string; context: unknown };
    expect(actor.value).toBe("name-project");
    expect(actor.context).toEqual({
      history: ["welcome", "create-project", "name-project"],
      snoozeCount: 0,
    });
  });

  it("restore and run on: Back twice returns along the saved history (SPEC §3.2)", () => {
    const project = example("onboarding-tour.json");
    const restored = restoreSimulation(project, JSON.parse(fixture("onboarding-snapshot.v1.json")));
    restored.run({ do: "click", cta: "back" });
    expect(restored.world().experiences["workspace-onboarding"].step).toBe("create-project");
    restored.run({ do: "click", cta: "back" });
    expect(restored.world().experiences["workspace-onboarding"].step).toBe("welcome");
    // A third Back has nothing to go back to: it warns and stays.
    restored.run({ do: "click", cta: "start" });
    expect(restored.world().experiences["workspace-onboarding"].step).toBe("create-project");
    expect(restored.snapshot().version).toBe(2);
  });

  it("a restored v1 survey ends where a fresh run of the same script ends", () => {
    const project = example("nps-survey.json");
    const restored = restoreSimulation(project, JSON.parse(fixture("nps-snapshot.v1.json")));
    const before = restored.world();
    restored.run({ do: "answer", value: 10 });
    const fresh = createSimulation(project, {
      user: before.user,
      start: { url: "/dashboard" },
    });
    fresh.run({ do: "answer", value: 10 });
    expect(restored.result().experiences).toEqual(fresh.result().experiences);
    expect(restored.result().experiences["quarterly-nps"].step).not.toBe("score");
  });
});

describe("version 1 saved sessions and share links", () => {
  it("an IndexedDB session record of version 1 parses and replays", () => {
    const session = savedSession.parse(JSON.parse(fixture("idb-session.v1.json")));
    const result = simulate(example("nps-survey.json"), session);
    expect(result.experiences["quarterly-nps"].visited[0]).toBe("score");
    expect(result.experiences["quarterly-nps"].visited.length).toBeGreaterThan(1);
  });

  it("a share link of version 1 opens and its script replays on its project", async () => {
    const { state, leftOut } = await decodeSharedState(fixture("share-link.v1.txt").trim());
    expect(leftOut).toBeNull();
    const project = projectSchema.parse(JSON.parse(state.project));
    const result = simulate(project, state.session);
    expect(result.experiences["quarterly-nps"].visited[0]).toBe("score");
  });
});

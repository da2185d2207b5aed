// Every recording in examples/recordings replays in-process with no mismatch, and its
// expectations have teeth: a changed status or a reversed trace makes it fail.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type ReplayOutcome, replayRecording } from "../cli/commands/replay.ts";
import { formatMismatches, matchExpectation } from "../machines/engine/expect.ts";

const folder = join(import.meta.dirname, "..", "examples", "recordings");
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort();

describe("examples/recordings", () => {
  it("has a recording per use case of the issue", () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files)("%s replays with every expectation holding", async (name) => {
    const outcome = await replayRecording(join(folder, name));
    // The failure message is the diff `flowscope replay` would print.
    expect(outcome.mismatches, formatMismatches(outcome.mismatches)).toEqual([]);
    expectTeeth(outcome);
  });
});

/** A recording that still passes after its expectations are broken would check nothing. */
function expectTeeth({ recording, result }: ReplayOutcome): void {
  const trace = recording.expect.trace as unknown[] | undefined;
  expect(new Set(trace?.map((entry) => JSON.stringify(entry))).size).toBeGreaterThanOrEqual(2);
  const reversed = { ...recording.expect, trace: [...(trace ?? [])].reverse() };
  expect(matchExpectation(reversed, result).length).toBeGreaterThan(0);

  const experiences = (recording.expect.experiences ?? {}) as Record<string, { status?: string }>;
  for (const [id, state] of Object.entries(experiences)) {
    if (state.status === undefined) continue;
    const other = state.status === "completed" ? "dismissed" : "completed";
    const changed = {
      ...recording.expect,
      experiences: { ...experiences, [id]: { ...state, status: other } },
    };
    expect(matchExpectation(changed, result).map((m) => m.path)).toEqual([
      `/experiences/${id}/status`,
    ]);
  }
}

// The timeline's lanes, read off real engine traces: one lane per action of a list, from its
// firing to its landing (the latency of SPEC §3.4), a launch interrupted by a same-tab
// navigation marked as such, actions still in flight told apart from dropped ones.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSessionStore } from "../app/session/store.ts";
import { describeEntry, entryTone, formatAt } from "../app/timeline/describe.ts";
import { actionLists, latencyOf, spanOf } from "../app/timeline/lanes.ts";
import { momentGroups } from "../app/timeline/moments.ts";
import { createSimulation, simulate } from "../machines/engine/index.ts";
import { latencyOf as ruleLatency } from "../machines/rules/latency.ts";
import { validateText } from "../machines/validate/index.ts";
import { projectArb, scriptArb } from "./arbitraries.ts";

const text = (path: string) => readFileSync(path, "utf8");
function projectOf(path: string) {
  const project = validateText(text(path)).project;
  if (!project) throw new Error(`${path} is not valid`);
  return project;
}
const ctaProject = projectOf("examples/multi-action-cta.json");
const recording = JSON.parse(text("examples/recordings/cta-navigation-interrupts-launch.json"));

describe("action lanes", () => {
  it("draws the CTA's three actions with their latencies and marks the interrupted launch", () => {
    const result = simulate(ctaProject, recording.script);
    const lists = actionLists(result.trace);
    const cta = lists.find((l) => l.experience === "profile-nudge" && l.lanes.length === 3);
    expect(cta?.lanes.map((l) => [l.action, latencyOf(l), l.outcome])).toEqual([
      ["launchExperience", 300, "interrupted"],
      ["runJs", 0, "landed"],
      ["navigateTo", 400, "landed"],
    ]);
    expect(cta?.lanes[0].target).toBe("profile-tour");
    expect(cta?.raced).toBe(true);
    if (cta) expect(spanOf(cta, result.trace.at(-1)?.at ?? 0)).toBe(400);
  });

  it("a launch that lands on the target's page is not interrupted", () => {
    const other = JSON.parse(
      text("examples/recordings/cta-launch-survives-navigation-to-its-page.json"),
    );
    const lists = actionLists(simulate(ctaProject, other.script).trace);
    const launch = lists.flatMap((l) => l.lanes).find((l) => l.action === "launchExperience");
    expect(launch?.outcome).toBe("landed");
  });

  it("tells actions in flight from dropped ones", () => {
    const sim = createSimulation(ctaProject, {
      user: recording.script.user,
      start: recording.script.start,
    });
    sim.run({ do: "click", cta: "complete-profile", settle: false });
    const lists = actionLists(sim.world().trace, sim.pending());
    expect(lists[0].lanes.map((l) => l.outcome)).toEqual(["inFlight", "inFlight", "inFlight"]);
    expect(
      actionLists(sim.world().trace, []).flatMap((l) => l.lanes.map((x) => x.outcome)),
    ).toEqual(["dropped", "dropped", "dropped"]);
  });

  it("on any project and script, every landed lane took its action's latency", () => {
    fc.assert(
      fc.property(projectArb, scriptArb(8), (project, script) => {
        let result: ReturnType<typeof simulate>;
        try {
          result = simulate(project, script);
        } catch {
          return; // a script step that cannot be done: nothing to draw
        }
        const lanes = actionLists(result.trace).flatMap((l) => l.lanes);
        const fired = result.trace.filter((e) => e.type === "action.fired").length;
        expect(lanes).toHaveLength(fired);
        for (const lane of lanes) {
          const latency = latencyOf(lane);
          if (latency === null) continue;
          expect(latency).toBeGreaterThanOrEqual(0);
          if (lane.action !== "navigateTo") {
            const action = { type: lane.action } as Parameters<typeof ruleLatency>[0];
            expect(latency).toBe(ruleLatency(action, project.settings));
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("entries and moments", () => {
  it("groups the trace under the script step that recorded it", () => {
    const store = createSessionStore({ debounceMs: 0 });
    store.openDocument("nps", text("examples/nps-survey.json"));
    store.run({ do: "answer", value: 10 });
    store.run({ do: "click", cta: "done" });
    const { moments, timeline } = store.getState();
    const groups = momentGroups(moments, timeline);
    expect(groups.map((g) => g.label)).toEqual(["start", "answer 10", 'click "done"']);
    expect(groups.at(-1)?.end).toBe(timeline.length);
    for (let i = 1; i < groups.length; i++) expect(groups[i].start).toBe(groups[i - 1].end);
  });

  it("words and flags entries", () => {
    const interrupted = { at: 300, type: "launch.interrupted", experience: "t", url: "/inbox" };
    expect(describeEntry(interrupted)).toBe("launch of t interrupted by navigation to /inbox");
    expect(entryTone(interrupted)).toBe("race");
    expect(entryTone({ at: 0, type: "warning" })).toBe("warning");
    expect(formatAt(400)).toBe("400 ms");
    expect(formatAt(90 * 60_000)).toBe("1 h 30 min");
  });
});

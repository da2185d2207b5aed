// The timeline's lanes, read off real engine traces: one lane per action of a list, from its
// firing to its landing (the latency of SPEC §3.4), a launch interrupted by a same-tab
// navigation marked as such, actions still in flight told apart from dropped ones.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSessionStore } from "../app/session/store.ts";
import { describeEntry, entryTone } from "../app/timeline/describe.ts";
import { formatDuration, formatHours } from "../app/timeline/duration.ts";
import { goToTargets } from "../app/timeline/go-to.ts";
import { actionLists, latencyOf, spanOf } from "../app/timeline/lanes.ts";
import { momentGroups } from "../app/timeline/moments.ts";
import { projectWords } from "../app/timeline/words.ts";
import { whyView } from "../app/why/why-model.ts";
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
    const groups = momentGroups(
      moments,
      timeline,
      projectWords(projectOf("examples/nps-survey.json")),
    );
    expect(groups.map((g) => g.label)).toEqual(["start", "answer 10", "click “Done”"]);
    expect(groups.at(-1)?.end).toBe(timeline.length);
    for (let i = 1; i < groups.length; i++) expect(groups[i].start).toBe(groups[i - 1].end);
  });

  it("words and flags entries", () => {
    const interrupted = { at: 300, type: "launch.interrupted", experience: "t", url: "/inbox" };
    expect(describeEntry(interrupted)).toBe("launch of t interrupted by navigation to /inbox");
    expect(entryTone(interrupted)).toBe("race");
    expect(entryTone({ at: 0, type: "warning" })).toBe("warning");
  });
});

describe("durations: one formatter (issue 12)", () => {
  const hour = 3_600_000;

  it("writes durations as a person does", () => {
    const cases: [number, string][] = [
      [0, "0 s"],
      [400, "400 ms"],
      [1500, "1.5 s"],
      [42_000, "42 s"],
      [61_000, "1 min 1 s"],
      [30 * 60_000, "30 min"],
      [hour, "1 h"],
      [90 * 60_000, "1 h 30 min"],
      [24 * hour, "1 d"],
      [51 * hour, "2 d 3 h"],
      [2160 * hour, "90 d"],
    ];
    for (const [ms, words] of cases) expect(formatDuration(ms), String(ms)).toBe(words);
    expect(formatHours(2160)).toBe("90 d");
    expect(formatHours(0.5)).toBe("30 min");
  });

  it("never counts past a unit's size: no 2160 h, no 3600000 ms", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * 24 * hour }), (ms) => {
        const words = formatDuration(ms);
        const count = (unit: string) =>
          Number(new RegExp(`(\\d+(?:\\.\\d+)?) ${unit}\\b`).exec(words)?.[1] ?? 0);
        expect(count("ms")).toBeLessThan(1000);
        expect(count("s")).toBeLessThan(60);
        expect(count("min")).toBeLessThan(60);
        expect(count("h")).toBeLessThan(24);
      }),
    );
  });
});

describe("the timeline in labels, not ids (issue 12)", () => {
  const npsProject = projectOf("examples/nps-survey.json");
  const words = projectWords(npsProject);

  function npsStore() {
    const store = createSessionStore({ debounceMs: 0 });
    store.openDocument("nps", text("examples/nps-survey.json"));
    return store;
  }

  function entryTexts(store: ReturnType<typeof npsStore>) {
    const { timeline, moments } = store.getState();
    const last = moments[moments.length - 1];
    const goTo = goToTargets(timeline, actionLists(timeline, last.snapshot.world.pending));
    return timeline.map((entry, index) => ({
      type: entry.type,
      text: describeEntry(entry, { words, goTo: goTo.get(index) }),
    }));
  }

  it("names script steps by the CTA's label and in human durations", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 3 });
    store.run({ do: "answer", value: "Too slow" });
    store.run({ do: "click", cta: "book" });
    store.run({ do: "advance", hours: 1 });
    store.run({ do: "advance", hours: 2160 });
    store.run({ do: "advance", hours: 0 });
    const { moments, timeline } = store.getState();
    expect(momentGroups(moments, timeline, words).map((g) => g.label)).toEqual([
      "start",
      "answer 3",
      "answer “Too slow”",
      "click “Pick a time”",
      "advance 1 h",
      "advance 90 d",
      "land the actions in flight",
    ]);
    const texts = entryTexts(store);
    expect(texts.filter((e) => e.type === "clock.advanced").map((e) => e.text)).toEqual([
      "+1 h",
      "+90 d",
      "+0 s",
    ]);
    expect(texts.map((e) => e.text).join("\n")).not.toMatch(/#\d|\d{4,} ms|\dh\b/);
  });

  it("says where each goToStep went: the step's name, or the end", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.run({ do: "click", cta: "done" });
    const goTos = entryTexts(store).filter((e) => e.text.startsWith("goToStep"));
    expect(goTos.map((e) => `${e.type} ${e.text}`)).toEqual([
      "action.fired goToStep → Thank you · Quarterly NPS",
      "action.landed goToStep → Thank you · Quarterly NPS",
      "action.fired goToStep → completed · Quarterly NPS",
      "action.landed goToStep → completed · Quarterly NPS",
    ]);
    expect(entryTexts(store).find((e) => e.type === "step.entered")?.text).toBe(
      "Quarterly NPS › How likely to recommend",
    );
  });

  it("a goToStep still in flight names where its list points", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.setAutoLand(false);
    store.run({ do: "click", cta: "done" });
    const fired = entryTexts(store).filter((e) => e.type === "action.fired");
    expect(fired.at(-1)?.text).toBe("goToStep → completed · Quarterly NPS");
  });

  it("the why panel's recurrence reads in days, as its wait fix does", () => {
    const store = npsStore();
    store.run({ do: "answer", value: 10 });
    store.run({ do: "click", cta: "done" });
    const { world, setup } = store.getState();
    if (!world) throw new Error("no world");
    const view = whyView(npsProject, "quarterly-nps", world, setup);
    const recurrence = view?.reasons.find((r) => r.code === "recurrence");
    expect(recurrence?.detail).toMatch(/^It shows again 90 d after it ended/);
  });
});

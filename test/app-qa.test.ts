// QA: a recording built from a session replays green on the same project and shows the
// failing expectation on a changed one; expectations split into checks that lose nothing.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { examples } from "../app/examples/catalog.ts";
import { sessionPort } from "../app/persistence/session-bridge.ts";
import { createSessionRegistry } from "../app/persistence/session-registry.ts";
import { evaluateChecks, splitExpectations } from "../app/qa/expectations.ts";
import { parseRecording } from "../app/qa/load-recording.ts";
import { openTarget } from "../app/qa/open-project.ts";
import { buildRecording, keyTrace } from "../app/qa/record.ts";
import { pathParts, recordingTarget } from "../app/qa/recording-project.ts";
import {
  type ReplayDriver,
  replayPassed,
  runReplay,
  startReplay,
  stepReplay,
} from "../app/qa/replay.ts";
import { sessionDriver } from "../app/qa/session-driver.ts";
import { createSessionStore } from "../app/session/store.ts";
import { connectWorkspace } from "../app/session/workspace-bridge.ts";
import { recordingProject } from "../app/workspace/file-name.ts";
import { openExample, openText } from "../app/workspace/open-actions.ts";
import { createWorkspaceStore } from "../app/workspace/workspace-store.ts";
import { matchExpectation } from "../machines/engine/expect.ts";
import { createSimulation, ScriptStepError, simulate } from "../machines/engine/index.ts";
import type { Simulation } from "../machines/engine/types.ts";
import { type Project, project as projectSchema } from "../machines/format/schema.ts";
import type { Recording, Result, Script, ScriptStep } from "../machines/format/script.ts";
import { projectArb, scriptArb } from "./arbitraries.ts";

const npsText = readFileSync(new URL("../examples/nps-survey.json", import.meta.url), "utf8");
const nps = projectSchema.parse(JSON.parse(npsText));
const ana = { id: "u-ana", attributes: { email: "ana@acme.io", plan: "pro" } };
const start = { url: "/dashboard", at: "2026-01-05T09:00:00Z" };

/** The NPS project with the promoter band moved, so a 10 takes another branch. */
function npsWithPromotersFrom(low: number): Project {
  const copy = JSON.parse(npsText);
  copy.experiences[0].steps[0].conditions[0].if.between = [low, 10];
  copy.experiences[0].steps[0].conditions[1].if.between = [0, low - 1];
  return projectSchema.parse(copy);
}

/** Steps run one at a time on a live simulation, as the app's session does. */
function record(project: Project, steps: ScriptStep[], name = "NPS survey"): Recording {
  const simulation = createSimulation(project, { user: ana, start });
  for (const step of steps) simulation.run(step);
  return buildRecording({
    project: name,
    user: ana,
    start,
    steps,
    result: simulation.result(),
  });
}

/** A driver over a bare Simulation (the app's session store plays this part). */
function simulationDriver(project: Project): ReplayDriver & { ran: ScriptStep[] } {
  let simulation: Simulation | null = null;
  const ran: ScriptStep[] = [];
  return {
    ran,
    reset(setup) {
      simulation = createSimulation(project, setup);
      ran.length = 0;
    },
    run(step) {
      ran.push(step);
      simulation?.run(step);
    },
    result: () => (simulation as Simulation).result(),
  };
}

describe("buildRecording", () => {
  const steps: ScriptStep[] = [
    { do: "answer", value: 10 },
    { do: "click", cta: "review" },
  ];

  it("makes a SPEC §4 recording named after the document, green on the same project", () => {
    const recording = record(nps, steps);
    expect(recording.project).toBe("NPS survey");
    expect(recording.script).toEqual({ user: ana, start, steps });
    const result = simulate(nps, recording.script);
    expect(matchExpectation(recording.expect, result)).toEqual([]);
  });

  it("pins the branch taken, the effects and the key trace, not every action", () => {
    const { expect: expected } = record(nps, steps);
    expect(expected.experiences).toEqual({
      "quarterly-nps": {
        status: "completed",
        step: null,
        visited: ["score", "thank-you"],
        views: 1,
        snoozeCount: 0,
      },
    });
    expect(expected.page).toEqual({ url: "/dashboard" });
    expect(expected.effects).toEqual([
      {
        type: "navigateTo",
        url: "https://www.g2.com/products/trellis/take_survey",
        openIn: "newTab",
      },
    ]);
    const types = (expected.trace as { type: string }[]).map((entry) => entry.type);
    expect(types).toEqual([
      "experience.shown",
      "step.entered",
      "step.entered",
      "experience.completed",
    ]);
  });

  it("fails on a project where the same answer takes another branch", () => {
    const moved = npsWithPromotersFrom(10);
    // A 10 is a promoter in both projects: its recording still holds.
    const ten = record(nps, [{ do: "answer", value: 10 }]);
    expect(matchExpectation(ten.expect, simulate(moved, ten.script))).toEqual([]);
    // A 9 is a promoter in the original project and a detractor once promoters start at 10.
    const nine = record(nps, [{ do: "answer", value: 9 }]);
    const paths = matchExpectation(nine.expect, simulate(moved, nine.script)).map((m) => m.path);
    expect(paths).toContain("/experiences/quarterly-nps/visited");
    expect(paths).toContain("/experiences/quarterly-nps/step");
  });

  it("keeps only key trace types, as a subsequence of the trace", () => {
    const result = simulate(nps, { user: ana, start, steps });
    const key = keyTrace(result.trace);
    expect(key.length).toBeLessThan(result.trace.length);
    expect(key.some((entry) => entry.type === "action.fired")).toBe(false);
    expect(matchExpectation({ trace: key }, result)).toEqual([]);
  });

  it("replays green on any generated project and script (property)", () => {
    fc.assert(
      fc.property(projectArb, scriptArb(8), (project, script) => {
        const recording = recordSafely(project, script);
        const driver = simulationDriver(project);
        const replay = runReplay(startReplay(recording, driver), driver);
        expect(replay.stepError).toBeNull();
        const failed = replay.outcomes?.filter((outcome) => !outcome.pass) ?? [];
        expect(failed.map((outcome) => outcome.label)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

/** Records the steps that can be done (the app never keeps a step that could not be done). */
function recordSafely(project: Project, script: Script): Recording {
  const simulation = createSimulation(project, script);
  const done: ScriptStep[] = [];
  for (const step of script.steps) {
    try {
      simulation.run(step);
      done.push(step);
    } catch (error) {
      if (!(error instanceof ScriptStepError)) throw error;
      // A refused step may have changed the world before refusing: record without it.
      return recordSafely(project, { ...script, steps: done });
    }
  }
  const result: Result = simulation.result();
  return buildRecording({ project: "p.json", ...script, steps: done, result });
}

function isAtOrUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

describe("expectation checks", () => {
  const recordings = ["nps-promoter-10", "nps-detractor-3", "cta-navigation-interrupts-launch"];

  it("split an expectation without losing or adding a mismatch", () => {
    for (const name of recordings) {
      const file = new URL(`../examples/recordings/${name}.json`, import.meta.url);
      const recording = parseRecording(readFileSync(file, "utf8"));
      if (!recording.ok) throw new Error(recording.message);
      const { expect: expected } = recording.recording;
      // Against a result from another recording most checks fail: every mismatch is kept.
      const other = simulate(nps, { user: ana, start, steps: [{ do: "answer", value: 7 }] });
      const whole = matchExpectation(expected, other).map((m) => m.path);
      const outcomes = evaluateChecks(splitExpectations(expected), other);
      const parts = outcomes.flatMap((o) => o.mismatches.map((m) => m.path));
      // A missing experience is one mismatch for the whole and one per field for the checks,
      // so the two lists agree up to "is at or under".
      for (const path of whole) expect(parts.some((part) => isAtOrUnder(part, path))).toBe(true);
      for (const part of parts) expect(whole.some((path) => isAtOrUnder(part, path))).toBe(true);
      expect(outcomes.every((o) => o.pass)).toBe(whole.length === 0);
      expect(outcomes.some((o) => !o.pass)).toBe(true);
    }
  });

  it("labels checks the way a reader names them", () => {
    const checks = splitExpectations({
      experiences: { nps: { status: "completed", views: 1 } },
      page: { url: "/" },
      trace: [{ type: "a" }, { type: "b" }],
      tabs: ["x"],
    });
    expect(checks.map((c) => [c.pointer, c.label])).toEqual([
      ["/experiences/nps/status", "nps · status"],
      ["/experiences/nps/views", "nps · views"],
      ["/page/url", "page · url"],
      ["/trace", "trace · 2 entries in order"],
      ["/tabs", "tabs · 1 entry in order"],
    ]);
  });
});

describe("replay", () => {
  const steps: ScriptStep[] = [
    { do: "answer", value: 3 },
    { do: "answer", value: "exports time out" },
    { do: "click", cta: "no-thanks" },
  ];

  it("step by step reaches the same verdict as at once, one step per click", () => {
    const recording = record(nps, steps);
    const driver = simulationDriver(nps);
    let state = startReplay(recording, driver);
    for (let i = 0; i < steps.length; i++) {
      expect(state.outcomes).toBeNull();
      expect(state.next).toBe(i);
      state = stepReplay(state, driver);
      expect(driver.ran).toEqual(steps.slice(0, i + 1));
    }
    expect(replayPassed(state)).toBe(true);
    const atOnce = runReplay(startReplay(recording, driver), driver);
    expect(atOnce.outcomes).toEqual(state.outcomes);
  });

  it("shows which expectation fails on a changed project", () => {
    const recording = record(nps, [{ do: "answer", value: 9 }]);
    const driver = simulationDriver(npsWithPromotersFrom(10));
    const state = runReplay(startReplay(recording, driver), driver);
    expect(replayPassed(state)).toBe(false);
    const failed = state.outcomes?.filter((o) => !o.pass).map((o) => o.label);
    expect(failed).toContain("quarterly-nps · visited");
    expect(failed).toContain("quarterly-nps · step");
  });

  it("stops at a step that cannot be done and says which", () => {
    const recording = record(nps, [{ do: "answer", value: 10 }]);
    recording.script.steps.push({ do: "click", cta: "nowhere" });
    const driver = simulationDriver(nps);
    const state = runReplay(startReplay(recording, driver), driver);
    expect(state.stepError?.index).toBe(1);
    expect(state.stepError?.message).toMatch(/step 2 \(click "nowhere"\)/);
    expect(replayPassed(state)).toBe(false);
  });
});

describe("parseRecording", () => {
  it("says where the text is not JSON", () => {
    const failure = parseRecording('{\n  "project": "x",\n  oops\n}');
    expect(failure).toMatchObject({ ok: false, line: 3, column: 3 });
  });

  it("says where a JSON document is not a recording", () => {
    const text =
      '{\n  "project": "x",\n  "script": { "steps": [ { "do": "fly" } ] },\n  "expect": {}\n}';
    const failure = parseRecording(text);
    expect(failure.ok).toBe(false);
    if (failure.ok) return;
    expect(failure.pointer).toBe("/script/steps/0/do");
    expect(failure.line).toBe(3);
    expect(failure.message).toMatch(/\/script\/steps\/0\/do/);
  });

  it("refuses a misspelt key at the key, and a recording without expect", () => {
    const misspelt = parseRecording(
      '{\n  "project": "x",\n  "script": { "stpes": [] },\n  "expect": {}\n}',
    );
    expect(misspelt).toMatchObject({
      ok: false,
      pointer: "/script/stpes",
      line: 3,
      message: 'not a recording: /script/stpes: unknown field "stpes"; did you mean "steps"?',
    });
    const unchecked = parseRecording('{ "project": "x", "script": {} }');
    expect(unchecked).toMatchObject({ ok: false, pointer: "/expect" });
    if (!unchecked.ok) expect(unchecked.message).toContain('"expect": {}');
    expect(parseRecording('{ "project": "x", "script": {}, "expect": {} }').ok).toBe(true);
  });
});

describe("a recording opens the project it names (issue 12)", () => {
  const recordingsDir = new URL("../examples/recordings/", import.meta.url);
  const files = readdirSync(recordingsDir).filter((f) => f.endsWith(".json"));

  /** The page in small: a workspace, the session following its active document. */
  function page() {
    const workspace = createWorkspaceStore();
    const session = createSessionStore({ debounceMs: 0 });
    connectWorkspace(workspace, session);
    const to = { workspace, sessions: createSessionRegistry() };
    return { workspace, session, to };
  }

  const exampleOf = (id: string) => {
    const found = examples.find((e) => e.id === id);
    if (!found) throw new Error(`no example ${id}`);
    return found;
  };

  it("every recording of examples/recordings, loaded on another project, opens its own and passes", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const { workspace, session, to } = page();
      // Another project is open, with "Land actions at once" left off in it.
      openExample(exampleOf("resource-center"), to);
      session.setAutoLand(false);
      const loaded = parseRecording(readFileSync(new URL(file, recordingsDir), "utf8"));
      if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
      const { documents, activeId } = workspace.getState();
      const target = recordingTarget(loaded.recording.project, documents, activeId, examples);
      expect(target, file).toMatchObject({ kind: "example" });
      openTarget(target, to);
      const active = workspace
        .getState()
        .documents.find((d) => d.id === session.getState().documentId);
      expect(active && recordingProject(active), file).toBe(loaded.recording.project);
      const driver = sessionDriver(sessionPort(session));
      const replay = runReplay(startReplay(loaded.recording, driver), driver);
      expect(replay.stepError, file).toBeNull();
      expect(replayPassed(replay), file).toBe(true);
    }
  });

  it("selects the open document of that file rather than opening the example again", () => {
    const { workspace, to } = page();
    const npsId = openExample(exampleOf("nps-survey"), to);
    openExample(exampleOf("agent"), to);
    const { documents, activeId } = workspace.getState();
    expect(recordingTarget("../nps-survey.json", documents, activeId, examples)).toEqual({
      kind: "document",
      id: npsId,
      name: "Nps survey",
    });
    expect(recordingTarget("../agent.json", documents, activeId, examples)).toEqual({
      kind: "open",
    });
  });

  it("a file the page does not have is named, never replaced by the open project", () => {
    const { workspace, to } = page();
    openExample(exampleOf("nps-survey"), to);
    const { documents, activeId } = workspace.getState();
    expect(
      recordingTarget("recordings/../checkout-nps-eu.json", documents, activeId, examples),
    ).toEqual({
      kind: "missing",
      fileName: "checkout-nps-eu.json",
    });
    // Once that file is open (as "Open file…" or the panel opens it), it is the one.
    const id = openText(
      "checkout-nps-eu",
      npsText,
      { kind: "file", fileName: "checkout-nps-eu.json" },
      undefined,
      to,
    );
    openExample(exampleOf("agent"), to);
    const after = workspace.getState();
    expect(
      recordingTarget("checkout-nps-eu.json", after.documents, after.activeId, examples),
    ).toEqual({ kind: "document", id, name: "checkout-nps-eu" });
  });

  it("matches the example whose path ends as the recording's does", () => {
    const invalid = examples.find((e) => e.group === "invalid");
    if (!invalid) throw new Error("no invalid example");
    const name = invalid.id.slice("invalid/".length);
    const target = recordingTarget(`../invalid/${name}.json`, [], null, examples);
    expect(target).toEqual({ kind: "example", example: invalid });
    expect(pathParts("..\\invalid/./x.json")).toEqual(["invalid", "x.json"]);
  });

  it("the replay lands each step's actions as the CLI does, even with the switch off", () => {
    const { session, to } = page();
    openExample(exampleOf("multi-action-cta"), to);
    session.setAutoLand(false);
    const driver = sessionDriver(sessionPort(session));
    const script = JSON.parse(
      readFileSync(new URL("cta-actions-fire-together.json", recordingsDir), "utf8"),
    ).script;
    driver.reset({ user: script.user, start: script.start });
    driver.run({ do: "click", cta: "complete-profile" });
    expect(session.getState().world?.pending).toHaveLength(0);
    driver.run({ do: "advance", hours: 1, settle: false });
    expect(session.exportSession().steps.at(-1)).toMatchObject({ settle: false });
  });
});

// Ids are data, never paths (issue 9 item 5): any id SPEC allows — `.`, `#`, `xstate.*`,
// `__proto__`, `constructor`, spaces, `*` — works in every command, and the exported machine
// stays Stately-importable with the original ids kept in `description` and `meta`.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMachine } from "xstate";
import { flowImplementations } from "../machines/compile/index.ts";
import { runInProcess } from "./cli-run.ts";

const oddIds = [
  "a.b",
  "#x",
  "xstate.init",
  "__proto__",
  "constructor",
  "two words",
  "c*",
  "completed",
];

/** A survey whose every id is odd: experience, steps, CTAs, conditions, triggers. */
function project(experienceId: string) {
  const steps = oddIds.map((id, i) => ({
    id,
    kind: i === 0 ? "nps" : "message",
    ctas: [
      {
        id: oddIds[(i + 1) % oddIds.length],
        label: "Next",
        actions: [{ type: "goToStep", step: "next" }],
      },
      ...(i > 0
        ? [{ id: "back", label: "Back", actions: [{ type: "goToStep", step: "previous" }] }]
        : []),
      {
        id: "jump",
        label: "Jump",
        actions: [{ type: "goToStep", step: oddIds[oddIds.length - 1] }],
      },
    ],
    ...(i === 0
      ? {
          conditions: [
            {
              id: "__proto__",
              if: { between: [9, 10] },
              actions: [{ type: "goToStep", step: "a.b" }],
            },
          ],
        }
      : {}),
    triggers: [{ id: "t.*", on: { click: "#save" }, actions: [{ type: "dismiss" }] }],
  }));
  return {
    version: 1,
    experiences: [
      { id: experienceId, type: "survey", status: "live", showOn: { trigger: "manual" }, steps },
      {
        id: "other.one",
        type: "banner",
        status: "live",
        showOn: { trigger: "manual" },
        steps: [
          {
            id: "#b",
            kind: "banner",
            ctas: [
              {
                id: "x",
                label: "Go",
                actions: [
                  { type: "launchExperience", experience: experienceId },
                  { type: "navigateTo", url: "/x" },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "flowscope-odd-ids-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = runInProcess;

describe.each(["__proto__", "a.b", "#x", "xstate.init", "constructor", "two words"])(
  "experience id %j with odd step ids",
  (experienceId) => {
    let file: string;
    beforeAll(async () => {
      file = join(dir, `${encodeURIComponent(experienceId)}.json`);
      await writeFile(file, JSON.stringify(project(experienceId)));
    });

    it("validates clean and simulates: every experience is in the Result", async () => {
      expect((await run(["validate", file])).code).toBe(0);
      const script = join(dir, `${encodeURIComponent(experienceId)}.script.json`);
      await writeFile(
        script,
        JSON.stringify({
          steps: [
            { do: "launch", experience: experienceId },
            { do: "answer", value: 3 },
            { do: "click", cta: "xstate.init" },
            { do: "click", cta: "back" },
            { do: "click", cta: "jump" },
          ],
        }),
      );
      const { code, out, err } = await run(["simulate", file, "--script", script, "--json"]);
      expect(err).toBe("");
      expect(code).toBe(0);
      const result = JSON.parse(out);
      expect(Object.keys(result.experiences).sort()).toEqual([experienceId, "other.one"].sort());
      const state = result.experiences[experienceId];
      // score → a.b (fallback: next) → #x (CTA next) → back to a.b → jump to the last.
      expect(state.visited).toEqual(["a.b", "#x", "xstate.init", "#x", "completed"]);
      expect(state.status).toBe("active");
      expect(state.step).toBe("completed");
    });

    it("exports a Stately-importable machine that keeps the ids", async () => {
      const { code, out } = await run(["machine", file, "--experience", experienceId]);
      expect(code).toBe(0);
      const config = JSON.parse(out);
      expect(config.description).toBe(experienceId);
      const described = Object.values(config.states).map(
        (s) => (s as { meta?: { step?: string } }).meta?.step,
      );
      expect(described.filter(Boolean)).toEqual(oddIds);
      for (const key of Object.keys(config.states))
        expect(key).toMatch(/^[A-Za-z~][A-Za-z0-9_%~-]*$/);
      const machine = createMachine(config, flowImplementations as never);
      expect(Object.keys(machine.root.states)).toHaveLength(oddIds.length + 3);
    });

    it("paths --export writes recordings, and races and why run", async () => {
      const out = join(dir, `rec-${encodeURIComponent(experienceId)}`);
      const paths = await run([
        "paths",
        file,
        "--experience",
        experienceId,
        "--export",
        "recordings",
        out,
      ]);
      expect(paths.err).not.toMatch(/internal error| {4}at /);
      expect(paths.code).toBe(0);
      const written = await readdir(out);
      expect(written.length).toBeGreaterThan(0);
      for (const name of written) {
        const replay = await run(["replay", join(out, name)]);
        expect(replay.code, `${name}: ${replay.out}${replay.err}`).toBe(0);
      }
      const races = await run(["races", file, "--json"]);
      expect(races.code).toBe(0);
      const script = join(dir, `${encodeURIComponent(experienceId)}.why.json`);
      await writeFile(script, JSON.stringify({ steps: [] }));
      const why = await run([
        "why",
        file,
        "--experience",
        experienceId,
        "--script",
        script,
        "--json",
      ]);
      expect(why.code).toBe(0);
      expect(JSON.parse(why.out)).toBeTruthy();
      await readFile(join(out, written[0]), "utf8");
    });
  },
);

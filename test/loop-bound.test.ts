// SPEC §3.2 loop bound, as settled in issue 10: more than 20 trigger firings, launches or
// automatic re-shows in one script step stop the chain; an experience's first automatic show
// in that step does not count.
import { describe, expect, it } from "vitest";
import { simulate } from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";

/** An automatic tour on /app whose `n` steps each move on by a URL trigger matching /app. */
function triggerChain(n: number) {
  return projectSchema.parse({
    version: 1,
    experiences: [
      {
        id: "chain",
        type: "tour",
        status: "live",
        showOn: { trigger: "auto", urls: ["/app"] },
        steps: Array.from({ length: n }, (_, i) => ({
          id: `s${i}`,
          kind: "modal",
          triggers: [
            { id: "t", on: { url: "/app" }, actions: [{ type: "goToStep", step: "next" }] },
          ],
        })),
      },
    ],
  });
}

describe("the loop bound", () => {
  it("a tour shown automatically whose 20 steps each fire a URL trigger completes", () => {
    const result = simulate(triggerChain(20), { start: { url: "/app" }, steps: [] } as never);
    expect(result.trace.some((e) => e.type === "loop.stopped")).toBe(false);
    expect(result.experiences.chain.status).toBe("completed");
    expect(result.experiences.chain.visited).toHaveLength(20);
  });

  it("21 trigger firings in one script step stop the chain", () => {
    const result = simulate(triggerChain(21), { start: { url: "/app" }, steps: [] } as never);
    expect(result.trace.filter((e) => e.type === "loop.stopped")).toHaveLength(1);
    expect(result.experiences.chain.status).toBe("active");
  });

  it("an experience re-shown automatically counts from its second show in the step", () => {
    // `always` + dismissed at once by a URL trigger: shown, dismissed, shown again, ...
    const project = projectSchema.parse({
      version: 1,
      experiences: [
        {
          id: "again",
          type: "banner",
          status: "live",
          recurrence: { kind: "always" },
          showOn: { trigger: "auto", urls: ["/app"] },
          steps: [
            {
              id: "b",
              kind: "banner",
              triggers: [{ id: "t", on: { url: "/app" }, actions: [{ type: "dismiss" }] }],
            },
          ],
        },
      ],
    });
    const result = simulate(project, { start: { url: "/app" }, steps: [] } as never);
    const stopped = result.trace.filter((e) => e.type === "loop.stopped");
    expect(stopped).toHaveLength(1);
    // Each round: one trigger firing and (from the second show on) one re-show; the first
    // show is free, so the 21st counted firing or re-show stops it in the 11th round.
    expect(result.experiences.again.views).toBe(11);
  });

  it("a step with 80,000 triggers on one pattern fires twenty, then stops (fuzz seed 99)", () => {
    // Fuzz cases 22032 and 53763 of seed 99: each firing scanned the step for its trigger,
    // 25 s for one navigation. Lookups are by index now (bench: engine, trigger growth).
    const n = 80_000;
    const project = projectSchema.parse({
      version: 1,
      experiences: [
        {
          id: "busy",
          type: "tour",
          status: "live",
          showOn: { trigger: "manual" },
          steps: [
            {
              id: "s",
              kind: "modal",
              triggers: Array.from({ length: n }, (_, i) => ({
                id: `t${i}`,
                on: { url: "/projects/*/board" },
                actions: [{ type: "goToStep", step: "done" }],
              })),
            },
            { id: "done", kind: "modal" },
          ],
        },
      ],
    });
    const result = simulate(project, {
      steps: [
        { do: "launch", experience: "busy" },
        { do: "navigate", url: "/projects/p1/board" },
      ],
    } as never);
    const fired = result.trace.filter((e) => e.type === "action.fired" && e.step === "s");
    expect(fired).toHaveLength(20);
    expect(result.trace.filter((e) => e.type === "loop.stopped")).toHaveLength(1);
  });
});

// How fast does the engine simulate? Full simulations per second of the NPS example (the
// promoter recording's script), and XState transitions per second inside them, beside plain
// `createActor(toggle).send` measured in the same run: the ratio is the engine's overhead.
import { readFileSync } from "node:fs";
import { createActor, createMachine } from "xstate";
import { simulate } from "../machines/engine/index.ts";
import { project as projectSchema } from "../machines/format/schema.ts";
import { recording as recordingSchema } from "../machines/format/script.ts";
import { type BenchSuite, formatTable, measure, ms } from "./harness.ts";

const toggle = createMachine({
  id: "toggle",
  initial: "off",
  states: { off: { on: { toggle: "on" } }, on: { on: { toggle: "off" } } },
});

/** Sends per baseline run: enough to time, few enough to repeat. */
const toggleSends = 10_000;

export const engineSuite: BenchSuite = {
  name: "engine",
  description: "full simulations of the NPS example vs plain createActor(toggle).send",
  run(log) {
    const read = (file: string) => JSON.parse(readFileSync(file, "utf8"));
    const project = projectSchema.parse(read("examples/nps-survey.json"));
    const { script } = recordingSchema.parse(read("examples/recordings/nps-promoter-10.json"));

    // XState transitions in one simulation: every snapshot an actor emits after a transition.
    let transitions = 0;
    simulate(project, script, {
      inspect: (event) => {
        if (event.type === "@xstate.snapshot") transitions++;
      },
    });

    const sim = measure("simulate (NPS, promoter)", () => simulate(project, script), {
      warmup: 50,
      iterations: 300,
    });
    const base = measure(
      `createActor(toggle).send ×${toggleSends}`,
      () => {
        const actor = createActor(toggle).start();
        for (let i = 0; i < toggleSends; i++) actor.send({ type: "toggle" });
        actor.stop();
      },
      { warmup: 5, iterations: 30 },
    );
    const simsPerSecond = 1000 / sim.medianMs;
    const engineTps = (transitions * 1000) / sim.medianMs;
    const toggleTps = (toggleSends * 1000) / base.medianMs;
    log(
      formatTable(
        ["", "median", "p95", "per second"],
        [
          [sim.name, ms(sim.medianMs), ms(sim.p95Ms), `${Math.round(simsPerSecond)} sims`],
          [
            `  transitions (${transitions} per simulation)`,
            "",
            "",
            `${Math.round(engineTps).toLocaleString("en")} transitions`,
          ],
          [
            base.name,
            ms(base.medianMs),
            ms(base.p95Ms),
            `${Math.round(toggleTps).toLocaleString("en")} transitions`,
          ],
        ],
      ),
    );
    log(
      `ratio: plain toggle transitions/s ÷ engine transitions/s = ${(toggleTps / engineTps).toFixed(1)}× ` +
        "(the engine adds the world: trace, show checks, latencies, effects)",
    );
    return { targetsMet: true };
  },
};

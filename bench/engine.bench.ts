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

/** One bare XState session, the baseline (issue 9): create, start, three events, stop. */
function bareSession(): void {
  const actor = createActor(toggle).start();
  actor.send({ type: "toggle" });
  actor.send({ type: "toggle" });
  actor.send({ type: "toggle" });
  actor.stop();
}

/** Sessions per timed run, so one run lasts long enough to time. */
const batch = 200;

/** Issue 9's target: a full simulation within this many bare sessions' time. */
const targetRatio = 4;

export const engineSuite: BenchSuite = {
  name: "engine",
  description: "full NPS simulations per second beside a bare XState actor per session",
  run(log) {
    const read = (file: string) => JSON.parse(readFileSync(file, "utf8"));
    const project = projectSchema.parse(read("examples/nps-survey.json"));
    const { script } = recordingSchema.parse(read("examples/recordings/nps-promoter-10.json"));

    const sim = measure(
      `simulate (NPS, promoter) ×${batch}`,
      () => {
        for (let i = 0; i < batch; i++) simulate(project, script);
      },
      { warmup: 5, iterations: 40 },
    );
    const base = measure(
      `bare actor session ×${batch} (create, start, 3 events, stop)`,
      () => {
        for (let i = 0; i < batch; i++) bareSession();
      },
      { warmup: 5, iterations: 40 },
    );
    const simsPerSecond = (batch * 1000) / sim.medianMs;
    const sessionsPerSecond = (batch * 1000) / base.medianMs;
    const ratio = sessionsPerSecond / simsPerSecond;
    log(
      formatTable(
        ["", "median", "p95", "per second"],
        [
          [
            sim.name,
            ms(sim.medianMs),
            ms(sim.p95Ms),
            `${Math.round(simsPerSecond).toLocaleString("en")} simulations`,
          ],
          [
            base.name,
            ms(base.medianMs),
            ms(base.p95Ms),
            `${Math.round(sessionsPerSecond).toLocaleString("en")} sessions`,
          ],
        ],
      ),
    );
    const met = ratio <= targetRatio;
    log(
      `ratio: a full NPS simulation costs ${ratio.toFixed(1)} bare sessions ` +
        `(target ≤ ${targetRatio}×: ${met ? "PASS" : "MISS"}; issue 9 measured 12.7× before)`,
    );
    return { targetsMet: met };
  },
};

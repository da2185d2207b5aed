// The engine (machines/engine) as a forecast world: the reference the population kernel is
// checked against, and the runner for projects the kernel does not model.
import type { AnswerValue } from "../compile/survey.ts";
import { createSimulation, type Simulation } from "../engine/index.ts";
import type { Project } from "../format/schema.ts";
import type { ExperienceResult } from "../format/script.ts";
import { forecastNoSessionUrl, forecastUserId } from "../semantics.ts";
import type { ForecastLayout } from "./layout.ts";
import { offerStep } from "./layout.ts";
import type { PopulationPlan } from "./population.ts";
import { endNumber, reasonNumber, type TallySink } from "./tally.ts";
import { isoAt, type UserWorld } from "./user-driver.ts";

export class EngineWorld implements UserWorld {
  private sim: Simulation | undefined;
  private readonly lastLaunch: Uint8Array;
  private sink: TallySink | undefined;

  constructor(
    private readonly project: Project,
    private readonly layout: ForecastLayout,
    private readonly plan: PopulationPlan,
  ) {
    this.lastLaunch = new Uint8Array(layout.experiences.length);
  }

  /** Edges count into the sink as they are taken (after its beginUser): set before `begin`. */
  setSink(sink: TallySink | undefined): void {
    this.sink = sink;
  }

  begin(index: number, persona: number, page: number, at: number): void {
    const { plan, layout } = this;
    this.lastLaunch.fill(0);
    const attributes = persona < 0 ? {} : structuredClone(plan.personaAttributes[persona]);
    this.sim = createSimulation(this.project, {
      user: { id: forecastUserId(index), attributes },
      start: {
        url: page < 0 ? forecastNoSessionUrl : plan.pages[page],
        at: isoAt(plan.startMs + at),
      },
      onEdge: ({ experience, edge }) => {
        const e = layout.experienceNumber.get(experience);
        const number = e === undefined ? undefined : layout.experiences[e].edgeNumber.get(edge);
        if (e === undefined || number === undefined) return;
        this.lastLaunch[e] = layout.edgeLaunches[number];
        this.sink?.took(number);
      },
    });
  }

  private get simulation(): Simulation {
    return this.sim as Simulation;
  }

  now(): number {
    return this.simulation.now();
  }

  advance(ms: number): void {
    this.simulation.run({ do: "advance", hours: ms / 3_600_000 });
  }

  navigate(page: number): void {
    this.simulation.run({ do: "navigate", url: this.plan.pages[page] });
  }

  stepOnScreen(experience: number): number {
    const { id, experience: exp, stepNumber } = this.layout.experiences[experience];
    if (exp.type === "checklist") return -1;
    const state = this.simulation.world().experiences[id];
    if (state.status !== "active" || state.step === null) return -1;
    return stepNumber.get(state.step) as number;
  }

  act(experience: number, offer: number, value: AnswerValue | undefined): void {
    const { experiences, offers } = this.layout;
    this.simulation.run(offerStep(experiences[experience].id, offers[offer], value));
  }

  tally(sink: TallySink, base: number): void {
    const { layout } = this;
    const world = this.simulation.world();
    const firstShown = new Float64Array(layout.experiences.length).fill(-1);
    for (const entry of world.trace) {
      if (entry.type === "experience.shown") {
        const e = layout.experienceNumber.get(entry.experience as string) as number;
        if (firstShown[e] < 0) firstShown[e] = entry.at;
      } else if (entry.type === "show.skipped") {
        const e = layout.experienceNumber.get(entry.experience as string) as number;
        for (const reason of (entry.reasons ?? []) as { code: string }[]) {
          const r = reasonNumber[reason.code as keyof typeof reasonNumber];
          if (r !== undefined) sink.blocked(e, r);
        }
      }
    }
    layout.experiences.forEach((of, e) => {
      const state = world.experiences[of.id];
      if (state.views === 0) return;
      for (const step of state.visited) sink.reached(of.stepNumber.get(step) as number);
      const end =
        state.status === "active"
          ? endNumber.open
          : state.status === "dismissed" && this.lastLaunch[e] === 1
            ? endNumber.launched
            : endNumber[state.status as "completed" | "dismissed" | "snoozed"];
      sink.shown(e, base + firstShown[e], state.views, state.snoozeCount, end);
    });
  }

  /** The outcome per experience (SPEC §4 Result `experiences`). */
  outcome(): Record<string, ExperienceResult> {
    return this.simulation.result().experiences;
  }
}

// What every thread of a Monte Carlo forecast starts from (SPEC §5): the checked project and
// the model as plain JSON. The model is sent as the JSON it was read from, not as the parsed
// model: the schema reads id-keyed objects into Maps, so each thread parses it again.
import {
  type ForecastContext,
  forecastContext,
  type TallyData,
} from "../machines/forecast/index.ts";
import { forecastModel, type Project } from "../machines/format/index.ts";

export interface ForecastInput {
  /** A project loadProject accepted (plain data: it survives structured cloning). */
  project: Project;
  /** The model's JSON value, which the command checked against the project. */
  model: unknown;
}

/** The forecast context of a checked input; the same in every thread. */
export function contextOf(input: ForecastInput): ForecastContext {
  return forecastContext(input.project, forecastModel.parse(input.model));
}

/** One worker task: users [from, to); progress[slot] counts the users done so far. */
export interface ChunkTask {
  from: number;
  to: number;
  progress: Int32Array;
  slot: number;
}

/** The typed arrays of a tally, which a worker transfers instead of copying. */
export function tallyBuffers(tally: TallyData): ArrayBuffer[] {
  return [
    tally.shownUsers,
    tally.views,
    tally.snoozes,
    tally.ends,
    tally.reach,
    tally.blocked,
    tally.shownPerDay,
    tally.edges,
  ].map((array) => array.buffer as ArrayBuffer);
}

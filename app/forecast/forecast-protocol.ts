// The messages between the Forecast panel and its worker: a run of the model on the project,
// answered by progress (with the estimate so far) and then one of done, cancelled, invalid or
// failed. Every answer carries its run's id: answers to a superseded run are dropped.
import type { MonteCarloForecast, TallyData } from "../../machines/forecast/index.ts";
import type { Project } from "../../machines/format/index.ts";

export interface ForecastInput {
  project: Project;
  /** The model's JSON text (SPEC §5), as saved with the document. */
  model: string;
}

export interface RunRequest extends ForecastInput {
  type: "run";
  id: number;
  /** One worker's share of a pooled run: users [from, to), answered with its tally. */
  share?: { from: number; to: number };
}

/** Stops run `id` between two chunks of users. */
export interface CancelRequest {
  type: "cancel";
  id: number;
}

export type ForecastRequest = RunRequest | CancelRequest;

/** A forecast as the panel draws it: the SPEC §5 result and the users on each route. */
export interface ForecastView {
  result: MonteCarloForecast;
  /** Experience id → flow-graph edge id → users who took it at least once. */
  traffic: Map<string, Map<string, number>>;
}

export type ForecastAnswer =
  | { type: "progress"; id: number; done: number; total: number; partial: ForecastView | null }
  | { type: "done"; id: number; view: ForecastView; ms: number }
  /** A share's users, done (pooled runs add the shares' tallies up). */
  | { type: "tally"; id: number; tally: TallyData }
  | { type: "cancelled"; id: number; done: number }
  | { type: "invalid"; id: number; problems: string[] }
  | { type: "failed"; id: number; message: string };

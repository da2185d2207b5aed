// Why exact mode cannot answer for a flow and a model (the CLI exits 1 with the message).
export class ForecastError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForecastError";
  }
}

/** What every "exact mode cannot" message ends with. */
export const useMonteCarlo = "use Monte Carlo instead (flowscope forecast without --exact)";

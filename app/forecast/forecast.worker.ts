// The forecast worker: Monte Carlo runs off the main thread. One run at a time: a new run or
// a cancel stops the one in flight at its next chunk (runs yield between chunks).
import type { ForecastAnswer, ForecastRequest } from "./forecast-protocol.ts";
import { nextTask, runForecast } from "./forecast-run.ts";

let wanted = 0;
/** The chunk size runs settle on, kept from one run to the next. */
const chunk = { size: 25 };

self.onmessage = (event: MessageEvent<ForecastRequest>) => {
  const request = event.data;
  if (request.type === "cancel") {
    if (wanted === request.id) wanted = 0;
    return;
  }
  wanted = request.id;
  void runForecast(request, (answer: ForecastAnswer) => self.postMessage(answer), {
    stopped: () => wanted !== request.id,
    yieldNow: nextTask,
    now: () => performance.now(),
    chunk,
  });
};

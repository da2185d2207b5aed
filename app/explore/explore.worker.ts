// The explorer worker: path counting, coverage and the race explorer off the main thread.
// One request at a time; the client terminates the worker to cancel or supersede a request.
import { handleExplore } from "./explore-handler.ts";
import type { ExploreAnswer, ExploreRequest } from "./explore-protocol.ts";

self.onmessage = (event: MessageEvent<ExploreRequest>) => {
  handleExplore(
    event.data,
    (answer: ExploreAnswer) => self.postMessage(answer),
    () => performance.now(),
  );
};

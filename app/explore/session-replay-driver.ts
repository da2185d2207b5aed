// The path replay's driver over the app's session store: the canvas, preview and timeline
// follow the store, so driving it is what makes the canvas walk the path.
import type { SessionStore } from "../session/store.ts";
import type { PathReplayDriver } from "./path-replay.ts";

export function sessionReplayDriver(store: SessionStore, showCanvas: () => void): PathReplayDriver {
  return {
    showCanvas,
    load(setup, experienceId) {
      const personaId = store.getState().project?.personas.some((p) => p.id === setup.user.id)
        ? setup.user.id
        : null;
      return store.loadSession({
        user: setup.user,
        personaId,
        start: setup.start,
        steps: [],
        selectedExperience: experienceId,
      });
    },
    run: (step) => store.run(step),
    select: (experienceId) => store.selectExperience(experienceId),
  };
}

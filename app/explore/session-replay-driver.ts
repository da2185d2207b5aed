// The path replay's driver over the app's session store: the canvas, preview and timeline
// follow the store, so driving it is what makes the canvas walk the path. The session is
// "changed" when its moments or cursor are not the ones the replay's own last step left
// (a step run, a travel, a preview or an edit replaces them; selecting an experience does not).
import type { SessionState, SessionStore } from "../session/store.ts";
import type { PathReplayDriver } from "./path-replay.ts";

export function sessionReplayDriver(store: SessionStore, showCanvas: () => void): PathReplayDriver {
  let seen: Pick<SessionState, "moments" | "cursor"> | null = null;
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
    remember() {
      const { moments, cursor } = store.getState();
      seen = { moments, cursor };
    },
    changed() {
      const now = store.getState();
      return seen !== null && (now.moments !== seen.moments || now.cursor !== seen.cursor);
    },
  };
}

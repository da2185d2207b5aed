// Pure helpers that derive the session state's simulation fields from its moments.
import type { Moment, SessionState } from "./types.ts";

export function initialSessionState(): SessionState {
  return {
    documentId: null,
    text: "",
    checked: null,
    project: null,
    projectText: null,
    projectDiagnostics: [],
    showingLastValid: false,
    experienceId: null,
    setup: {
      user: { id: "u1", attributes: {} },
      personaId: null,
      start: { url: "/", at: "2026-01-05T09:00:00Z" },
    },
    autoLand: true,
    moments: [],
    cursor: 0,
    world: null,
    timeline: [],
    lastError: null,
    notice: null,
    replayable: true,
    replay: null,
    inspecting: false,
    revision: 0,
  };
}

/** The fields that follow the cursor: the world on screen and the whole timeline. */
export function withMoments(
  moments: Moment[],
  cursor: number,
): Pick<SessionState, "moments" | "cursor" | "world" | "timeline"> {
  const at = moments[cursor];
  const last = moments[moments.length - 1];
  return {
    moments,
    cursor,
    world: at ? at.snapshot.world : null,
    timeline: last ? last.snapshot.world.trace : [],
  };
}

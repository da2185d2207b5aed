// What a saved or shared session holds (issue 4 item 7): the persona, the script so far and
// the selected experience. Checked with zod on the way in, since IndexedDB, imported files and
// share links are all input the user can tamper with.
import { z } from "zod";
import { scriptStep } from "../../machines/format/index.ts";

const sessionUser = z.object({
  id: z.string(),
  attributes: z.record(z.string(), z.unknown()),
});

export const savedSession = z.object({
  user: sessionUser,
  /** The persona preset the user was picked from, if any (display only). */
  personaId: z.string().nullable().default(null),
  start: z.object({ url: z.string(), at: z.string() }),
  /** The script steps run so far, in order. */
  steps: z.array(scriptStep),
  selectedExperience: z.string().nullable().default(null),
});

export type SavedSession = z.output<typeof savedSession>;

/** The session a fresh document starts with (the engine's own defaults, SPEC §4 script). */
export function emptySession(): SavedSession {
  return {
    user: { id: "u1", attributes: {} },
    personaId: null,
    start: { url: "/", at: "2026-01-05T09:00:00Z" },
    steps: [],
    selectedExperience: null,
  };
}

// The world actor, for external inspectors only (Stately's inspector, `simulate --inspect`):
// every world-level fact (page.changed, show.skipped, effects, ...) is sent to it as an event,
// so tools see the world beside the experience actors. The engine itself never reads it.
import { type AnyActorRef, createActor, setup } from "xstate";
import type { TraceEntry } from "../format/script.ts";
import type { ExternalInspector } from "./types.ts";

export type FactEvent = { type: "fact"; entry: TraceEntry };

export const worldMachine = setup({
  types: { events: {} as FactEvent },
}).createMachine({
  id: "world",
  // Facts change nothing in the machine itself: the world state is plain JSON next to it.
  on: { fact: {} },
});

export function createWorldActor(inspect: ExternalInspector): AnyActorRef {
  const actor = createActor(worldMachine, { inspect });
  actor.start();
  return actor;
}

// The world actor: it owns the simulated clock, and every world-level fact (page.changed,
// show.skipped, effects, ...) is an event it receives, so the trace is read off XState's
// inspection stream like the experience actors' own transitions.
import { type AnyActorRef, createActor, type InspectionEvent, SimulatedClock, setup } from "xstate";
import type { TraceEntry } from "../format/script.ts";

export type FactEvent = { type: "fact"; entry: TraceEntry };

export const worldMachine = setup({
  types: { events: {} as FactEvent },
}).createMachine({
  id: "world",
  // Facts change nothing in the machine itself: the world state is plain JSON next to it.
  on: { fact: {} },
});

export function createWorldActor(
  onFact: (entry: TraceEntry) => void,
  external?: (event: InspectionEvent) => void,
): {
  actor: AnyActorRef;
  clock: SimulatedClock;
} {
  const clock = new SimulatedClock();
  let self: AnyActorRef | undefined;
  const inspect = (event: InspectionEvent) => {
    external?.(event);
    if (event.type === "@xstate.event" && event.actorRef === self && event.event.type === "fact") {
      onFact((event.event as FactEvent).entry);
    }
  };
  const actor = createActor(worldMachine, { clock, inspect });
  self = actor;
  actor.start();
  return { actor, clock };
}

// The experience actors on screen: one XState actor of its compiled machine per display. The
// world sends them interactions and landings and follows them through what they emit
// (`entered`) and their snapshots (a final state ends the display); inspection is left to
// tools (an external inspector sees every actor).
import { type AnyActorRef, type AnyStateMachine, createActor } from "xstate";
import {
  type EnteredEvent,
  type FlowContext,
  type FlowEvent,
  liveContext,
  storedContext,
} from "../compile/implementations.ts";
import type { EndState } from "../model/experience.ts";
import type { ExternalInspector } from "./types.ts";

/** What an actor told the world, in the order it happened. */
export type Observation =
  | { kind: "entered"; experience: string; step: string }
  | { kind: "ended"; experience: string; how: EndState };

export class ActorHost {
  private readonly actors = new Map<string, AnyActorRef>();
  private readonly observed: Observation[] = [];
  /** How the displays that ended since the last start ended. */
  private readonly endings = new Map<string, EndState>();
  private head = 0;

  constructor(private readonly inspect?: ExternalInspector) {}

  /**
   * Starts a display: from the first step (`input`), restored from a stored snapshot, or put
   * at a state with a context (a forced step, a migrated snapshot).
   */
  start(
    experience: string,
    machine: AnyStateMachine,
    from:
      | { input: unknown }
      | { snapshot: unknown }
      | { value: string; context: { history: string[]; snoozeCount: number } },
  ): void {
    this.actors.get(experience)?.stop();
    const snapshot =
      "snapshot" in from
        ? liveSnapshot(from.snapshot)
        : "value" in from
          ? machine.getPersistedSnapshot(
              machine.resolveState({ value: from.value, context: liveContext(from.context) }),
            )
          : undefined;
    const input = "input" in from ? from.input : undefined;
    const actor = createActor(machine, {
      ...(snapshot ? { snapshot: snapshot as never } : { input }),
      ...(this.inspect ? { inspect: this.inspect } : {}),
    });
    actor.on("entered", (event: EnteredEvent) => {
      this.observed.push({ kind: "entered", experience, step: event.step });
    });
    this.actors.set(experience, actor);
    actor.start();
    this.checkEnded(experience, actor);
  }

  /** The final state a display ended in, once it has. */
  endedAs(experience: string): EndState | undefined {
    return this.actors.has(experience) ? undefined : this.endings.get(experience);
  }

  has(experience: string): boolean {
    return this.actors.has(experience);
  }

  send(experience: string, event: FlowEvent): void {
    const actor = this.actors.get(experience);
    if (!actor) return;
    actor.send(event);
    this.checkEnded(experience, actor);
  }

  /** The display's state key (the step's key, or a final state) and its context. */
  state(experience: string): { value: string; context: FlowContext } | undefined {
    const snapshot = this.actors.get(experience)?.getSnapshot();
    return snapshot
      ? { value: snapshot.value as string, context: snapshot.context as FlowContext }
      : undefined;
  }

  /** The next observation, in order; undefined once all are taken. */
  next(): Observation | undefined {
    if (this.head >= this.observed.length) {
      this.observed.length = 0;
      this.head = 0;
      return undefined;
    }
    return this.observed[this.head++];
  }

  persisted(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [id, actor] of this.actors) {
      const persisted = actor.getPersistedSnapshot() as { context?: FlowContext };
      const context = persisted.context ? storedContext(persisted.context) : undefined;
      Object.defineProperty(out, id, {
        value: context ? { ...persisted, context } : persisted,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }

  private checkEnded(experience: string, actor: AnyActorRef): void {
    const snapshot = actor.getSnapshot();
    if (snapshot.status !== "done") return;
    this.actors.delete(experience);
    this.endings.set(experience, snapshot.value as EndState);
    this.observed.push({ kind: "ended", experience, how: snapshot.value as EndState });
  }
}

/** A stored snapshot with its context as the running machine keeps it (a visit stack). */
function liveSnapshot(stored: unknown): unknown {
  const snapshot = stored as { context?: { history?: unknown; snoozeCount?: unknown } };
  return snapshot?.context ? { ...snapshot, context: liveContext(snapshot.context) } : stored;
}

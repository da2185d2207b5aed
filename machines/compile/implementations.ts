// What the compiled machine's named guards and actions mean (machine-config.ts). They read
// only their params, the context and the event, so the exported JSON with these
// implementations is the machine the engine runs: `createMachine(json, flowImplementations)`.
import { assign, enqueueActions } from "xstate";

/**
 * The visit stack of a display, persistent: entering a step puts one cell on top and shares
 * the rest, so a display that enters steps n times costs O(n), not O(n²) copies, and every
 * snapshot xstate/graph explores keeps its own stack. Stored snapshots hold it as an array.
 */
export interface VisitStack {
  readonly step: string;
  readonly below: VisitStack | null;
  readonly size: number;
}

export interface FlowContext {
  /** The visit stack of the display (goToStep previous pops it); null when empty. */
  history: VisitStack | null;
  /** Snoozes before this display (SPEC §3.2: maxTimes counts them). */
  snoozeCount: number;
}

export const visitStack = {
  push: (below: VisitStack | null, step: string): VisitStack => ({
    step,
    below,
    size: (below?.size ?? 0) + 1,
  }),
  /** Bottom first, as SPEC's history reads. */
  toArray(stack: VisitStack | null): string[] {
    const out = new Array<string>(stack?.size ?? 0);
    for (let cell = stack; cell; cell = cell.below) out[cell.size - 1] = cell.step;
    return out;
  },
  fromArray(steps: readonly string[]): VisitStack | null {
    let stack: VisitStack | null = null;
    for (const step of steps) stack = visitStack.push(stack, step);
    return stack;
  },
};

/** A context as stored (JSON, flat): the visit stack as an array. */
export interface StoredFlowContext {
  history: string[];
  snoozeCount: number;
}

export function storedContext(context: FlowContext): StoredFlowContext {
  return { history: visitStack.toArray(context.history), snoozeCount: context.snoozeCount };
}

/** A stored context (array, or already a stack) as the running machine keeps it. */
export function liveContext(context: { history?: unknown; snoozeCount?: unknown }): FlowContext {
  const history = Array.isArray(context.history)
    ? visitStack.fromArray(context.history as string[])
    : ((context.history ?? null) as VisitStack | null);
  return {
    history,
    snoozeCount: typeof context.snoozeCount === "number" ? context.snoozeCount : 0,
  };
}

/** An interaction or landing event; a `land` event carries its target (and `back`). */
export interface FlowEvent {
  type: string;
  to?: string;
  back?: boolean;
}

/** Emitted when a step is entered: the engine follows the flow through it (actor.on). */
export interface EnteredEvent {
  type: "entered";
  step: string;
}

interface GuardArgs {
  context: FlowContext;
  event: FlowEvent;
}

export const flowGuards = {
  cameFrom: ({ context }: GuardArgs, params: { step: string }) =>
    context.history?.below?.step === params.step,
  snoozesLeft: ({ context }: GuardArgs, params: { maxTimes: number }) =>
    context.snoozeCount < params.maxTimes,
  landsOn: ({ event }: GuardArgs, params: { to: string; back?: boolean }) =>
    event.to === params.to && Boolean(event.back) === Boolean(params.back),
};

export const flowActions = {
  // The step is pushed on entry; a `previous` first drops the step it leaves and the one it
  // returns to, so the entry pushes that one back (SPEC §3.2: 1 → 3 → 4, back, back → 1).
  entered: enqueueActions(({ enqueue, context }, params: { step: string }) => {
    const { history } = context as FlowContext;
    enqueue.assign({ history: visitStack.push(history, params.step) });
    enqueue.emit({ type: "entered", step: params.step } as never);
  }),
  back: assign(({ context }) => ({
    history: (context as FlowContext).history?.below?.below ?? null,
  })),
};

/** The implementations `createMachine(<machine JSON>, flowImplementations)` needs. */
export const flowImplementations = { guards: flowGuards, actions: flowActions };

// What the compiled machine's named guards and actions mean (machine-config.ts). They read
// only their params, the context and the event, so the exported JSON with these
// implementations is the machine the engine runs: `createMachine(json, flowImplementations)`.
import { assign, enqueueActions } from "xstate";

export interface FlowContext {
  /** The visit stack of the display (goToStep previous pops it). */
  history: string[];
  /** Snoozes before this display (SPEC §3.2: maxTimes counts them). */
  snoozeCount: number;
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
    context.history.length >= 2 && context.history[context.history.length - 2] === params.step,
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
    enqueue.assign({ history: [...history, params.step] });
    enqueue.emit({ type: "entered", step: params.step } as never);
  }),
  back: assign(({ context }) => ({ history: (context as FlowContext).history.slice(0, -2) })),
};

/** The implementations `createMachine(<machine JSON>, flowImplementations)` needs. */
export const flowImplementations = { guards: flowGuards, actions: flowActions };

// The simulated clock: the instant and time since the start, +1 h, +24 h, a free amount, and
// whether a step lands its actions at once (off: actions stay in flight until the clock moves,
// which is how a race such as a navigation interrupting a launch is provoked by hand).
import { useState } from "react";
import type { WorldState } from "../../machines/engine/index.ts";
import { sessionStore, useSession } from "../session/store.ts";
import { formatElapsed, formatInstant, parseHours } from "./clock.ts";
import { runStep } from "./run.ts";

export function ClockControls({ world }: { world: WorldState }) {
  const autoLand = useSession((s) => s.autoLand);
  const [hours, setHours] = useState("2");
  const amount = parseHours(hours);
  const inFlight = world.pending.length;
  return (
    <section className="control-block" aria-label="Clock">
      <div className="clock-readout">
        <span className="clock-label">Clock</span>
        <output className="clock-now" data-testid="clock" data-ms={world.now}>
          {formatInstant(world.startEpochMs + world.now)}
        </output>
        <span className="clock-elapsed">{formatElapsed(world.now)}</span>
      </div>
      <div className="control-row">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => runStep({ do: "advance", hours: 1 })}
        >
          +1 h
        </button>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => runStep({ do: "advance", hours: 24 })}
        >
          +24 h
        </button>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (amount !== undefined) runStep({ do: "advance", hours: amount });
          }}
        >
          <input
            className="input input-narrow"
            aria-label="Hours to advance"
            inputMode="decimal"
            value={hours}
            aria-invalid={amount === undefined}
            onChange={(event) => setHours(event.target.value)}
          />
          <button type="submit" className="btn btn-small" disabled={amount === undefined}>
            Advance
          </button>
        </form>
      </div>
      <div className="control-row">
        <label className="toggle">
          <input
            type="checkbox"
            checked={autoLand}
            onChange={(event) => sessionStore.setAutoLand(event.target.checked)}
          />
          Land actions at once
        </label>
        {inFlight > 0 && (
          <button
            type="button"
            className="btn btn-small btn-accent"
            onClick={() => runStep({ do: "advance", hours: 0, settle: true })}
          >
            Land {inFlight} in flight
          </button>
        )}
      </div>
    </section>
  );
}

// The inspector tab: the world's state and every experience actor's persisted XState
// snapshot at the moment shown, as JSON trees; and the Stately inspector connection.
import { useEffect, useRef, useState } from "react";
import { sessionStore, useSession } from "../session/store.ts";
import { JsonNode } from "./JsonTree.tsx";
import { connectStately, type StatelyConnection, type StatelyStatus } from "./stately.ts";
import "./inspector.css";

const statusText: Record<StatelyStatus["kind"], string> = {
  idle: "Not connected",
  waiting: "Waiting for the inspector window…",
  connected: "Connected: new runs stream to Stately",
  failed: "",
};

function StatelyButton() {
  const [status, setStatus] = useState<StatelyStatus>({ kind: "idle" });
  const connection = useRef<StatelyConnection | null>(null);
  useEffect(() => () => connection.current?.stop(), []);
  const connect = () => {
    connection.current?.stop();
    connection.current = connectStately(window, setStatus);
    sessionStore.setInspector(connection.current?.inspect ?? null);
  };
  const disconnect = () => {
    connection.current?.stop();
    connection.current = null;
    sessionStore.setInspector(null);
    setStatus({ kind: "idle" });
  };
  return (
    <div className="stately">
      <button
        type="button"
        className="btn btn-small"
        onClick={connection.current ? disconnect : connect}
      >
        {connection.current ? "Disconnect Stately inspector" : "Connect Stately inspector"}
      </button>
      <span className={`stately-status is-${status.kind}`} role="status">
        {status.kind === "failed" ? status.message : statusText[status.kind]}
      </span>
    </div>
  );
}

export function Inspector() {
  const moments = useSession((s) => s.moments);
  const cursor = useSession((s) => s.cursor);
  const snapshot = moments[cursor]?.snapshot;
  return (
    <div className="inspector" data-testid="inspector">
      <header className="inspector-head">
        <p className="muted">
          Moment {cursor}: the world and each experience actor's persisted XState snapshot.
        </p>
        <StatelyButton />
      </header>
      {snapshot ? (
        <div className="inspector-trees">
          <section aria-label="Experience actors">
            <h3 className="section-title">
              Experience actors ({Object.keys(snapshot.actors).length})
            </h3>
            {Object.keys(snapshot.actors).length === 0 && (
              <p className="muted">No experience on screen.</p>
            )}
            {Object.entries(snapshot.actors).map(([id, actor]) => (
              <JsonNode key={`${cursor}:${id}`} name={id} value={actor} open />
            ))}
          </section>
          <section aria-label="World">
            <h3 className="section-title">World</h3>
            {Object.entries(snapshot.world).map(([key, value]) => (
              <JsonNode key={`${cursor}:${key}`} name={key} value={value} open={key === "user"} />
            ))}
          </section>
        </div>
      ) : (
        <p className="muted pad">No simulation yet.</p>
      )}
    </div>
  );
}

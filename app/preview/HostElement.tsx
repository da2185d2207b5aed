// One element of the fake host page, named by the selector the project uses. Clicking it is
// the script's `clickElement`; a tooltip, badge, cursor or hint anchored to it sits beside it.
import type { ReactNode } from "react";
import { runStep } from "./run.ts";

interface HostElementProps {
  selector: string;
  marker?: "badge" | "beacon" | "cursor";
  children?: ReactNode;
}

export function HostElement({ selector, marker, children }: HostElementProps) {
  return (
    <div className="host-el-wrap" data-anchor={children ? "yes" : undefined}>
      <button
        type="button"
        className="host-el"
        data-selector={selector}
        title={`Click ${selector} on the host page`}
        onClick={() => runStep({ do: "clickElement", selector })}
      >
        <span className="host-el-text">{selector}</span>
        {marker === "badge" && <span className="host-badge">New</span>}
        {marker === "beacon" && <span className="host-beacon" aria-hidden="true" />}
        {marker === "cursor" && (
          <span className="host-cursor" aria-hidden="true">
            ➤
          </span>
        )}
      </button>
      {children && <div className="anchored">{children}</div>}
    </div>
  );
}

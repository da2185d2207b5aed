// Lays out a canvas model in the worker, once per layout key (runs that only move the
// highlight never re-layout). Marks the request and the answer for the UI bench.
import { useEffect, useMemo, useRef, useState } from "react";
import { type CanvasModel, layoutInput, layoutKey } from "./graph-model.ts";
import { layoutGraph } from "./layout-client.ts";
import type { LayoutAnswer } from "./layout-types.ts";

export interface PlacedLayout extends LayoutAnswer {
  key: string;
}

export function useFlowLayout(model: CanvasModel | null): PlacedLayout | null {
  const key = useMemo(() => (model ? layoutKey(model) : ""), [model]);
  const [placed, setPlaced] = useState<PlacedLayout | null>(null);
  // The key says when the layout changes; the model object alone may be new at each edit.
  const modelRef = useRef(model);
  modelRef.current = model;
  useEffect(() => {
    const model = modelRef.current;
    if (!model || !key) return;
    let cancelled = false;
    performance.mark("flowscope:layout-start");
    layoutGraph({ ...layoutInput(model), initial: model.initial }).then((answer) => {
      if (cancelled) return;
      performance.mark("flowscope:layout-done");
      setPlaced({ ...answer, key });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return placed && placed.key === key ? placed : null;
}

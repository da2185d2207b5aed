// Lays out a canvas model in the worker, once per layout key (runs that only move the
// highlight never re-layout). Marks the request and the answer for the UI bench.
import { useMemo } from "react";
import { type CanvasModel, layoutInput, layoutKey } from "./graph-model.ts";
import { type PlacedLayout, useLayout } from "./useLayout.ts";

export type { PlacedLayout } from "./useLayout.ts";

export function useFlowLayout(model: CanvasModel | null): PlacedLayout | null {
  const key = useMemo(() => (model ? layoutKey(model) : ""), [model]);
  return useLayout(
    key,
    () => (model ? { ...layoutInput(model), initial: model.initial } : null),
    "flowscope:layout",
  );
}

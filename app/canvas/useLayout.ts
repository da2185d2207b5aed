// Lays out a graph in the worker once per layout key: a model that is a new object after each
// edit, a highlight or a focus that moves, never re-lays while the key stands. Shared by the
// flow canvas and the launch graph.
import { useEffect, useRef, useState } from "react";
import { layoutGraph } from "./layout-client.ts";
import type { LayoutAnswer, LayoutRequest } from "./layout-types.ts";

export interface PlacedLayout extends LayoutAnswer {
  key: string;
}

export type LayoutInput = Omit<LayoutRequest, "id">;

/**
 * The layout for `key` (null until it is placed, or when `key` is ""). `input` builds the
 * request; it is read only when the key changes, so it may be a new closure at each render.
 * `mark` names the performance marks `<mark>-start` and `<mark>-done` (the UI bench reads them).
 */
export function useLayout(
  key: string,
  input: () => LayoutInput | null,
  mark?: string,
): PlacedLayout | null {
  const [placed, setPlaced] = useState<PlacedLayout | null>(null);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    const request = key ? inputRef.current() : null;
    if (!request) return;
    let cancelled = false;
    if (mark) performance.mark(`${mark}-start`);
    layoutGraph(request).then((answer) => {
      if (cancelled) return;
      if (mark) performance.mark(`${mark}-done`);
      setPlaced({ ...answer, key });
    });
    return () => {
      cancelled = true;
    };
  }, [key, mark]);
  return placed && placed.key === key ? placed : null;
}

// Lays out the launch graph with the flow canvas's layout client (the same ELK worker, left
// to right), once per layout key: focusing a cycle or selecting an experience never re-lays.
import { useEffect, useMemo, useRef, useState } from "react";
import { layoutGraph } from "../canvas/layout-client.ts";
import type { LayoutAnswer } from "../canvas/layout-types.ts";
import { type LaunchModel, launchLayoutInput, launchLayoutKey } from "./launch-model.ts";

export interface PlacedLaunchLayout extends LayoutAnswer {
  key: string;
}

export function useLaunchLayout(model: LaunchModel | null): PlacedLaunchLayout | null {
  const key = useMemo(
    () => (model && model.nodes.length > 0 ? launchLayoutKey(model) : ""),
    [model],
  );
  const [placed, setPlaced] = useState<PlacedLaunchLayout | null>(null);
  // The key says when the layout changes; the model object alone is new at each edit.
  const modelRef = useRef(model);
  modelRef.current = model;
  useEffect(() => {
    const current = modelRef.current;
    if (!current || !key) return;
    let cancelled = false;
    layoutGraph({ ...launchLayoutInput(current), initial: current.initial }).then((answer) => {
      if (!cancelled) setPlaced({ ...answer, key });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return placed && placed.key === key ? placed : null;
}

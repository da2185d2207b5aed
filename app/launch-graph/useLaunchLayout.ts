// Lays out the launch graph with the flow canvas's layout hook (the same ELK worker, left to
// right), once per layout key: focusing a cycle or selecting an experience never re-lays.
import { useMemo } from "react";
import { type PlacedLayout, useLayout } from "../canvas/useLayout.ts";
import { type LaunchModel, launchLayoutInput, launchLayoutKey } from "./launch-model.ts";

export function useLaunchLayout(model: LaunchModel | null): PlacedLayout | null {
  const key = useMemo(
    () => (model && model.nodes.length > 0 ? launchLayoutKey(model) : ""),
    [model],
  );
  return useLayout(key, () =>
    model ? { ...launchLayoutInput(model), initial: model.initial } : null,
  );
}

// The center pane's tabs: the flow canvas, the launch graph, the comparison with another
// version and the inspector (accessible tablist, arrow keys move between them).
import { TabList } from "./TabList.tsx";

export type CenterTab = "canvas" | "launch-graph" | "compare" | "inspector";

const tabs: { id: CenterTab; label: string }[] = [
  { id: "canvas", label: "Flow" },
  { id: "launch-graph", label: "Launch graph" },
  { id: "compare", label: "Compare" },
  { id: "inspector", label: "Inspector" },
];

export function CenterTabs({
  value,
  onChange,
}: {
  value: CenterTab;
  onChange(tab: CenterTab): void;
}) {
  return (
    <TabList
      tabs={tabs}
      value={value}
      onChange={onChange}
      label="Center view"
      tabId={(tab) => `tab-${tab}`}
      panelId={(tab) => `panel-${tab}`}
    />
  );
}

// The center pane's tabs: the flow canvas, the launch graph, the comparison with another
// version and the inspector (accessible tablist).
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
    <div className="tabs" role="tablist" aria-label="Center view">
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`tab-${tab.id}`}
          aria-selected={value === tab.id}
          aria-controls={`panel-${tab.id}`}
          className="tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

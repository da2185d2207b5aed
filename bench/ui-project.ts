// The generated flow the UI bench draws: one auto tour of N modal steps, each with a "Next"
// CTA, every fifth with a "Skip" that jumps ahead, and the default closing cross.
export function uiBenchProject(steps: number): string {
  const ids = Array.from({ length: steps }, (_, i) => `s${i + 1}`);
  const project = {
    version: 1,
    experiences: [
      {
        id: "big-tour",
        name: `Generated tour (${steps} steps)`,
        type: "tour",
        status: "live",
        showOn: { trigger: "auto", urls: ["/dashboard"] },
        recurrence: { kind: "always" },
        steps: ids.map((id, i) => ({
          id,
          kind: "modal",
          title: `Step ${i + 1}`,
          body: "A generated step.",
          ctas: [
            { id: "next", label: "Next", actions: [{ type: "goToStep", step: "next" }] },
            ...(i % 5 === 0 && i + 3 < steps
              ? [{ id: "skip", label: "Skip", actions: [{ type: "goToStep", step: ids[i + 3] }] }]
              : []),
          ],
        })),
      },
    ],
  };
  return JSON.stringify(project, null, 2);
}

// "New project": a small valid project to start from (one live modal tour on /dashboard, a
// persona), so the canvas and preview have something to show at once.

export const newProjectName = "New project";

export function newProjectText(): string {
  const project = {
    $schema: "https://flowscope.dev/schema/project.schema.json",
    version: 1,
    settings: { runJsEnabled: false },
    personas: [{ id: "member", name: "A member", attributes: { email: "member@example.com" } }],
    experiences: [
      {
        id: "welcome-tour",
        name: "Welcome tour",
        type: "tour",
        status: "live",
        showOn: { trigger: "auto", urls: ["/dashboard"] },
        steps: [
          {
            id: "welcome",
            name: "Welcome",
            kind: "modal",
            title: "Welcome!",
            body: "A two-step tour to start from.",
            ctas: [{ id: "next", label: "Next", actions: [{ type: "goToStep", step: "next" }] }],
          },
          {
            id: "done",
            name: "All set",
            kind: "modal",
            title: "All set",
            ctas: [
              { id: "finish", label: "Finish", actions: [{ type: "goToStep", step: "complete" }] },
            ],
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(project, null, 2)}\n`;
}

// A two-step survey whose second step can enter itself again ("self") and go back
// ("previous"): exact mode refuses it (its visit histories grow without bound), and the
// engine must return from b to b as a new entry (test/engine-back-to-itself.test.ts).
export const selfThenBackInput = {
  version: 1,
  experiences: [
    {
      id: "survey",
      type: "survey",
      status: "live",
      showOn: { trigger: "manual" },
      steps: [
        {
          id: "a",
          kind: "message",
          ctas: [{ id: "go", label: "Go", actions: [{ type: "goToStep", step: "b" }] }],
        },
        {
          id: "b",
          kind: "message",
          ctas: [
            { id: "self", label: "Again", actions: [{ type: "goToStep", step: "b" }] },
            { id: "back", label: "Back", actions: [{ type: "goToStep", step: "previous" }] },
          ],
        },
      ],
    },
  ],
};

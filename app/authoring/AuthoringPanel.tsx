// The side form: edits what is selected (on the canvas, or from the form's own outline) as
// minimal edits of the JSON text, which stays the source of truth: every value shown is read
// from the current text. With nothing selected, the selected experience's settings and
// outline, and the "New experience" wizard.
import { useEffect, useRef, useState } from "react";
import { useSession } from "../session/store.ts";
import { ExperienceForm } from "./ExperienceForm.tsx";
import { SelectField } from "./fields.tsx";
import { HistoryButtons } from "./HistoryButtons.tsx";
import { NewExperienceDialog } from "./NewExperienceDialog.tsx";
import { RouteForm } from "./RouteForm.tsx";
import { idsOf } from "./refs.ts";
import { StepForm } from "./StepForm.tsx";
import { type Selection, selectionStore, useSelection } from "./selection.ts";
import { TaskForm } from "./TaskForm.tsx";
import { member, type ParsedText } from "./text-edits.ts";
import { FormDocument, useAuthoring } from "./useAuthoring.ts";
import "./authoring.css";

export function AuthoringPanel() {
  const { docId, parsed } = useAuthoring();
  const selection = useSelection();
  const sessionExperience = useSession((s) => s.experienceId);
  // The experience the form shows with nothing selected: the one chosen in the form (or whose
  // step the author came back from), until the session picks another.
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the session picks another.
  useEffect(() => setChosen(undefined), [sessionExperience]);
  // What was selected belongs to the document it was selected in.
  const shownDoc = useRef(docId);
  useEffect(() => {
    if (shownDoc.current !== docId) selectionStore.set(null);
    shownDoc.current = docId;
  }, [docId]);
  if (!docId) return <p className="empty-note">No document open.</p>;
  const experiences = idsOf(member(parsed.root, "experiences"));
  const experience =
    [chosen, sessionExperience ?? undefined].find(
      (id) => id !== undefined && experiences.includes(id),
    ) ?? experiences[0];
  return (
    <FormDocument value={docId}>
      <section className="authoring" aria-label="Side form">
        <div className="af-toolbar">
          <HistoryButtons />
          <NewExperienceDialog text={parsed.text} disabled={!parsed.ok} />
        </div>
        {!parsed.ok ? (
          <p className="af-problem" role="status">
            The project text is not valid JSON: fix it in the editor to edit it here.
          </p>
        ) : (
          <>
            <Breadcrumb selection={selection} onBack={setChosen} />
            {!selection && experience !== undefined && (
              <SelectField
                label="Experience to edit"
                value={experience}
                choices={experiences}
                onChange={setChosen}
              />
            )}
            <Body selection={selection} experience={experience} parsed={parsed} />
          </>
        )}
      </section>
    </FormDocument>
  );
}

function Body({
  selection,
  experience,
  parsed,
}: {
  selection: Selection;
  experience: string | undefined;
  parsed: ParsedText;
}) {
  if (selection?.kind === "step") {
    const ref = { experience: selection.experience, step: selection.step };
    return <StepForm key={`${ref.experience}\u0000${ref.step}`} stepRef={ref} parsed={parsed} />;
  }
  if (selection?.kind === "route") {
    const ref = { experience: selection.experience, step: selection.step };
    const source = selection.source;
    const key = `${ref.experience}\u0000${ref.step}\u0000${source.kind}\u0000${"id" in source ? source.id : ""}`;
    return <RouteForm key={key} stepRef={ref} source={source} parsed={parsed} />;
  }
  if (selection?.kind === "task") {
    const ref = { experience: selection.experience, task: selection.task };
    return <TaskForm key={`${ref.experience}\u0000${ref.task}`} taskRef={ref} parsed={parsed} />;
  }
  if (experience === undefined) {
    return <p className="empty-note">No experience yet: start one with “New experience”.</p>;
  }
  return <ExperienceForm key={experience} experienceId={experience} parsed={parsed} />;
}

/** Where the form is: back to the experience, or from a route back to its step. */
function Breadcrumb({
  selection,
  onBack,
}: {
  selection: Selection;
  onBack(experience: string): void;
}) {
  if (!selection) return null;
  const step = selection.kind === "route" ? selection.step : undefined;
  return (
    <nav className="af-breadcrumb" aria-label="Form">
      <button
        type="button"
        className="link-button"
        onClick={() => {
          onBack(selection.experience);
          selectionStore.set(null);
        }}
      >
        ‹ Experience settings
      </button>
      {step !== undefined && selection.kind === "route" && (
        <>
          {" / "}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              selectionStore.set({ kind: "step", experience: selection.experience, step })
            }
          >
            Step {step}
          </button>
        </>
      )}
    </nav>
  );
}

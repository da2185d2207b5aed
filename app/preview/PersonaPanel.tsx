// Who the simulated user is and where the session starts: presets from the project's
// personas and the user's saved ones, the user id, the attributes, the start page and
// instant. Applying restarts the session with them.
import { useState } from "react";
import type { Project } from "../../machines/format/index.ts";
import { sessionStore, useSession } from "../session/store.ts";
import type { SessionSetup } from "../session/types.ts";
import { AttributesEditor } from "./AttributesEditor.tsx";
import { loadPresets, type SavedPreset, savePreset } from "./presets.ts";

/** The setup with a preset's user (personaId: the project persona it came from, if any). */
function presetSetup(
  base: SessionSetup,
  personaId: string | null,
  user: { id: string; attributes: Record<string, unknown> },
): SessionSetup {
  return {
    ...base,
    personaId,
    user: { id: user.id, attributes: structuredClone(user.attributes) },
  };
}

export function PersonaPanel({ project }: { project: Project }) {
  const setup = useSession((s) => s.setup);
  const [draft, setDraft] = useState<SessionSetup>(setup);
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState<SavedPreset[]>(() => loadPresets());
  const [presetName, setPresetName] = useState("");
  const changed = JSON.stringify(draft) !== JSON.stringify(setup);

  const choose = (value: string) => {
    const [kind, id] = [value.slice(0, 2), value.slice(2)];
    const persona = kind === "p:" ? project.personas.find((p) => p.id === id) : undefined;
    const mine = kind === "s:" ? saved.find((p) => p.name === id) : undefined;
    const next = persona
      ? presetSetup(setup, persona.id, { id: persona.id, attributes: persona.attributes })
      : mine
        ? presetSetup(setup, null, { id: mine.userId, attributes: mine.attributes })
        : null;
    if (!next) return;
    setDraft(next);
    setRevision((r) => r + 1);
    sessionStore.setSetup(next);
  };

  return (
    <section className="persona" aria-label="Persona">
      <label className="field">
        <span className="field-label">Preset</span>
        <select className="input" value="" onChange={(event) => choose(event.target.value)}>
          <option value="">
            {setup.personaId ? `Persona: ${setup.personaId}` : "Choose a preset…"}
          </option>
          {project.personas.length > 0 && (
            <optgroup label="Project personas">
              {project.personas.map((p) => (
                <option key={p.id} value={`p:${p.id}`}>
                  {p.name ?? p.id}
                </option>
              ))}
            </optgroup>
          )}
          {saved.length > 0 && (
            <optgroup label="Saved presets">
              {saved.map((p) => (
                <option key={p.name} value={`s:${p.name}`}>
                  {p.name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <label className="field">
        <span className="field-label">User id</span>
        <input
          className="input mono"
          value={draft.user.id}
          onChange={(e) => setDraft({ ...draft, user: { ...draft.user, id: e.target.value } })}
        />
      </label>
      <div className="field">
        <span className="field-label">Attributes</span>
        <AttributesEditor
          key={revision}
          value={draft.user.attributes}
          onChange={(attributes) => setDraft((d) => ({ ...d, user: { ...d.user, attributes } }))}
        />
      </div>
      <div className="field-pair">
        <label className="field">
          <span className="field-label">Start page</span>
          <input
            className="input mono"
            value={draft.start.url}
            onChange={(e) => setDraft({ ...draft, start: { ...draft.start, url: e.target.value } })}
          />
        </label>
        <label className="field">
          <span className="field-label">Start instant (ISO)</span>
          <input
            className="input mono"
            value={draft.start.at}
            onChange={(e) => setDraft({ ...draft, start: { ...draft.start, at: e.target.value } })}
          />
        </label>
      </div>
      <div className="control-row">
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={!changed || Number.isNaN(Date.parse(draft.start.at))}
          onClick={() => sessionStore.setSetup({ ...draft, personaId: null })}
        >
          Apply and restart
        </button>
        <input
          className="input"
          aria-label="Preset name"
          placeholder="Preset name"
          value={presetName}
          onChange={(e) => setPresetName(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-small"
          disabled={!presetName.trim()}
          onClick={() =>
            setSaved(
              savePreset({
                name: presetName.trim(),
                userId: draft.user.id,
                attributes: draft.user.attributes,
              }),
            )
          }
        >
          Save preset
        </button>
      </div>
    </section>
  );
}

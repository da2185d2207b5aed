// Saved persona presets (the user's own, beside the project's `personas`), kept in
// localStorage. Bad or foreign data there is ignored, never trusted.
export interface SavedPreset {
  name: string;
  userId: string;
  attributes: Record<string, unknown>;
}

export const presetsKey = "flowscope.personaPresets";

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

function isPreset(value: unknown): value is SavedPreset {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.name === "string" &&
    typeof v.userId === "string" &&
    typeof v.attributes === "object" &&
    v.attributes !== null &&
    !Array.isArray(v.attributes)
  );
}

export function loadPresets(storage: Storage | undefined = globalThis.localStorage): SavedPreset[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(presetsKey) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isPreset) : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by name) a preset; returns the new list. */
export function savePreset(
  preset: SavedPreset,
  storage: Storage | undefined = globalThis.localStorage,
): SavedPreset[] {
  const list = [...loadPresets(storage).filter((p) => p.name !== preset.name), preset];
  try {
    storage?.setItem(presetsKey, JSON.stringify(list));
  } catch {
    // Storage full or disabled: the preset lives for this page only.
  }
  return list;
}

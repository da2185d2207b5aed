// `{name}` placeholders in URLs and agent messages (SPEC §1 "Attributes").

/** Built into Jimo (Jimo Email, Jimo Username): never reported as undefined by any persona. */
export const builtInAttributes = ["email", "username"] as const;

const placeholder = /\{([^{}]+)\}/g;

/** Attribute names used in `text`, in order of appearance, repeats kept. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(placeholder)].map((match) => match[1]);
}

/**
 * Replaces each `{name}` by the user's attribute. In URLs values are percent-encoded with
 * encodeURIComponent; in agent messages they are inserted as they are. A missing attribute
 * becomes "" and is listed in `missing`.
 */
export function resolveTemplate(
  text: string,
  attributes: Readonly<Record<string, unknown>>,
  mode: "url" | "message",
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const resolved = text.replace(placeholder, (_whole, name: string) => {
    const value = Object.hasOwn(attributes, name) ? attributes[name] : undefined;
    if (value === undefined || value === null) {
      missing.push(name);
      return "";
    }
    const asText = typeof value === "string" ? value : JSON.stringify(value);
    return mode === "url" ? encodeURIComponent(asText) : asText;
  });
  return { text: resolved, missing };
}

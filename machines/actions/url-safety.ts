// Schemes we refuse anywhere a URL is written (DEVELOPERS.md quality bar, SPEC §2).
export const unsafeSchemes = ["javascript:", "data:", "vbscript:", "file:"] as const;

/** The unsafe scheme a URL starts with (ignoring case, spaces and control characters), if any. */
export function unsafeScheme(url: string): string | undefined {
  // Browsers strip leading whitespace/control characters and tabs/newlines inside a scheme.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what we strip
  const squashed = url.replace(/[\u0000-\u0020]/g, "").toLowerCase();
  return unsafeSchemes.find((scheme) => squashed.startsWith(scheme));
}

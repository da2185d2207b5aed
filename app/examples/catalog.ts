// The example projects shipped in the repository, loaded as raw TEXT (not parsed JSON) so that
// diagnostics' line and column numbers point at the file exactly as it is written.

type ExampleGroup = "valid" | "invalid";

export interface Example {
  /** Stable key: the file name without extension, prefixed by "invalid/" for invalid ones. */
  id: string;
  /** Repository-relative path, shown as a hint. */
  file: string;
  label: string;
  group: ExampleGroup;
  text: string;
}

const validFiles = import.meta.glob<string>("../../examples/*.json", {
  query: "?raw",
  import: "default",
  eager: true,
});
// Each invalid example sits beside its `.expected.json` diagnostics: those are not projects.
const invalidFiles = import.meta.glob<string>(
  ["../../examples/invalid/*.json", "!../../examples/invalid/*.expected.json"],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
);

/** The example the app opens on when it exists (the issue asks for the onboarding tour). */
const preferredExampleId = "onboarding-tour";

/** Shown when the repository has no examples at all, so the page is never empty. */
const blankProject = `{
  "version": 1,
  "experiences": []
}
`;

/** "getting-started-checklist" → "Getting started checklist". */
function humanize(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf("/") + 1);
  return file.replace(/\.json$/, "");
}

function toExamples(files: Record<string, string>, group: ExampleGroup): Example[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const name = baseName(path);
      const folder = group === "invalid" ? "examples/invalid" : "examples";
      return {
        id: group === "invalid" ? `invalid/${name}` : name,
        file: `${folder}/${name}.json`,
        label: humanize(name),
        group,
        text,
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

function loadExamples(): Example[] {
  const all = [...toExamples(validFiles, "valid"), ...toExamples(invalidFiles, "invalid")];
  if (all.length > 0) return all;
  return [
    {
      id: "blank",
      file: "(new project)",
      label: "Blank project",
      group: "valid",
      text: blankProject,
    },
  ];
}

export const examples: readonly Example[] = loadExamples();

export function initialExampleId(list: readonly Example[]): string {
  return (list.find((example) => example.id === preferredExampleId) ?? list[0]).id;
}

export function findExample(list: readonly Example[], id: string): Example {
  return list.find((example) => example.id === id) ?? list[0];
}

// A collapsible JSON tree, as text only (never HTML). Children render when opened, and long
// arrays show their first items with a "show more" so a big trace stays cheap.
import { useState } from "react";

const pageSize = 50;

function summary(value: unknown): string {
  if (Array.isArray(value)) return `Array(${value.length})`;
  if (value && typeof value === "object") return `{${Object.keys(value).length}}`;
  return "";
}

function Leaf({ value }: { value: unknown }) {
  const kind = value === null ? "null" : typeof value;
  return <span className={`json-leaf json-${kind}`}>{JSON.stringify(value) ?? "undefined"}</span>;
}

function Branch({
  name,
  value,
  open: initiallyOpen,
}: {
  name: string;
  value: object;
  open: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const [shown, setShown] = useState(pageSize);
  const entries = Object.entries(value);
  return (
    <details
      className="json-branch"
      open={open}
      onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}
    >
      <summary>
        <span className="json-key">{name}</span>{" "}
        <span className="json-summary">{summary(value)}</span>
      </summary>
      {open && (
        <ul className="json-children">
          {entries.slice(0, shown).map(([key, child]) => (
            <li key={key}>
              <JsonNode name={key} value={child} />
            </li>
          ))}
          {entries.length > shown && (
            <li>
              <button
                type="button"
                className="link-button"
                onClick={() => setShown((n) => n + pageSize)}
              >
                Show {Math.min(pageSize, entries.length - shown)} more of {entries.length - shown}
              </button>
            </li>
          )}
        </ul>
      )}
    </details>
  );
}

export function JsonNode({
  name,
  value,
  open = false,
}: {
  name: string;
  value: unknown;
  open?: boolean;
}) {
  if (value !== null && typeof value === "object")
    return <Branch name={name} value={value} open={open} />;
  return (
    <span className="json-row">
      <span className="json-key">{name}</span>: <Leaf value={value} />
    </span>
  );
}

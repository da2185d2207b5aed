// The fake browser's address bar: the page URL as the world holds it; typing another and
// pressing Enter is the script's `navigate` (same tab).
import { useEffect, useState } from "react";
import { runStep } from "./run.ts";

export function AddressBar({ url }: { url: string }) {
  const [draft, setDraft] = useState(url);
  useEffect(() => setDraft(url), [url]);
  return (
    <form
      className="address-bar"
      onSubmit={(event) => {
        event.preventDefault();
        const next = draft.trim();
        if (next) runStep({ do: "navigate", url: next });
      }}
    >
      <span className="address-dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
      <input
        className="address-input"
        aria-label="Page URL"
        value={draft}
        spellCheck={false}
        onChange={(event) => setDraft(event.target.value)}
      />
      <button type="submit" className="btn btn-small">
        Go
      </button>
    </form>
  );
}

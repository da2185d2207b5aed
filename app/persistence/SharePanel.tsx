// "Share link": project, persona and script in the URL hash, compressed. Opening the popup makes
// the link for the session as it is; it shows in a read-only box with a Copy button, its
// length, and a warning when it is very long. The button is a disclosure (aria-expanded);
// Escape closes the popup and returns the focus to it.
import { useState } from "react";
import { usePopup } from "../shell/usePopup.ts";
import { formatBytes } from "./compression.ts";
import type { SavedSession } from "./session-model.ts";
import { encodeSharedState, shareUrl } from "./share-codec.ts";
import { longLinkChars, maxSharedSteps } from "./share-limits.ts";

interface SharePanelProps {
  name: string;
  project: string;
  session: () => SavedSession;
}

export function SharePanel({ name, project, session }: SharePanelProps) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [steps, setSteps] = useState(0);

  const make = async () => {
    setCopied(false);
    setError(null);
    setLink(null);
    try {
      const current = session();
      setSteps(current.steps.length);
      const token = await encodeSharedState({ v: 1, name, project, session: current });
      setLink(shareUrl(window.location.href, token));
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      setError("The browser refused to copy: select the link and copy it by hand.");
    }
  };

  const popup = usePopup<HTMLDivElement>(() => void make());

  return (
    <div className="pst-menu">
      <button
        ref={popup.buttonRef}
        type="button"
        className="pst-button"
        aria-expanded={popup.open}
        aria-controls={popup.open ? popup.popupId : undefined}
        onClick={popup.toggle}
      >
        Share link
      </button>
      {popup.open && (
        <div
          ref={popup.popupRef}
          id={popup.popupId}
          role="dialog"
          aria-label="Share this session"
          className="pst-popover share-result"
        >
          <p className="share-help">
            The link carries the project, the persona and the steps so far. Anyone opening it gets
            this session in their browser.
          </p>
          {link ? (
            <>
              <div className="share-row">
                <input
                  className="share-link"
                  readOnly
                  value={link}
                  aria-label="Share link"
                  onFocus={(event) => event.currentTarget.select()}
                />
                <button type="button" className="pst-button" onClick={copy}>
                  {copied ? "Copied" : "Copy"}
                </button>
              </div>
              <span className="share-size">
                {link.length.toLocaleString("en")} characters ({formatBytes(link.length)})
              </span>
              {link.length > longLinkChars && (
                <p className="share-warning" role="alert">
                  This link is very long: some browsers and chat tools cut links past about{" "}
                  {longLinkChars.toLocaleString("en")} characters. Export the session as a file to
                  share it safely.
                </p>
              )}
              {steps > maxSharedSteps && (
                <p className="share-warning" role="alert">
                  This session has {steps.toLocaleString("en")} script steps; a link carries the
                  first {maxSharedSteps.toLocaleString("en")} only. Export the session as a file to
                  share them all.
                </p>
              )}
            </>
          ) : (
            !error && <span className="share-size">Making the link…</span>
          )}
          {error && (
            <p className="share-warning" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

// Where focus goes after a preview control ran a step (issue 12, WAI-ARIA: focus never drops
// to <body>): when the control it was on is gone (the step it belonged to changed), focus
// moves to the next step's question — its first control — else the step's title, else the
// card itself; with nothing left on screen, to the host page's note. Focus still on a control
// is left where it is.

/** The element focus should move to in the host page's viewport, or null. */
function focusTarget(viewport: HTMLElement, experienceId: string | null): HTMLElement | null {
  const cards = [...viewport.querySelectorAll<HTMLElement>('[data-testid="step-on-screen"]')];
  const card = cards.find((c) => c.dataset.experience === experienceId) ?? cards[0];
  if (!card) {
    return (
      viewport.querySelector<HTMLElement>('[data-testid="nothing-on-screen"]') ??
      viewport.querySelector<HTMLElement>(".checklist-title")
    );
  }
  return (
    card.querySelector<HTMLElement>(
      "[data-question] button, [data-question] input, [data-question] textarea",
    ) ??
    card.querySelector<HTMLElement>(".step-title") ??
    card
  );
}

/** True when focus is nowhere a user put it: on the body, or on an element since removed. */
export function focusLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || !active.isConnected;
}

/** Moves focus into what the host page shows now, if it was lost. */
export function refocusOnScreen(viewport: HTMLElement, experienceId: string | null): void {
  if (!focusLost(viewport.ownerDocument)) return;
  // The title, the card and the note carry tabIndex -1: focusable by script, not tabbed to.
  // Scrolling is the step card's own (it scrolls into view when its step changes).
  focusTarget(viewport, experienceId)?.focus({ preventScroll: true });
}

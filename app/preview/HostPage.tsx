// The fake host page: an address bar, a plain app layout with one element per selector the
// project names, and the experiences on screen drawn the way their kind shows: a modal over
// the page, a banner on top, a snippet or survey in a corner, tooltips/badges/cursors/hints
// beside their element, checklists as a widget.
import { useLayoutEffect, useRef } from "react";
import type { WorldState } from "../../machines/engine/index.ts";
import type { Project, Step } from "../../machines/format/index.ts";
import { AddressBar } from "./AddressBar.tsx";
import { ChecklistWidget } from "./ChecklistWidget.tsx";
import { refocusOnScreen } from "./focus-after-step.ts";
import { HostElement } from "./HostElement.tsx";
import { anchoredKinds, hostElements, type OnScreenStep, screenOf } from "./on-screen.ts";
import { runStepTookFocus } from "./run.ts";
import { StepCard } from "./StepCard.tsx";

/** A card per step shown: a new step mounts a new card (it scrolls in, focus is placed). */
const cardKey = (shown: OnScreenStep) => JSON.stringify([shown.experience.id, shown.step.id]);

function markerOf(kind: Step["kind"]): "badge" | "beacon" | "cursor" | undefined {
  if (kind === "badge") return "badge";
  if (kind === "hint") return "beacon";
  if (kind === "cursor") return "cursor";
  return undefined;
}

function isAnchored(shown: OnScreenStep, selectors: readonly string[]): boolean {
  return (
    anchoredKinds.has(shown.step.kind) &&
    shown.step.target !== undefined &&
    selectors.includes(shown.step.target)
  );
}

/** Where a floating (not anchored) step goes. */
function floatingVariant(step: Step): string {
  if (step.kind === "modal") return "modal";
  if (step.kind === "banner") return "banner";
  if (step.kind === "snippet") return "snippet";
  if (anchoredKinds.has(step.kind)) return "snippet";
  return "survey";
}

export function HostPage({ project, world }: { project: Project; world: WorldState }) {
  const screen = screenOf(project, world);
  const selectors = hostElements(project);
  const shown = [...(screen.flow ? [screen.flow] : []), ...screen.hints];
  const anchored = shown.filter((s) => isAnchored(s, selectors));
  const floating = shown.filter((s) => !isAnchored(s, selectors));
  const banner = floating.find((s) => floatingVariant(s.step) === "banner");
  const others = floating.filter((s) => s !== banner);
  const path = world.page.replace(/^https?:\/\/[^/]+/, "") || "/";
  const viewport = useRef<HTMLDivElement>(null);
  const flowId = screen.flow?.experience.id ?? null;
  // After a preview control ran a step: if its control went with the old step, focus goes
  // to the new one (after the cards of this world are in the page).
  useLayoutEffect(() => {
    if (world && runStepTookFocus() && viewport.current) refocusOnScreen(viewport.current, flowId);
  }, [world, flowId]);
  return (
    <div className="host-frame" data-testid="host-page">
      <AddressBar url={world.page} />
      <div className="host-viewport" ref={viewport}>
        {banner && (
          <StepCard
            key={cardKey(banner)}
            experience={banner.experience}
            step={banner.step}
            variant="banner"
          />
        )}
        <div className="host-app">
          <nav className="host-nav" aria-label="Host app navigation">
            <span className="host-logo" aria-hidden="true" />
            <span className="host-line" />
            <span className="host-line short" />
            <span className="host-line" />
          </nav>
          <div className="host-main">
            <p className="host-path" title="Current page">
              {path}
            </p>
            <section className="host-elements" aria-label="Host page elements">
              {selectors.length === 0 && (
                <p className="host-hint">This project targets no element of the page.</p>
              )}
              {selectors.map((selector) => {
                const here = anchored.filter((s) => s.step.target === selector);
                return (
                  <HostElement
                    key={selector}
                    selector={selector}
                    marker={here[0] && markerOf(here[0].step.kind)}
                  >
                    {here.map((s) => (
                      <StepCard
                        key={cardKey(s)}
                        experience={s.experience}
                        step={s.step}
                        variant={s.step.kind}
                      />
                    ))}
                  </HostElement>
                );
              })}
            </section>
            <div className="host-skeleton" aria-hidden="true">
              <span />
              <span />
              <span />
            </div>
          </div>
        </div>
        {others.map((s) =>
          floatingVariant(s.step) === "modal" ? (
            <div key={s.experience.id} className="host-backdrop">
              <StepCard key={cardKey(s)} experience={s.experience} step={s.step} variant="modal" />
            </div>
          ) : (
            <div key={s.experience.id} className="host-corner">
              <StepCard
                key={cardKey(s)}
                experience={s.experience}
                step={s.step}
                variant={floatingVariant(s.step)}
              />
            </div>
          ),
        )}
        {screen.checklists.length > 0 && (
          <div className="host-checklists">
            {screen.checklists.map((experience) => (
              <ChecklistWidget key={experience.id} experience={experience} world={world} />
            ))}
          </div>
        )}
        {shown.length === 0 && screen.checklists.length === 0 && (
          <p className="host-nothing" data-testid="nothing-on-screen" tabIndex={-1}>
            Nothing on screen. Navigate, advance the clock or launch an experience.
          </p>
        )}
      </div>
    </div>
  );
}

// What the run did outside the flow: tabs opened, navigations, posts, agent messages,
// bookings and runJs (its code shown as text, never run). URLs are text, not links.
import type { WorldState } from "../../machines/engine/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { effectView } from "./effects-view.ts";

export function SideEffects({ project, world }: { project: Project; world: WorldState }) {
  const views = world.effects.map((effect) => effectView(effect, project));
  return (
    <section className="side-effects" aria-label="Side effects">
      <h3 className="section-title">
        Side effects <span className="count">{views.length}</span>
      </h3>
      {views.length === 0 && <p className="muted">None yet.</p>}
      <ol className="effect-list">
        {views.map((view, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: effects are append-only, in order.
          <li key={index} className={`effect effect-${view.kind}`}>
            <span className="effect-title">{view.title}</span>
            <span className="effect-detail url-text">{view.detail}</span>
            {view.code?.map((code) => (
              <pre key={code} className="effect-code">
                <code>{code}</code>
              </pre>
            ))}
          </li>
        ))}
      </ol>
      {world.tabs.length > 0 && (
        <>
          <h4 className="subsection-title">Tabs opened</h4>
          <ul className="tab-list">
            {world.tabs.map((tab, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same URL may open twice.
              <li key={index} className="url-text">
                {tab}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

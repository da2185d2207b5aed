// The project's always-available surfaces: changelog posts (open, click their CTA), the
// resource center's blocks and the AI agent (ask a message; its answers shown as text).
import { Fragment, useState } from "react";
import type { WorldState } from "../../machines/engine/index.ts";
import type { Project } from "../../machines/format/index.ts";
import { agentLines, unmatchedNote } from "./agent-view.ts";
import { runStep } from "./run.ts";

function Posts({ project }: { project: Project }) {
  if (project.posts.length === 0) return null;
  return (
    <section className="widget" aria-label="Posts">
      <h4 className="subsection-title">Changelog posts</h4>
      {project.posts.map((post) => (
        <article key={post.id} className="post">
          <p className="post-title">{post.title}</p>
          {post.body && <p className="post-body">{post.body}</p>}
          <div className="control-row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => runStep({ do: "openPost", post: post.id })}
            >
              Open post
            </button>
            {post.cta && (
              <button
                type="button"
                className="btn btn-small btn-primary"
                onClick={() => runStep({ do: "clickPostCta", post: post.id })}
              >
                {post.cta.label}
              </button>
            )}
          </div>
        </article>
      ))}
    </section>
  );
}

function ResourceCenter({ project }: { project: Project }) {
  const blocks = project.resourceCenter.blocks;
  if (blocks.length === 0) return null;
  return (
    <section className="widget" aria-label="Resource center">
      <h4 className="subsection-title">Resource center</h4>
      <div className="control-row wrap">
        {blocks.map((block) => (
          <button
            key={block.id}
            type="button"
            className="btn btn-small"
            onClick={() => runStep({ do: "clickBlock", block: block.id })}
          >
            {block.label}
          </button>
        ))}
      </div>
    </section>
  );
}

function Agent({ world }: { world: WorldState }) {
  const [message, setMessage] = useState("");
  return (
    <section className="widget" aria-label="AI agent">
      <h4 className="subsection-title">
        AI agent {world.agent.open ? <span className="pill">open</span> : null}
      </h4>
      {/* Polite: an answer, or the note that nothing matched, is read once it comes. */}
      <ol className="agent-messages" aria-label="Conversation" aria-live="polite">
        {agentLines(world).map((m, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: messages are append-only.
          <Fragment key={index}>
            <li className={`agent-message from-${m.from}`}>{m.text}</li>
            {m.outcome?.kind === "unmatched" && (
              <li className="agent-note" data-testid="agent-unmatched">
                {unmatchedNote}
              </li>
            )}
            {m.outcome?.kind === "automated" && (
              <li className="agent-note">
                No custom answer matches; automated action {m.outcome.ids.join(", ")} ran.
              </li>
            )}
          </Fragment>
        ))}
      </ol>
      <form
        className="control-row"
        onSubmit={(event) => {
          event.preventDefault();
          runStep({ do: "askAgent", message });
          setMessage("");
        }}
      >
        <input
          className="input"
          aria-label="Message to the agent"
          placeholder="Ask the agent…"
          value={message}
          onChange={(event) => setMessage(event.target.value)}
        />
        <button type="submit" className="btn btn-small">
          Ask
        </button>
      </form>
    </section>
  );
}

export function Widgets({ project, world }: { project: Project; world: WorldState }) {
  return (
    <section className="widgets" aria-label="Posts, resource center and agent">
      <Posts project={project} />
      <ResourceCenter project={project} />
      <Agent world={world} />
    </section>
  );
}

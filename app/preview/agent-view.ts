// The agent's conversation as the preview shows it (issue 12: a question that matched nothing
// got no sign). SPEC §3: a message is answered by the first custom answer whose `match` it
// contains, then the first automated action whose `match` it contains fires; with neither,
// the engine gives no reply. The preview says so under the message, read off the trace (one
// `agent.asked` per user message, followed by its `agent.answered` / `agent.automated`).
import type { WorldState } from "../../machines/engine/index.ts";

export interface AgentLine {
  from: "user" | "agent";
  text: string;
  /** A user message: what answered it — nothing, or automated actions only (their ids). */
  outcome?: { kind: "unmatched" } | { kind: "automated"; ids: string[] };
}

export const unmatchedNote = "No custom answer or automated action matches this message.";

/** What each message of the user got, in order. */
function outcomes(world: WorldState): AgentLine["outcome"][] {
  const found: AgentLine["outcome"][] = [];
  let current: { answered: boolean; automated: string[] } | null = null;
  const close = () => {
    if (!current) return;
    if (current.answered) found.push(undefined);
    else if (current.automated.length > 0)
      found.push({ kind: "automated", ids: current.automated });
    else found.push({ kind: "unmatched" });
  };
  for (const entry of world.trace) {
    if (entry.type === "agent.asked") {
      close();
      current = { answered: false, automated: [] };
    } else if (current && entry.type === "agent.answered") {
      current.answered = true;
    } else if (current && entry.type === "agent.automated") {
      current.automated.push(String(entry.automatedAction));
    }
  }
  close();
  return found;
}

export function agentLines(world: WorldState): AgentLine[] {
  const got = outcomes(world);
  let asked = 0;
  return world.agent.messages.map((message) => {
    if (message.from !== "user") return { ...message };
    const outcome = got[asked++];
    return outcome ? { ...message, outcome } : { ...message };
  });
}

// Starts saved work once per page: open IndexedDB (a failure leaves the page working, unsaved),
// keep each document's session, restore or follow a share link, then autosave.
// Flushes pending writes when the page is hidden, so a reload right after an edit keeps it.
import { examples, initialExampleId } from "../examples/catalog.ts";
import type { OpenRequest } from "../workspace/document-model.ts";
import { openExample } from "../workspace/open-actions.ts";
import { randomId, workspaceStore } from "../workspace/workspace-store.ts";
import { type Keeper, startKeeper } from "./keeper.ts";
import { SavedWork } from "./saved-work.ts";
import { keepSessions } from "./session-bridge.ts";
import { sessionRegistry } from "./session-registry.ts";
import { tokenFromHash } from "./share-codec.ts";
import { updateStatus } from "./status.ts";

let started: Promise<Keeper> | null = null;

export function startSavedWork(): Promise<Keeper> {
  started ??= start();
  return started;
}

async function start(): Promise<Keeper> {
  const hash = window.location.hash;
  const work = await SavedWork.open().catch((thrown: unknown) => {
    updateStatus({
      save: "off",
      detail: thrown instanceof Error ? thrown.message : String(thrown),
    });
    return null;
  });
  keepSessions();
  const keeper = await startKeeper({
    workspace: workspaceStore,
    sessions: sessionRegistry,
    work,
    hash,
    clearHash: () =>
      window.history.replaceState(null, "", window.location.pathname + window.location.search),
    firstDocument,
    newId: randomId,
    // "off" keeps the reason IndexedDB could not be opened, given above.
    onStatus: (save, detail) => updateStatus(save === "off" ? { save } : { save, detail }),
    onNotice: (notice) => updateStatus({ notice }),
  });
  // A followed share link wins over `?example=` (which would open on top of it).
  if (tokenFromHash(hash) === null) openRequestedExample(window.location.search);
  updateStatus({ ready: true });
  const flush = () => void keeper.flush();
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });
  return keeper;
}

/** `?example=<id>` asks for an example: after restoring, it is opened (or selected). */
function openRequestedExample(search: string): void {
  const wanted = new URLSearchParams(search).get("example");
  const example = examples.find((candidate) => candidate.id === wanted);
  if (example) openExample(example);
}

function firstDocument(): OpenRequest {
  const example = examples.find((candidate) => candidate.id === initialExampleId(examples));
  const chosen = example ?? examples[0];
  return {
    name: chosen.label,
    text: chosen.text,
    origin: { kind: "example", exampleId: chosen.id },
  };
}

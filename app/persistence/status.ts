// The save status and the last notice (a share link opened, saved work that could not be
// read), for the persistence bar; a tiny external store like the others.
import { useSyncExternalStore } from "react";
import type { SaveStatus } from "./keeper.ts";

export interface PersistenceStatus {
  save: SaveStatus;
  detail?: string;
  notice: string | null;
  /** True once saved work has been restored (or found absent). */
  ready: boolean;
}

type Listener = () => void;
let status: PersistenceStatus = { save: "saved", notice: null, ready: false };
const listeners = new Set<Listener>();

export function updateStatus(patch: Partial<PersistenceStatus>): void {
  status = { ...status, ...patch };
  for (const listener of listeners) listener();
}

export function usePersistenceStatus(): PersistenceStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}

// Where the workbench layout is remembered: localStorage, or nothing when the browser refuses
// it (a private window, storage turned off, a full quota), so the page still works and only
// forgets its layout.

/** What react-resizable-panels' useDefaultLayout needs (its LayoutStorage). */
export interface PaneStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function safeStorage(get: () => Storage | undefined): PaneStorage {
  return {
    getItem(key) {
      try {
        return get()?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        get()?.setItem(key, value);
      } catch {
        // Not remembered: the layout still works for this visit.
      }
    },
  };
}

export const paneStorage: PaneStorage = safeStorage(() => globalThis.localStorage);

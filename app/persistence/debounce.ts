// Debounced saving: a burst of edits costs one write; `flush` writes now (page hide, unload).

export interface Debounced<T> {
  schedule(value: T): void;
  /** Runs the pending call at once, if any. */
  flush(): void;
  cancel(): void;
  pending(): boolean;
}

export function debounce<T>(run: (value: T) => void, delayMs: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: { value: T } | null = null;
  const fire = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const next = latest;
    latest = null;
    if (next) run(next.value);
  };
  return {
    schedule(value) {
      latest = { value };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(fire, delayMs);
    },
    flush: fire,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      latest = null;
    },
    pending: () => latest !== null,
  };
}

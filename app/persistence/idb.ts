// A plain promise wrapper over IndexedDB: one database, named object stores with out-of-line
// keys. The factory is a parameter so unit tests can pass fake-indexeddb's.

export interface KeyValueStore<T> {
  get(key: string): Promise<T | undefined>;
  put(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every [key, value] pair, in key order. */
  entries(): Promise<[string, T][]>;
}

class StorageUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageUnavailableError";
  }
}

export function defaultIndexedDb(): IDBFactory | undefined {
  return typeof indexedDB === "undefined" ? undefined : indexedDB;
}

/** Opens (creating or upgrading) a database with the given stores. */
export function openDatabase(
  factory: IDBFactory | undefined,
  name: string,
  version: number,
  storeNames: readonly string[],
): Promise<IDBDatabase> {
  if (!factory) return Promise.reject(new StorageUnavailableError("IndexedDB is not available"));
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const store of storeNames) {
        if (!db.objectStoreNames.contains(store)) db.createObjectStore(store);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(asError(request.error, `cannot open database "${name}"`));
    // Another tab holds an older version open: say so instead of waiting forever.
    request.onblocked = () =>
      reject(new StorageUnavailableError("close the other Flowscope tabs to upgrade storage"));
  });
}

export function storeOf<T>(db: IDBDatabase, storeName: string): KeyValueStore<T> {
  /** Runs `body` in one transaction; resolves with its reader's value once the transaction commits. */
  const transact = <R>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => R) =>
    new Promise<R>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const read = body(transaction.objectStore(storeName));
      // Resolve on commit, not on request success: a reload right after must see the write.
      transaction.oncomplete = () => resolve(read());
      transaction.onerror = () => reject(asError(transaction.error, `${storeName}: failed`));
      transaction.onabort = () => reject(asError(transaction.error, `${storeName}: aborted`));
    });
  const nothing = () => undefined;
  return {
    get: (key) =>
      transact("readonly", (store) => {
        const request = store.get(key);
        return () => request.result as T | undefined;
      }),
    put: (key, value) =>
      transact("readwrite", (store) => {
        store.put(value, key);
        return nothing;
      }),
    delete: (key) =>
      transact("readwrite", (store) => {
        store.delete(key);
        return nothing;
      }),
    entries: () =>
      transact("readonly", (store) => {
        // Both reads in one transaction, so keys and values always pair up.
        const keys = store.getAllKeys();
        const values = store.getAll();
        return () =>
          keys.result.map((key, i) => [String(key), values.result[i] as T] as [string, T]);
      }),
  };
}

function asError(error: DOMException | null, fallback: string): Error {
  return error ? new StorageUnavailableError(`${fallback}: ${error.message}`) : new Error(fallback);
}

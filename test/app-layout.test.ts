// The workbench layout's remembered prefs (focus mode, the left tab), the storage that must not
// break the page when the browser refuses it, the focus-mode keys, and the arrow moves of menus.
import { describe, expect, it } from "vitest";
import { tabAfterKey } from "../app/explore/tab-keys.ts";
import { type FocusKey, focusKeyAction } from "../app/shell/focus-keys.ts";
import {
  createLayoutPrefsStore,
  defaultLayoutPrefs,
  layoutPrefsKey,
  readLayoutPrefs,
} from "../app/shell/layout-prefs.ts";
import { type PaneStorage, safeStorage } from "../app/shell/pane-storage.ts";

function memoryStorage(initial: Record<string, string> = {}): PaneStorage & {
  items: Map<string, string>;
} {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
  };
}

describe("layout prefs", () => {
  it("start with the defaults when nothing, or nothing sound, is saved", () => {
    expect(readLayoutPrefs(null)).toEqual(defaultLayoutPrefs);
    expect(readLayoutPrefs("{not json")).toEqual(defaultLayoutPrefs);
    expect(readLayoutPrefs("42")).toEqual(defaultLayoutPrefs);
    expect(readLayoutPrefs("null")).toEqual(defaultLayoutPrefs);
    expect(readLayoutPrefs('{"focus":"yes","leftTab":"preview"}')).toEqual(defaultLayoutPrefs);
  });

  it("keep each sound field of what is saved, and ignore inherited ones", () => {
    expect(readLayoutPrefs('{"focus":true}')).toEqual({ ...defaultLayoutPrefs, focus: true });
    expect(readLayoutPrefs('{"leftTab":"edit","focus":7}')).toEqual({
      ...defaultLayoutPrefs,
      leftTab: "edit",
    });
    expect(readLayoutPrefs('{"__proto__":{"focus":true}}')).toEqual(defaultLayoutPrefs);
  });

  it("are saved on every change and read back by the next page", () => {
    const storage = memoryStorage();
    const store = createLayoutPrefsStore(storage);
    let heard = 0;
    store.subscribe(() => heard++);
    store.update({ focus: true });
    store.update({ leftTab: "edit" });
    store.update({ leftTab: "edit" }); // no change: no save, no news
    expect(heard).toBe(2);
    expect(createLayoutPrefsStore(storage).get()).toEqual({ focus: true, leftTab: "edit" });
    expect(JSON.parse(storage.items.get(layoutPrefsKey) ?? "")).toEqual({
      focus: true,
      leftTab: "edit",
    });
  });
});

describe("pane storage", () => {
  it("forgets instead of failing when the browser refuses storage", () => {
    const refusing = {
      getItem() {
        throw new Error("SecurityError");
      },
      setItem() {
        throw new Error("QuotaExceededError");
      },
    } as unknown as Storage;
    const storage = safeStorage(() => refusing);
    expect(storage.getItem("k")).toBeNull();
    expect(() => storage.setItem("k", "v")).not.toThrow();
    const none = safeStorage(() => undefined);
    expect(none.getItem("k")).toBeNull();
    const store = createLayoutPrefsStore(storage);
    store.update({ focus: true });
    expect(store.get().focus).toBe(true);
  });
});

describe("focus mode keys", () => {
  const key = (over: Partial<FocusKey>): FocusKey => ({
    key: "f",
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    handled: false,
    intoText: false,
    ...over,
  });

  it("F toggles, either case, but not typed into a field nor with a modifier", () => {
    expect(focusKeyAction(key({}), false)).toBe("toggle");
    expect(focusKeyAction(key({ key: "F" }), true)).toBe("toggle");
    expect(focusKeyAction(key({ intoText: true }), false)).toBeNull();
    expect(focusKeyAction(key({ ctrlKey: true }), false)).toBeNull();
    expect(focusKeyAction(key({ metaKey: true }), false)).toBeNull();
    expect(focusKeyAction(key({ altKey: true }), false)).toBeNull();
    expect(focusKeyAction(key({ handled: true }), false)).toBeNull();
    expect(focusKeyAction(key({ key: "g" }), false)).toBeNull();
  });

  it("Escape leaves focus mode, even from a field, unless something else took it", () => {
    expect(focusKeyAction(key({ key: "Escape" }), true)).toBe("leave");
    expect(focusKeyAction(key({ key: "Escape", intoText: true }), true)).toBe("leave");
    expect(focusKeyAction(key({ key: "Escape" }), false)).toBeNull();
    expect(focusKeyAction(key({ key: "Escape", handled: true }), true)).toBeNull();
  });
});

describe("menu keys", () => {
  const items = ["open", "paste", "new"] as const;

  it("move with ArrowUp/ArrowDown (wrapping) in a vertical list, not with the side arrows", () => {
    expect(tabAfterKey(items, "open", "ArrowDown", "vertical")).toBe("paste");
    expect(tabAfterKey(items, "open", "ArrowUp", "vertical")).toBe("new");
    expect(tabAfterKey(items, "new", "ArrowDown", "vertical")).toBe("open");
    expect(tabAfterKey(items, "paste", "End", "vertical")).toBe("new");
    expect(tabAfterKey(items, "paste", "Home", "vertical")).toBe("open");
    expect(tabAfterKey(items, "open", "ArrowRight", "vertical")).toBeNull();
    expect(tabAfterKey(items, "open", "ArrowDown")).toBeNull();
  });
});

// Focus mode from the keyboard anywhere on the page (see focus-keys.ts).
import { useEffect } from "react";
import { focusKeyAction, takesText } from "./focus-keys.ts";
import { type LayoutPrefsStore, layoutPrefs } from "./layout-prefs.ts";

export function useFocusShortcut(store: LayoutPrefsStore = layoutPrefs): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = focusKeyAction(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          handled: event.defaultPrevented || event.repeat,
          intoText: takesText(event.target),
        },
        store.get().focus,
      );
      if (action === null) return;
      event.preventDefault();
      store.update({ focus: action === "toggle" ? !store.get().focus : false });
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [store]);
}

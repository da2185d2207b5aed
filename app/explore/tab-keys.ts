// Keyboard moves in a list of tabs or menu items (WAI-ARIA tabs and menu patterns): the arrows
// along the list's orientation go to the previous/next item, wrapping around; Home/End to the
// ends. Tab lists run horizontally (ArrowLeft/ArrowRight), menus vertically (ArrowUp/ArrowDown).

export type ListOrientation = "horizontal" | "vertical";

const arrows = {
  horizontal: { back: "ArrowLeft", forward: "ArrowRight" },
  vertical: { back: "ArrowUp", forward: "ArrowDown" },
} as const;

/** The item a key moves to from `current`, or null when the key is not a move. */
export function tabAfterKey<T>(
  tabs: readonly T[],
  current: T,
  key: string,
  orientation: ListOrientation = "horizontal",
): T | null {
  if (tabs.length === 0) return null;
  const at = Math.max(0, tabs.indexOf(current));
  switch (key) {
    case arrows[orientation].forward:
      return tabs[(at + 1) % tabs.length];
    case arrows[orientation].back:
      return tabs[(at - 1 + tabs.length) % tabs.length];
    case "Home":
      return tabs[0];
    case "End":
      return tabs[tabs.length - 1];
    default:
      return null;
  }
}

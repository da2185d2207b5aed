// Keyboard moves of the explorer's tab list (WAI-ARIA tabs pattern, automatic activation):
// ArrowLeft/ArrowRight go to the previous/next tab, wrapping around; Home/End to the ends.

/** The tab a key moves to from `current`, or null when the key is not a tab move. */
export function tabAfterKey<T>(tabs: readonly T[], current: T, key: string): T | null {
  if (tabs.length === 0) return null;
  const at = Math.max(0, tabs.indexOf(current));
  switch (key) {
    case "ArrowRight":
      return tabs[(at + 1) % tabs.length];
    case "ArrowLeft":
      return tabs[(at - 1 + tabs.length) % tabs.length];
    case "Home":
      return tabs[0];
    case "End":
      return tabs[tabs.length - 1];
    default:
      return null;
  }
}

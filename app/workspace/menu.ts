// The menus are <details> elements (keyboard and screen-reader friendly without a library);
// an item closes its menu when used.

export function closeMenuOf(element: Element): void {
  element.closest("details")?.removeAttribute("open");
}

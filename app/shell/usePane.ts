// One collapsible pane of the workbench: whether it is collapsed (as the resizable group says,
// after a drag, a keyboard resize or a restored layout) and the buttons' collapse / expand.
import { type RefObject, useCallback, useRef, useState } from "react";
import type { PanelImperativeHandle } from "react-resizable-panels";

export interface Pane {
  panelRef: RefObject<PanelImperativeHandle | null>;
  collapsed: boolean;
  /** The Panel's onResize: keeps `collapsed` in step with the group's layout. */
  onResize(): void;
  collapse(): void;
  expand(): void;
  toggle(): void;
}

/**
 * @param initiallyCollapsed what to show until the group reports the pane's size
 * @param comfortable the size (pixels) an expanded pane gets at least: after a reload the group
 *   no longer knows the size it had before it was collapsed, and would open it at its minimum
 */
export function usePane(initiallyCollapsed: boolean, comfortable: number): Pane {
  const panelRef = useRef<PanelImperativeHandle>(null);
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const onResize = useCallback(() => {
    const panel = panelRef.current;
    if (panel) setCollapsed(panel.isCollapsed());
  }, []);
  const collapse = useCallback(() => {
    panelRef.current?.collapse();
  }, []);
  const expand = useCallback(() => {
    const panel = panelRef.current;
    if (!panel?.isCollapsed()) return;
    panel.expand();
    if (panel.getSize().inPixels < comfortable) panel.resize(comfortable);
  }, [comfortable]);
  const toggle = useCallback(() => {
    if (panelRef.current?.isCollapsed()) expand();
    else collapse();
  }, [collapse, expand]);
  return { panelRef, collapsed, onResize, collapse, expand, toggle };
}

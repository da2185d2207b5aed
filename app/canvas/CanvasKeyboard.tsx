// The canvas by keyboard (WAI-ARIA: one tab stop, arrows inside). Tab reaches one node (the
// last one focused, else the first step); the arrow keys move focus to the nearest node in
// that direction (keyboard-nav.ts) and bring it into view; Enter or Space acts as a click
// (a step is selected and previewed from); Escape clears the selection. From the selected
// node, Tab goes through its routes (the arrow keys too, once on one), Enter or Space selects
// the route, and Tab past the last one leaves the canvas; Shift+Tab walks back to the node.
// Rendered inside <ReactFlow>: it listens on the canvas's own element and draws nothing.
import { useReactFlow, useStore, useStoreApi } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { revealNode } from "./framing.ts";
import type { CanvasModel } from "./graph-model.ts";
import { arrowDirections, nearestInDirection } from "./keyboard-nav.ts";
import type { Point } from "./layout-types.ts";

export interface CanvasKeyboardProps {
  model: CanvasModel;
  positions: Record<string, Point>;
  /** The selected node (or the selected route's): Tab goes from it through its routes. */
  routesFrom: string | null;
  /** Enter or Space on a node or an edge: as a click on it. */
  onActivateNode(id: string): void;
  onActivateEdge(id: string): void;
  /** Escape. */
  onClear(): void;
  /** A node took focus: it is now the canvas's tab stop. */
  onTabStop(id: string): void;
}

/** Frames to wait for a node panned into view to be drawn (big flows draw only what shows). */
const drawFrames = 10;

function elementOf(root: Element, kind: "node" | "edge", id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`.react-flow__${kind}[data-id="${CSS.escape(id)}"]`);
}

export function CanvasKeyboard(props: CanvasKeyboardProps) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const domNode = useStore((s) => s.domNode);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!domNode) return;
    const pane = () => ({ width: store.getState().width, height: store.getState().height });

    const focusNode = (id: string) => {
      latest.current.onTabStop(id);
      const drawn = elementOf(domNode, "node", id);
      revealNode(flow, id, pane(), drawn ? 150 : 0);
      if (drawn) {
        drawn.focus({ preventScroll: true });
        return;
      }
      let frames = 0;
      const retry = () => {
        const element = elementOf(domNode, "node", id);
        if (element) element.focus({ preventScroll: true });
        else if (++frames < drawFrames) requestAnimationFrame(retry);
      };
      requestAnimationFrame(retry);
    };

    const routesOf = (id: string) => latest.current.model.edges.filter((e) => e.source === id);
    const focusEdge = (id: string) => {
      const element = elementOf(domNode, "edge", id);
      element?.focus({ preventScroll: true });
      return element !== null;
    };

    const onNodeKey = (event: KeyboardEvent, id: string) => {
      const { model, positions, routesFrom } = latest.current;
      if (event.key === "Tab" && !event.shiftKey && id === routesFrom) {
        const [first] = routesOf(id);
        if (first && focusEdge(first.id)) event.preventDefault();
        return;
      }
      const direction = arrowDirections.get(event.key);
      if (direction) {
        event.preventDefault();
        const next = nearestInDirection(id, direction, model.nodes, positions);
        if (next) focusNode(next);
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        latest.current.onActivateNode(id);
      }
    };

    const onEdgeKey = (event: KeyboardEvent, id: string) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        latest.current.onActivateEdge(id);
        return;
      }
      const source = latest.current.model.edges.find((e) => e.id === id)?.source;
      if (source === undefined) return;
      const siblings = routesOf(source);
      const at = siblings.findIndex((e) => e.id === id);
      if (event.key === "Tab") {
        const next = siblings[at + (event.shiftKey ? -1 : 1)];
        if (next && focusEdge(next.id)) {
          event.preventDefault();
          return;
        }
        // Back to the node: Shift+Tab stops there; Tab goes on from it, out of the canvas
        // (the browser moves focus after this handler, from the element focused now).
        elementOf(domNode, "node", source)?.focus({ preventScroll: true });
        if (event.shiftKey) event.preventDefault();
        return;
      }
      const direction = arrowDirections.get(event.key);
      if (!direction) return;
      event.preventDefault();
      const step = direction === "down" || direction === "right" ? 1 : -1;
      const next = siblings[(at + step + siblings.length) % siblings.length];
      if (next) focusEdge(next.id);
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.target instanceof Element)) return;
      if (event.key === "Escape") {
        latest.current.onClear();
        return;
      }
      const node = event.target.closest<HTMLElement>(".react-flow__node");
      if (node === event.target && node.dataset.id !== undefined) {
        onNodeKey(event, node.dataset.id);
        return;
      }
      const edge = event.target.closest<SVGElement>(".react-flow__edge");
      if (edge === event.target && edge.dataset.id !== undefined) onEdgeKey(event, edge.dataset.id);
    };

    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      if (!event.target.classList.contains("react-flow__node")) return;
      const id = event.target.dataset.id;
      if (id === undefined) return;
      latest.current.onTabStop(id);
      // A click shows the node already; a Tab into the canvas may land on one out of view.
      if (event.target.matches(":focus-visible")) revealNode(flow, id, pane(), 150);
    };

    domNode.addEventListener("keydown", onKeyDown);
    domNode.addEventListener("focusin", onFocusIn);
    return () => {
      domNode.removeEventListener("keydown", onKeyDown);
      domNode.removeEventListener("focusin", onFocusIn);
    };
  }, [domNode, flow, store]);
  return null;
}

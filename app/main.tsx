// Browser entry: mounts the app. Everything else lives in App.tsx and its folders.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { installHistoryKeys } from "./authoring/history-keys.ts";
import { workspaceStore } from "./workspace/workspace-store.ts";
import "./styles.css";

const container = document.getElementById("root");
if (!container) throw new Error("Flowscope: #root is missing from index.html");

// Mod-z / Mod-Shift-z outside text fields step the active document's one history (issue 12).
installHistoryKeys(window, workspaceStore);

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

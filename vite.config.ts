/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: "app",
  publicDir: false,
  plugins: [react()],
  server: { host: "127.0.0.1", port: 5173, strictPort: true, fs: { allow: [".."] } },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  build: { outDir: "../dist", emptyOutDir: true },
  worker: { format: "es" },
  // Scan the workers too: a dependency first met in a worker (elkjs) is otherwise optimised
  // on first use, and Vite then reloads the page under the first e2e test of a cold server.
  optimizeDeps: { entries: ["index.html", "**/*.worker.ts"] },
  test: {
    root: ".",
    // Only unit tests: Playwright's e2e/*.spec.ts must never be picked up here.
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
  },
});

// The prebuilt CLI (`npx flowscope`, README "The command line"): cli/main.ts bundled for Node
// into dist-cli/flowscope.js by `npm run build:cli`, which `prepare` runs at `npm ci` time,
// beside dist-cli/forecast-worker.js, the worker threads of `forecast` (cli/forecast-pool.ts
// starts the file next to itself). Code both use lands in shared chunks.
// Node's built-ins and the packages stay external (loaded from node_modules at run time), so
// the bundle holds our own code, cli/ and machines/, already compiled from TypeScript — and
// zod: it ships as some sixty ES modules that Node's loader would resolve and read one by one
// on every start (about 70 ms of validate's cold start); inlined, they are one file.
import { builtinModules } from "node:module";
import { defineConfig } from "vite";

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Packages bundled in rather than loaded from node_modules. */
const inlined = ["zod"];

function isInlined(id: string): boolean {
  return inlined.some((name) => id === name || id.startsWith(`${name}/`));
}

/** A Node built-in, or a package (a bare specifier) that is not inlined. */
function isExternal(id: string): boolean {
  if (builtins.has(id)) return true;
  const ownFile = id.startsWith(".") || id.startsWith("/") || id.startsWith("\0");
  return !ownFile && !isInlined(id);
}

export default defineConfig({
  // Not the app's config (vite.config.ts): no React plugin, no app/ root, no public folder.
  publicDir: false,
  logLevel: "warn",
  ssr: { noExternal: inlined },
  build: {
    ssr: true,
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      input: { flowscope: "cli/main.ts", "forecast-worker": "cli/forecast-worker.ts" },
      external: isExternal,
      output: {
        entryFileNames: "[name].js",
        chunkFileNames: "[name]-[hash].js",
        // The entry is what `npx flowscope` runs: it starts with a shebang (npm makes it executable).
        banner: (chunk) =>
          chunk.isEntry && chunk.name === "flowscope" ? "#!/usr/bin/env node" : "",
      },
    },
  },
});

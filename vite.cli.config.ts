// The prebuilt CLI (`npx flowscope`, README "The command line"): cli/main.ts bundled for Node
// into dist-cli/flowscope.js by `npm run build:cli`, which `prepare` runs at `npm ci` time.
// Node's built-ins and every package stay external (loaded from node_modules at run time), so
// the bundle holds only our own code: cli/ and machines/, already compiled from TypeScript.
import { builtinModules } from "node:module";
import { defineConfig } from "vite";

const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** A bare specifier (a package) or a Node built-in: everything but our own relative files. */
function isExternal(id: string): boolean {
  return builtins.has(id) || !(id.startsWith(".") || id.startsWith("/") || id.startsWith("\0"));
}

export default defineConfig({
  // Not the app's config: no React plugin, no app/ root, no public folder.
  configFile: false,
  publicDir: false,
  logLevel: "warn",
  build: {
    ssr: "cli/main.ts",
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      external: isExternal,
      output: {
        entryFileNames: "flowscope.js",
        chunkFileNames: "[name]-[hash].js",
        // The entry is what `npx flowscope` runs: it starts with a shebang (npm makes it executable).
        banner: (chunk) => (chunk.isEntry ? "#!/usr/bin/env node" : ""),
      },
    },
  },
});

import { defineConfig } from "vitest/config";

// The app is served from the binary by Tauri: relative asset paths, no
// inline scripts (the CSP forbids them), everything bundled locally.
export default defineConfig({
  base: "./",
  clearScreen: false,
  build: {
    target: "safari15",
    outDir: "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2500,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});

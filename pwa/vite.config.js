import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { fileURLToPath } from "node:url";
import catalogs from "./vite/catalogs.js";
import { manifest } from "./vite/manifest.js";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: fileURLToPath(new URL("../backend/meedoen/static/app", import.meta.url)),
    emptyOutDir: true,
    target: "es2020",
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  plugins: [
    catalogs({ translations: fileURLToPath(new URL("../translations", import.meta.url)),
               sources: fileURLToPath(new URL("./src", import.meta.url)) }),
    VitePWA({
      strategies: "injectManifest",
      srcDir: "src",
      filename: "sw.js",
      injectRegister: false,
      manifest,
      injectManifest: {
        // The shell and every screen chunk; language catalogs are cached by the page, one language only.
        globPatterns: ["**/*.{js,css,html,svg,png,webmanifest}"],
        globIgnores: ["i18n/**"],
      },
    }),
  ],
});

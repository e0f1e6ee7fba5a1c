// The staff console as a small static app: dist/console/{index.html, assets/}
// served by the server at /console under its strict CSP (script-src 'self':
// Vite emits the entry as an external module script, nothing inline).
// Runs after the widget build, which empties dist/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./src/console', import.meta.url)),
  // Relative URLs: the console works wherever the server mounts it (/console/).
  base: './',
  configFile: false,
  logLevel: 'warn',
  publicDir: false,
  esbuild: { legalComments: 'none' },
  build: {
    outDir: fileURLToPath(new URL('./dist/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/console-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  },
});

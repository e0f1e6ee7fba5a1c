// Library build into dist/ (served by the server at /widgets/*):
//  - one ES module per element (dist/tcrm-<name>.js), sharing chunks, for
//    pages that load only what they use;
//  - dist/tcrm-widgets.js, every element in one file for the script tag.
// Lazy parts (the Spanish catalogue) stay separate chunks in both.
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type InlineConfig } from 'vite';
import { ELEMENT_ENTRIES, noPreloadHelper, SCRIPT_BUNDLE } from './build-entries.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Settings both builds share. */
export function widgetBuild(input: Record<string, string>, emptyOutDir: boolean): InlineConfig {
  return {
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [noPreloadHelper],
    esbuild: { legalComments: 'none' },
    build: {
      outDir: 'dist',
      emptyOutDir,
      target: 'es2022',
      minify: 'esbuild',
      sourcemap: true,
      // Module preload is for HTML apps; a library must not inject a polyfill into the host page.
      modulePreload: false,
      copyPublicDir: false,
      rollupOptions: {
        input,
        preserveEntrySignatures: 'exports-only',
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
      },
    },
  } satisfies InlineConfig;
}

const scriptBundle = widgetBuild({ [SCRIPT_BUNDLE.name]: SCRIPT_BUNDLE.entry }, false);

const elementBuild = widgetBuild(ELEMENT_ENTRIES, true);

export default defineConfig({
  ...elementBuild,
  plugins: [
    ...(elementBuild.plugins ?? []),
    {
      name: 'tcrm-script-bundle',
      apply: 'build',
      // A second Rollup graph: every element in one entry file.
      closeBundle: async () => void (await build(scriptBundle)),
    },
  ],
});

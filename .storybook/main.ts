// Storybook for the widgets. Its packages are dev dependencies of
// packages/widgets (pnpm keeps them there), so they are resolved from it.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const widgets = createRequire(
  fileURLToPath(new URL('../packages/widgets/package.json', import.meta.url)),
);
const packageDir = (name: string) => dirname(widgets.resolve(`${name}/package.json`));

const widgetsImporter = fileURLToPath(new URL('../packages/widgets/src/index.ts', import.meta.url));

/**
 * Storybook's virtual entry imports `storybook/…` and `@storybook/…` as if
 * from the repository root, where pnpm installs nothing; resolve those as
 * if imported from packages/widgets instead.
 */
const resolveFromWidgets = {
  name: 'tcrm-resolve-storybook-from-widgets',
  enforce: 'pre' as const,
  async resolveId(
    this: {
      resolve(source: string, importer: string, options: { skipSelf: boolean }): Promise<unknown>;
    },
    source: string,
    importer: string | undefined,
  ) {
    if (!/^(@storybook\/|storybook\/|storybook$|lit$|lit\/|@lit\/)/.test(source)) return null;
    if (importer && importer.includes('/packages/widgets/')) return null;
    return this.resolve(source, widgetsImporter, { skipSelf: true });
  },
};

export default {
  stories: ['../packages/widgets/src/**/*.stories.ts'],
  framework: {
    name: packageDir('@storybook/web-components-vite'),
    // Not the widgets' vite.config.ts: that one is the library build.
    options: {
      builder: { viteConfigPath: fileURLToPath(new URL('./vite.config.mjs', import.meta.url)) },
    },
  },
  viteFinal: (config: { plugins?: unknown[] }) => ({
    ...config,
    plugins: [...(config.plugins ?? []), resolveFromWidgets],
  }),
  // Offline and private: no telemetry, no update checks.
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
};

// Browser tests in the Debian Chromium: no browser download is possible here.
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fileURLToPath } from 'node:url';
import { tcrmServerMiddleware, tcrmServerPlugin } from './test-server/wtr-server-plugin.mjs';

const flags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // A real therapyCRM server behind the page's own origin (test-server/).
  middleware: [tcrmServerMiddleware()],
  // esbuild reads useDefineForClassFields from this tsconfig.
  plugins: [
    tcrmServerPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: flags },
    }),
  ],
  // Lit's dev build warns about misuse (e.g. shadowed reactive properties); its banner is noise.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  // One page at a time: keyboard tests send real key events, and two pages
  // racing for focus in one browser lose keys (seen as flaky RTL arrow tests).
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 5_000 } },
};

import { defineConfig } from 'vitest/config';

// One flow at a time: each test drives a browser against its own server and
// database, and this machine has two cores.
export default defineConfig({
  test: {
    include: ['**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    globalSetup: ['./support/build-widgets.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});

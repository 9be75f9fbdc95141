import { defineConfig } from 'vitest/config';

// Browser tests: the real backend (started by e2e/global-setup.ts on a fresh SQLite database)
// serves the built dist/; playwright-core drives Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server and one database for the run: files take turns.
    fileParallelism: false,
    maxWorkers: 1,
  },
});

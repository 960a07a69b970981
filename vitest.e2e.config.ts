import { defineConfig } from 'vitest/config';

// End-to-end tests: real headless Chromium with the built extension. One file at a time,
// since each launches a browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

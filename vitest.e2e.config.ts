import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in real Chromium and Firefox. One file at a time, since
// each launches a browser and the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // Tests word their expectations with the extension's own wording functions, in English.
    setupFiles: ['./lib/i18n/node.ts'],
    testTimeout: 60000,
    hookTimeout: 90000,
    fileParallelism: false,
  },
});

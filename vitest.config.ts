import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    // Node stands in for the browser: linkedom parses HTML, the English catalogue (public/_locales/en) gives the words.
    setupFiles: ['fake-indexeddb/auto', './lib/dom/node.ts', './lib/i18n/node.ts'],
    testTimeout: 20000,
  },
});

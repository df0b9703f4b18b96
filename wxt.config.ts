import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

/** A benchmark-only build without compromise (scripts/bench-arch.ts compares its wake with the real one). */
const NO_COMPROMISE = process.env.TRIANGULATE_BENCH_NO_COMPROMISE === '1';

const TAGGER = fileURLToPath(new URL('./lib/detect/tagger.ts', import.meta.url));
/**
 * The tagger's compromise is evaluated at its first question, not on every service-worker wake
 * (lib/detect/compromise-on-first-call.ts); only the tagger's import is redirected, since that file
 * requires the library itself. The benchmark-only build gets a stub instead.
 */
const taggerCompromise = {
  name: 'triangulate:compromise-on-first-call',
  enforce: 'pre' as const,
  resolveId(source: string, importer: string | undefined) {
    if (source !== 'compromise/two' || importer !== TAGGER) return null;
    return fileURLToPath(new URL(NO_COMPROMISE ? './scripts/lib/no-compromise.ts' : './lib/detect/compromise-on-first-call.ts', import.meta.url));
  },
};

// https://wxt.dev/api/config.html
export default defineConfig({
  ...(NO_COMPROMISE ? { outDir: '.output/no-compromise' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), taggerCompromise],
    resolve: {
      // linkedom (the background's DOM parser for imports) parses stylesheets with CSSOM, which
      // imports never need and which carries an eval: a stub stands in (lib/background/no-cssom.ts).
      alias: {
        '@acemir/cssom': fileURLToPath(new URL('./lib/background/no-cssom.ts', import.meta.url)),
      },
    },
  }),
  manifest: ({ browser }) => ({
    // Names and descriptions come from the message catalogue, public/_locales/<language>/messages.json.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: browser === 'firefox' ? ['storage', 'tabs'] : ['storage', 'tabs', 'sidePanel'],
    action: { default_title: '__MSG_extName__' },
    // Shortcuts the reader can see and change (chrome://extensions/shortcuts, about:addons).
    commands: {
      'next-highlight': { suggested_key: { default: 'Alt+Shift+N' }, description: '__MSG_commandNextHighlight__' },
      'previous-highlight': { suggested_key: { default: 'Alt+Shift+P' }, description: '__MSG_commandPreviousHighlight__' },
      ...(browser === 'firefox' ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' }, description: '__MSG_commandOpenSidebar__' } } : {}),
    },
    // entrypoints/in-page.ts is built as an unlisted script and listed here: see its header for why
    // it does not use WXT's content-script context.
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['in-page.js'], run_at: 'document_idle' }],
    browser_specific_settings:
      browser === 'firefox'
        ? {
            gecko: {
              id: 'triangulate@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          }
        : undefined,
  }),
  hooks: {
    // seeds/ compiles into the dataset the background seeds into IndexedDB.
    'build:publicAssets': async (_wxt, files) => {
      const { buildDatasetFromSeeds } = await import('./lib/dataset/seeds-fs');
      const dataset = buildDatasetFromSeeds('seeds');
      files.push({ relativeDest: 'dataset.json', contents: JSON.stringify(dataset) });
      // Read on every service-worker wake instead of the dataset: seeding happens only when it changes.
      files.push({ relativeDest: 'dataset-version.txt', contents: dataset.version });
    },
  },
});

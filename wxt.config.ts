import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Triangulate',
    description: 'Cross-checks news about military and cyber exercises against other sources, entirely on your device.',
    permissions: browser === 'firefox' ? ['storage', 'tabs'] : ['storage', 'tabs', 'sidePanel'],
    action: { default_title: 'Triangulate' },
    // Shortcuts the reader can see and change (chrome://extensions/shortcuts, about:addons).
    commands: {
      'next-highlight': { suggested_key: { default: 'Alt+Shift+N' }, description: 'Open the card of the next highlight on the page' },
      'previous-highlight': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open the card of the previous highlight on the page' },
      ...(browser === 'firefox' ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+Y' }, description: 'Open the Triangulate sidebar' } } : {}),
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
      files.push({ relativeDest: 'dataset.json', contents: JSON.stringify(buildDatasetFromSeeds('seeds')) });
    },
  },
});

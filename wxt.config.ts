import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Triangulate',
    description: 'Cross-checks news about military and cyber exercises against other sources, entirely on your device.',
    permissions: ['storage'],
  },
});

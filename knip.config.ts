/**
 * knip: unused files, exports and dependencies (`npm run lint:unused`, part of `npm run lint`).
 * Entry points are the extension's (WXT), the CLI, the scripts `npm run` calls, the tests, and
 * the modules the builds put in place of others by path (wxt.config.ts, scripts/build-cli.mjs).
 */
const config = {
  entry: ['entrypoints/**/*.{ts,tsx}', 'lib/cli/main.ts', 'lib/cli/bundle.ts', 'lib/cli/snapshot.ts', 'scripts/*.ts', 'test/**/*.test.ts', 'test/**/*.e2e.ts', '.dependency-cruiser.webpack.cjs', 'scripts/lib/no-compromise.ts', 'lib/background/no-cssom.ts', 'lib/detect/compromise-on-first-call.ts'],
  project: ['**/*.{ts,tsx,js,mjs,cjs}', '!.output/**', '!.wxt/**'],
  // A module's own helpers may be exported for its tests or for reading; only exports nobody uses anywhere count.
  ignoreExportsUsedInFile: true,
  // axe-core is read from node_modules as a file and injected into pages by the accessibility e2e, never imported.
  ignoreDependencies: ['axe-core'],
  // Files other branches were editing when knip came in. Their findings, to settle once those
  // branches are merged (then delete this block): unused re-exports in lib/claims/index.ts,
  // lib/detect/index.ts and lib/import/index.ts; dead countryOfPlace (places.ts), tokenAt
  // (claims/tokens.ts), DateContext (dates.ts); the unused Annotator type (page/annotator.ts).
  ignoreIssues: {
    'lib/claims/index.ts': ['exports', 'types'],
    'lib/detect/index.ts': ['exports', 'types'],
    'lib/import/index.ts': ['exports', 'types'],
    'lib/claims/places.ts': ['exports'],
    'lib/claims/tokens.ts': ['exports'],
    'lib/claims/dates.ts': ['types'],
    'lib/page/annotator.ts': ['types'],
  },
};

export default config;

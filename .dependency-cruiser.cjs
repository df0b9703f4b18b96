/**
 * Layers point down only (ARCHITECTURE.md): entrypoints → components → lib; lib never imports
 * components or entrypoints; no import loops; extension pages hold UI only (the background owns
 * the knowledge base and the engine). `npm run lint:deps` checks it, `npm test` runs that.
 */
/** Engine code and the libraries only the background (and Node) may load. */
const ENGINE = '(^lib/(kb|detect|pipeline|import|claims|dataset|extract|dom|cli|background)/|(^|/)node_modules/(idb|compromise|linkedom|@mozilla/readability|fake-indexeddb)/)';
const PAGES = '^(entrypoints/(options|popup|sidepanel)/|components/(options|panel|shared)/)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import loops make modules impossible to read (or load) one at a time.', from: {}, to: { circular: true } },
    { name: 'lib-not-to-components', severity: 'error', comment: 'lib/ is the engine: UI is injected into it, never imported.', from: { path: '^lib/' }, to: { path: '^(components|entrypoints)/' } },
    { name: 'components-not-to-entrypoints', severity: 'error', comment: 'Entry points wire components; components never reach back up.', from: { path: '^components/' }, to: { path: '^entrypoints/' } },
    {
      name: 'pages-hold-no-engine',
      severity: 'error',
      comment: 'Extension pages ask the background (lib/messages.ts); they never open the KB or run the engine. Types may be shared.',
      from: { path: PAGES },
      to: { path: ENGINE, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'compromise-only-in-tagger',
      severity: 'error',
      comment:
        'Evaluating compromise costs 100-200 ms in a service worker: lib/detect/tagger.ts asks it only about ambiguous names, and the bundles evaluate it at the first question (lib/detect/compromise-on-first-call.ts). An import elsewhere would bring that cost back to every wake.',
      from: { path: '^(lib|components|entrypoints)/', pathNot: '^lib/detect/(tagger|compromise-on-first-call)\\.ts$' },
      to: { path: '(^|/)node_modules/compromise/', dependencyTypesNot: ['type-only'] },
    },
    { name: 'not-to-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true, pathNot: '^triangulate:' }, comment: 'triangulate:dataset is the virtual module the CLI build (scripts/build-cli.mjs) provides.' },
    { name: 'no-tests-from-code', severity: 'error', comment: 'Shipped code never imports tests.', from: { path: '^(lib|components|entrypoints)/' }, to: { path: '^test/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // WXT's '@/...' paths live in .wxt/tsconfig.json, relative to .wxt, which the resolver does not follow.
    webpackConfig: { fileName: '.dependency-cruiser.webpack.cjs' },
    enhancedResolveOptions: {
 exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

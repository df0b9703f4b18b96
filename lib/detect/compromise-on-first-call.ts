/**
 * Stands in for 'compromise/two' in the bundles, where lib/detect/tagger.ts imports it (the
 * extension's build, wxt.config.ts, and the CLI's, scripts/build-cli.mjs): the same call, but the
 * library is evaluated on the first call instead of when the bundle loads. Evaluating it builds its
 * lexicon, 100-200 ms of every service-worker wake otherwise (`npm run bench -- arch`), for a
 * tagger only pages with an ambiguous name need.
 *
 * The require() is what defers it. A Chromium MV3 service worker may not import() at run time, and
 * an ES import is evaluated with its importer; but rolldown (Vite's bundler) and esbuild both wrap a
 * module reached through require() in a function that runs at the first require(). It resolves to
 * the package's own CommonJS build of the same library (its `require` export), and the bundlers
 * redirect only the tagger's import, not this one. Node never loads this file: there, tagger.ts
 * imports compromise itself.
 */
import type Compromise from 'compromise/two';

type Nlp = typeof Compromise;

let loaded: Nlp | undefined;

function load(): Nlp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deferral itself (see above)
  loaded ??= require('compromise/two') as Nlp;
  return loaded;
}

/** compromise's nlp(text): the tagger calls nothing else (its static helpers are left out). */
const nlp = ((text: string) => load()(text)) as Nlp;

export default nlp;

/**
 * Bundles the command-line tool into one ES module, `bin/dist/triangulate.mjs`, with the compiled
 * dataset inside it, so `bin/triangulate.mjs` starts plain Node: no TypeScript loader and no
 * seeds/ compilation at run time.
 *
 * esbuild, because Vite, WXT and tsx already install it (no new package in the tree), it bundles
 * TypeScript directly and does this whole build in well under a second; tsup would only wrap it.
 * Plain JavaScript, so `bin/triangulate.mjs` can call it to rebuild a stale bundle without tsx.
 *
 * Run by `npm ci` / `npm install` (postinstall) and by `npm run build:cli`.
 */
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(ROOT, 'bin', 'dist', 'triangulate.mjs');
/** What the bundle is made of: when any of these is newer than the bundle, it is rebuilt. */
export const INPUTS = ['lib', 'seeds'].map((dir) => join(ROOT, dir));

// Bundled CommonJS packages (linkedom's dependencies) call require(); ESM output has none of its own.
const REQUIRE_SHIM = "import { createRequire as __triangulateRequire } from 'node:module';\nconst require = __triangulateRequire(import.meta.url);";

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', banner: { js: REQUIRE_SHIM } };

/** The dataset, compiled by the same code as the extension build (lib/dataset), run once here. */
async function compileDataset() {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'triangulate-cli-build-'));
  try {
    const out = join(dir, 'seeds.mjs');
    await build({ ...common, entryPoints: [join(ROOT, 'lib', 'dataset', 'seeds-fs.ts')], outfile: out });
    const { buildDatasetFromSeeds } = await import(pathToFileURL(out).href);
    return buildDatasetFromSeeds(join(ROOT, 'seeds'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `import dataset from 'triangulate:dataset'` in lib/cli/bundle.ts resolves to the compiled dataset. */
function datasetPlugin(json) {
  return {
    name: 'triangulate-dataset',
    setup(b) {
      b.onResolve({ filter: /^triangulate:dataset$/ }, (args) => ({ path: args.path, namespace: 'triangulate-dataset' }));
      // A string handed to JSON.parse loads faster than the same data as an object literal.
      b.onLoad({ filter: /.*/, namespace: 'triangulate-dataset' }, () => ({ contents: `export default JSON.parse(${JSON.stringify(json)});`, loader: 'js' }));
    },
  };
}

/**
 * compromise builds its lexicon when its module is evaluated (a few hundred ms of CPU), but the
 * detector calls it only for sentences holding an ambiguous name (lib/detect/ambiguity.ts). In the
 * bundle its import becomes a function that loads the module on the first call: esbuild evaluates
 * a module reached through require() lazily.
 */
function lazyCompromisePlugin() {
  return {
    name: 'lazy-compromise',
    setup(b) {
      b.onResolve({ filter: /^compromise$/ }, (args) =>
        args.namespace === 'lazy-compromise' ? undefined : { path: 'compromise', namespace: 'lazy-compromise' },
      );
      b.onLoad({ filter: /.*/, namespace: 'lazy-compromise' }, () => ({
        resolveDir: ROOT,
        loader: 'js',
        contents: "let real;\nexport default function nlp(...args) {\n  real ??= require('compromise').default;\n  return real(...args);\n}\n",
      }));
    },
  };
}

export async function buildCli() {
  // Loaded here, not at the top: bin/triangulate.mjs imports this file on every run to check the bundle's age.
  const { build } = await import('esbuild');
  const json = JSON.stringify(await compileDataset());
  mkdirSync(dirname(BUNDLE), { recursive: true });
  // Written beside the target and renamed, so a CLI started meanwhile never reads half a file.
  const partial = `${BUNDLE}.${process.pid}.tmp`;
  await build({ ...common, entryPoints: [join(ROOT, 'lib', 'cli', 'bundle.ts')], outfile: partial, plugins: [datasetPlugin(json), lazyCompromisePlugin()], minify: true, legalComments: 'none' });
  renameSync(partial, BUNDLE);
  writeFileSync(join(dirname(BUNDLE), 'README.md'), 'Built by scripts/build-cli.mjs (npm ci, npm run build:cli); not tracked.\n');
  return BUNDLE;
}

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when the bundle is missing or older than a file it is built from. */
export function isBundleStale() {
  const built = statSync(BUNDLE, { throwIfNoEntry: false });
  return !built || INPUTS.some((dir) => newestMtime(dir) > built.mtimeMs);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const out = await buildCli();
  console.log(`CLI bundle: ${out.slice(ROOT.length + 1)} (${Math.round(statSync(out).size / 1024)} KB) in ${Math.round(performance.now() - started)} ms`);
}

/**
 * Bundles the command-line tool into one ES module, `bin/dist/triangulate.mjs`, with the compiled
 * dataset inside it, so `bin/triangulate.mjs` starts plain Node: no TypeScript loader and no
 * seeds/ compilation at run time. Then, where Node can (`--build-snapshot`, Node 18.20+), a
 * start-up snapshot, `bin/dist/triangulate.blob`: the heap after seeding the in-memory KB and
 * building the detector, so a run skips both. `bin/dist/build.json` says what was built, with
 * which Node; bin/triangulate.mjs uses the snapshot only with that same Node, else the bundle.
 *
 * esbuild, because Vite, WXT and tsx already install it (no new package in the tree), it bundles
 * TypeScript directly and does this whole build in well under a second; tsup would only wrap it.
 * Plain JavaScript, so `bin/triangulate.mjs` can call it to rebuild a stale bundle without tsx.
 *
 * Run by `npm ci` / `npm install` (postinstall) and by `npm run build:cli`.
 */
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'bin', 'dist');
export const BUNDLE = join(DIST, 'triangulate.mjs');
export const SNAPSHOT = join(DIST, 'triangulate.blob');
/** Written last: `{ node, snapshot }`. Its age is the build's age. */
export const BUILD_INFO = join(DIST, 'build.json');
/** What the build is made of (with this script): when any of these is newer than the build, it is rebuilt. */
export const INPUTS = [join(ROOT, 'lib'), join(ROOT, 'seeds'), join(ROOT, 'public', '_locales'), fileURLToPath(import.meta.url)];

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
 * `import catalogues from 'triangulate:locales'` (lib/cli/bundle.ts, snapshot.ts) resolves to every
 * public/_locales/<folder>/messages.json, keyed by folder, compiled into the bundle: the CLI reads
 * the same catalogues as the extension without touching the disk at run time. Imported by path,
 * so esbuild keeps one copy of the English file that lib/i18n/node.ts imports too.
 */
function localesPlugin() {
  const dir = join(ROOT, 'public', '_locales');
  return {
    name: 'triangulate-locales',
    setup(b) {
      b.onResolve({ filter: /^triangulate:locales$/ }, (args) => ({ path: args.path, namespace: 'triangulate-locales' }));
      b.onLoad({ filter: /.*/, namespace: 'triangulate-locales' }, () => {
        const folders = readdirSync(dir).filter((f) => statSync(join(dir, f, 'messages.json'), { throwIfNoEntry: false })?.isFile());
        const imports = folders.map((f, i) => `import c${i} from ${JSON.stringify(join(dir, f, 'messages.json'))};`);
        const entries = folders.map((f, i) => `${JSON.stringify(f)}: c${i}`);
        return { contents: `${imports.join('\n')}\nexport default { ${entries.join(', ')} };`, loader: 'js', resolveDir: dir, watchFiles: folders.map((f) => join(dir, f, 'messages.json')) };
      });
    },
  };
}

/**
 * compromise builds its lexicon when its module is evaluated (a few hundred ms of CPU), but the
 * detector asks it only about sentences holding an ambiguous name (lib/detect/tagger.ts). In the
 * bundle the tagger's import resolves to lib/detect/compromise-on-first-call.ts, as in the
 * extension's build (wxt.config.ts), which evaluates the library on its first call.
 */
function lazyCompromisePlugin() {
  const tagger = join(ROOT, 'lib', 'detect', 'tagger.ts');
  return {
    name: 'lazy-compromise',
    setup(b) {
      b.onResolve({ filter: /^compromise\/two$/ }, (args) => (args.importer === tagger ? { path: join(ROOT, 'lib', 'detect', 'compromise-on-first-call.ts') } : undefined));
    },
  };
}

export async function buildCli() {
  // Loaded here, not at the top: bin/triangulate.mjs imports this file on every run to check the bundle's age.
  const { build } = await import('esbuild');
  const json = JSON.stringify(await compileDataset());
  mkdirSync(DIST, { recursive: true });
  rmSync(BUILD_INFO, { force: true });
  // Written beside the target and renamed, so a CLI started meanwhile never reads half a file.
  const partial = `${BUNDLE}.${process.pid}.tmp`;
  await build({ ...common, entryPoints: [join(ROOT, 'lib', 'cli', 'bundle.ts')], outfile: partial, plugins: [datasetPlugin(json), localesPlugin(), lazyCompromisePlugin()], minify: true, legalComments: 'none' });
  renameSync(partial, BUNDLE);
  const snapshot = await buildSnapshot(build, json);
  writeFileSync(join(DIST, 'README.md'), 'Built by scripts/build-cli.mjs (npm ci, npm run build:cli); not tracked.\n');
  writeFileSync(BUILD_INFO, `${JSON.stringify({ node: process.version, snapshot: snapshot === null, ...(snapshot ? { snapshotError: snapshot } : {}) })}\n`);
  return BUNDLE;
}

/** Builds the start-up snapshot; null when done, else why not (the bundle alone then serves). */
async function buildSnapshot(build, json) {
  const entry = join(DIST, `snapshot.${process.pid}.cjs`);
  const blob = `${SNAPSHOT}.${process.pid}.tmp`;
  try {
    // CommonJS: Node builds snapshots from a script. compromise loads eagerly here: its lexicon goes into the heap.
    // import.meta.url has no CommonJS form: the script's own URL stands in (lib/cli/seeds.ts reads it).
    const urlShim = "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;";
    await build({ ...common, format: 'cjs', banner: { js: urlShim }, define: { 'import.meta.url': '__importMetaUrl' }, entryPoints: [join(ROOT, 'lib', 'cli', 'snapshot.ts')], outfile: entry, plugins: [datasetPlugin(json), localesPlugin()], minify: true, legalComments: 'none' });
    const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', entry], { cwd: DIST, encoding: 'utf8' });
    if (made.status !== 0) return `node --build-snapshot failed: ${(made.stderr || made.error?.message || '').trim().split('\n').slice(-3).join(' ')}`;
    renameSync(blob, SNAPSHOT);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    rmSync(entry, { force: true });
    rmSync(blob, { force: true });
  }
}

/** What the last build made, or null when there is no finished build. */
export function buildInfo() {
  try {
    return JSON.parse(readFileSync(BUILD_INFO, 'utf8'));
  } catch {
    return null;
  }
}

function newestMtime(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when there is no finished build, or one older than a file it is built from. */
export function isBundleStale() {
  const built = statSync(BUILD_INFO, { throwIfNoEntry: false });
  return !built || !statSync(BUNDLE, { throwIfNoEntry: false }) || INPUTS.some((dir) => newestMtime(dir) > built.mtimeMs);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const out = await buildCli();
  const info = buildInfo();
  const snapshot = info?.snapshot ? `, start-up snapshot ${Math.round(statSync(SNAPSHOT).size / 1048576)} MB` : `, no start-up snapshot (${info?.snapshotError})`;
  console.log(`CLI bundle: ${out.slice(ROOT.length + 1)} (${Math.round(statSync(out).size / 1024)} KB)${snapshot}, in ${Math.round(performance.now() - started)} ms`);
}

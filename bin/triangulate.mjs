#!/usr/bin/env node
// Runs the command-line tool that scripts/build-cli.mjs builds from lib/ and seeds/ at install
// time (postinstall) or with `npm run build:cli`: from its start-up snapshot when this Node built
// one, else from the bundle. When the build is missing or older than its sources (a checkout, an
// edit), it is rebuilt first, once, and the run goes on.
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BUNDLE, SNAPSHOT, buildCli, buildInfo, isBundleStale } from '../scripts/build-cli.mjs';

if (isBundleStale()) {
  process.stderr.write('triangulate: building the command-line bundle (lib/, seeds/ or its build script changed since it was built)…\n');
  try {
    await buildCli();
  } catch (e) {
    process.stderr.write(`triangulate: could not build the bundle: ${e instanceof Error ? e.message : String(e)}\nRun \`npm ci\` (or \`npm run build:cli\`) in the project folder.\n`);
    process.exit(1);
  }
}

const info = buildInfo();
if (info?.snapshot && info.node === process.version) {
  // A snapshot only starts under the Node that built it; its heap holds the seeded KB.
  const run = spawnSync(process.execPath, ['--snapshot-blob', SNAPSHOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
} else {
  await import(pathToFileURL(BUNDLE).href);
}

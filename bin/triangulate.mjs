#!/usr/bin/env node
// Runs the CLI bundle (bin/dist/triangulate.mjs) that scripts/build-cli.mjs makes from lib/ and
// seeds/ at install time (postinstall) or with `npm run build:cli`. When the bundle is missing or
// older than its sources (a checkout, an edit), it is rebuilt first, once, and the run goes on.
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildCli, isBundleStale } from '../scripts/build-cli.mjs';

if (isBundleStale()) {
  process.stderr.write('triangulate: building the command-line bundle (lib/ or seeds/ changed since it was built)…\n');
  try {
    await buildCli();
  } catch (e) {
    process.stderr.write(`triangulate: could not build the bundle: ${e instanceof Error ? e.message : String(e)}\nRun \`npm ci\` (or \`npm run build:cli\`) in the project folder.\n`);
    process.exit(1);
  }
}
await import(pathToFileURL(BUNDLE).href);

#!/usr/bin/env node
// Runs the TypeScript CLI in lib/cli through tsx, so the CLI and the extension share one source.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../lib/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

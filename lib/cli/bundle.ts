/**
 * Entry of the bundled CLI (scripts/build-cli.mjs → bin/dist/triangulate.mjs): the dataset comes
 * compiled into the bundle, so a run reads no seeds and compiles nothing.
 */
import dataset from 'triangulate:dataset';
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), { dataset: () => dataset });

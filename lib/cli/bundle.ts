/**
 * Entry of the bundled CLI (scripts/build-cli.mjs → bin/dist/triangulate.mjs): the dataset and
 * the message catalogues come compiled into the bundle, so a run reads no seeds or locale files
 * and compiles nothing; it speaks the environment's language (lib/i18n/environment.ts).
 */
import dataset from 'triangulate:dataset';
import catalogues from 'triangulate:locales';
import { environmentLocale, sourceForLocale } from '../i18n/environment';
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), { dataset: () => dataset, messages: () => sourceForLocale(catalogues, environmentLocale(process.env)) });

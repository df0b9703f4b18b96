/**
 * Entry of the CLI's start-up snapshot (scripts/build-cli.mjs runs it under `node --build-snapshot`):
 * the knowledge base is seeded and the detector built once, at build time, and the heap saved in
 * bin/dist/triangulate.blob. A run starts from that heap and goes straight to the command.
 *
 * The command's own modules (reading pages and files, wording the report) load at run time: some
 * hold native objects at module level (an Intl.NumberFormat, fflate's TextDecoder) that a
 * snapshot cannot keep.
 */
import { startupSnapshot } from 'node:v8';
import dataset from 'triangulate:dataset';
import catalogues from 'triangulate:locales';
import { environmentLocale, sourceForLocale } from '../i18n/environment';
import { openCliKb, type CliKb } from './kb';

let prepared: CliKb | undefined;
// Node takes the snapshot once the event loop is empty, so the seeded KB is in it.
void openCliKb(dataset).then((kb) => {
  prepared = kb;
});

startupSnapshot.setDeserializeMainFunction(async () => {
  const { main } = await import('./main');
  const kb = prepared;
  // The environment is the run's, not the build's: the language is chosen here.
  const messages = () => sourceForLocale(catalogues, environmentLocale(process.env));
  process.exitCode = await main(process.argv.slice(1), { dataset: () => dataset, messages, ...(kb ? { kb: async () => kb } : {}) });
});

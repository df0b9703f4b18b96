/**
 * The sentence splitter lives in the text layer (lib/text/sentences.ts). extract.ts still imports it
 * from here: point that import at lib/text/sentences and delete this file.
 */
export { splitSentences } from '../text/sentences';

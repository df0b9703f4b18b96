/**
 * compromise's part-of-speech tags for one word, read in its sentence. The only module that imports
 * compromise (dependency-cruiser's `compromise-only-in-tagger`), and it is asked only when
 * lib/detect/ambiguity.ts meets an ambiguous country name beside a capitalised word ("Chad Smith",
 * "Jordan Peterson") that its cheaper rules did not settle: 6 of the 181 saved real pages, none of
 * the seed documents.
 *
 * 'compromise/two' is the library up to its tagger, without the phrase-level plugins of the full
 * build: on the 9,967 capitalised words of 1,794 sentences from the saved pages it gives the same
 * FirstName, LastName, Honorific, Person and Place tags, and costs less to load (its build is
 * 295 KB against 358 KB; 180 against 330 ms to evaluate in a Chromium page).
 *
 * Asking is what costs: in the extension's background and the CLI bundle, this import resolves to
 * ./compromise-on-first-call.ts (wxt.config.ts, scripts/build-cli.mjs), and the library, with its
 * lexicon, is evaluated at the first question, not when the bundle loads. A service-worker wake on
 * a page without such a name does not evaluate it at all. In Node (tests, scripts run through tsx)
 * compromise is imported as it is.
 */
import nlp from 'compromise/two';

type Doc = ReturnType<typeof nlp>;
interface TaggedTerm {
  offset: { start: number; length: number };
  tags: string[];
}

const docs = new Map<string, Doc>();
let firstQuestion: number | null = null;

function tagsIn(sentence: string, offset: number): Set<string> {
  let doc = docs.get(sentence);
  if (!doc) {
    doc = nlp(sentence);
    // Bounded: only sentences with ambiguous names get here.
    if (docs.size > 500) docs.clear();
    docs.set(sentence, doc);
  }
  for (const sentenceTerms of doc.json({ offset: true }) as { terms: TaggedTerm[] }[]) {
    for (const t of sentenceTerms.terms) {
      if (offset >= t.offset.start && offset < t.offset.start + t.offset.length) return new Set(t.tags);
    }
  }
  return new Set();
}

/** compromise's tags of the word at `offset` in `sentence` (empty when no word starts or runs there). */
export function wordTags(sentence: string, offset: number): Set<string> {
  if (firstQuestion !== null) return tagsIn(sentence, offset);
  const t0 = performance.now();
  const tags = tagsIn(sentence, offset);
  firstQuestion = performance.now() - t0;
  return tags;
}

/**
 * How long the first question took, in ms (in the bundles, evaluating compromise with it), or null
 * when nothing has asked since this context started: the service worker reports it in kb-status.
 */
export function taggerFirstUse(): number | null {
  return firstQuestion;
}

/**
 * Generated pages that are hard on the annotator (all synthetic): twelve thousand mentions as
 * short sentences or as long roll calls, and an article made of one 600,000-character word.
 * Used by the e2e tests and scripts/bench-longtasks.ts.
 */
import { articleHtml } from './pages';

/** Twelve thousand mentions in about 150,000 characters: lists of countries, NATO and exercise editions (synthetic). */
export function denseMentionsPage(mentions = 12_000): string {
  const countries = ['Estonia', 'Latvia', 'Lithuania', 'Poland', 'Finland', 'Japan', 'Australia', 'India', 'Germany', 'France', 'Norway', 'Ukraine'];
  const exercises = ['Zapad 2017', 'Locked Shields 2019', 'Cyber Coalition 2019', 'RIMPAC 2018', 'Trident Juncture 2018', 'BALTOPS 2020'];
  const paragraphs: string[] = [];
  let sentence = 0;
  while (sentence * 4 < mentions) {
    const sentences: string[] = [];
    for (let k = 0; k < 6 && sentence * 4 < mentions; k++, sentence++) {
      sentences.push(`${countries[sentence % 12]}, ${countries[(sentence + 5) % 12]} and NATO joined ${exercises[sentence % 6]}.`);
    }
    paragraphs.push(sentences.join(' '));
  }
  return articleHtml({ title: 'Synthetic roll of exercise participants', outlet: 'Synthetic Ledger (benchmark fixture)', published: '2020-06-01', paragraphs });
}

/**
 * Twelve thousand mentions as long roll calls: paragraphs of comma-separated names with no sentence
 * end, the shape where per-mention sentence bounds cost the most (synthetic).
 */
export function rollCallPage(mentions = 12_000, paragraphs = 4): string {
  const names = ['Estonia', 'Latvia', 'NATO', 'Lithuania', 'Poland', 'Zapad 2017', 'Finland', 'Japan', 'the European Union', 'Australia', 'India', 'RIMPAC 2018'];
  const per = Math.ceil(mentions / paragraphs);
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const list = Array.from({ length: Math.min(per, mentions - p * per) }, (_, i) => names[(i + p) % names.length]);
    out.push(`Taking part in the drills were ${list.join(', ')} and observers`);
  }
  return articleHtml({ title: 'Synthetic roll call of exercise participants', outlet: 'Synthetic Ledger (benchmark fixture)', published: '2020-06-01', paragraphs: out });
}

/** A page whose article is one 600,000-character word (synthetic, hostile). */
export function giantWordPage(chars = 600_000): string {
  return articleHtml({ title: 'One very long word', outlet: 'Hostile fixture', published: '2020-06-01', paragraphs: ['Estonia hosted the Locked Shields drills.', 'x'.repeat(chars)] });
}

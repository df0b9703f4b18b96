import { describe, expect, it } from 'vitest';
import { cutText } from '../../lib/import/limits';
import { SentenceIndex, sentenceBounds } from '../../lib/page/sentences';
import { splitSentences } from '../../lib/text/sentences';

const split = (text: string) => splitSentences(text).map((s) => s.text);

// Our own sentences, each case one hard spot for a splitter.
describe('sentences', () => {
  it.each([
    ['abbreviated country', 'The U.S. Army sent 500 soldiers. Poland sent 300.', ['The U.S. Army sent 500 soldiers.', 'Poland sent 300.']],
    ['a rank', 'Gen. Mark Lane spoke. He said little.', ['Gen. Mark Lane spoke.', 'He said little.']],
    ['ranks and initials', 'Lt. Col. A.B. Smith of the U.K. Royal Navy spoke.', ['Lt. Col. A.B. Smith of the U.K. Royal Navy spoke.']],
    ['a month', 'The drills run from Sept. 14 to 20. They end on a Wednesday.', ['The drills run from Sept. 14 to 20.', 'They end on a Wednesday.']],
    ['an initial', 'NATO chief J. Stoltenberg visited the drills. Troops cheered.', ['NATO chief J. Stoltenberg visited the drills.', 'Troops cheered.']],
    ['a place', 'St. Petersburg hosted the parade. It was cold.', ['St. Petersburg hosted the parade.', 'It was cold.']],
    ['a decimal', 'About 1.5 million rounds were fired. Nobody was hurt.', ['About 1.5 million rounds were fired.', 'Nobody was hurt.']],
    ['a quote before its speaker', '"We are ready," the commander said. The drills began.', ['"We are ready," the commander said.', 'The drills began.']],
    ['an exclamation inside a sentence', 'Troops shouted "Forward!" and moved on.', ['Troops shouted "Forward!" and moved on.']],
    ['a quote ending in !', '“Hold the line!” an officer ordered. The line held.', ['“Hold the line!” an officer ordered.', 'The line held.']],
    ['a quote ending a sentence', 'The brigade wrote: "We are done." Then it left.', ['The brigade wrote: "We are done."', 'Then it left.']],
    ['No. before a number, no. before a word', 'Unit No. 2 led the march. Asked if it would stop, the colonel said no. It went on.', ['Unit No. 2 led the march.', 'Asked if it would stop, the colonel said no.', 'It went on.']],
    ['times before a day and a time zone', 'The exercise starts at 10 a.m. Friday and ends at 6 p.m. ET on Sunday. Observers arrive later.', ['The exercise starts at 10 a.m. Friday and ends at 6 p.m. ET on Sunday.', 'Observers arrive later.']],
    ['a time ending a sentence', 'The ships left at 5 p.m. The next day they returned.', ['The ships left at 5 p.m.', 'The next day they returned.']],
    ['etc. ending a sentence', 'Tanks, jets, ships, etc. The list was long.', ['Tanks, jets, ships, etc.', 'The list was long.']],
    ['a line is a boundary', 'Zapad 2017\nThe drills began.', ['Zapad 2017', 'The drills began.']],
    ['Russian thousands', 'В учениях приняли участие 12 тыс. 700 военных. Они завершились в среду.', ['В учениях приняли участие 12 тыс. 700 военных.', 'Они завершились в среду.']],
    ['a Russian initial', 'Начальник штаба В. Герасимов прибыл на полигон. Учения начались.', ['Начальник штаба В. Герасимов прибыл на полигон.', 'Учения начались.']],
    ['Ukrainian', 'Навчання триватимуть до 20 вересня. У них візьмуть участь 12,7 тис. військових.', ['Навчання триватимуть до 20 вересня.', 'У них візьмуть участь 12,7 тис. військових.']],
    ['Chinese', '演习于9月14日开始。共有1.27万人参加。', ['演习于9月14日开始。', '共有1.27万人参加。']],
    ['a script without capitals', '훈련이 시작되었다. 병사들이 도착했다.', ['훈련이 시작되었다.', '병사들이 도착했다.']],
  ])('%s', (_, text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it('gives offsets into the text', () => {
    const text = '  The U.S. Navy sent ships.\n\nThey stayed.  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('the page cuts sentences as the claims do', () => {
  const text = 'Poland sent 300. The U.S. Navy sent 2,000 sailors to the drills. Others stayed.';

  it('keeps "U.S." inside the sentence around a mention', () => {
    const navy = text.indexOf('Navy');
    expect(sentenceBounds(text, navy)).toEqual({ start: text.indexOf('The U.S.'), end: text.indexOf(' Others') });
    expect(new SentenceIndex(text).startOf(text.indexOf('2,000'))).toBe(text.indexOf('The U.S.'));
  });

  it('cuts an imported text after a whole sentence, not after "U.S."', () => {
    const long = `${'Troops train. '.repeat(30)}The ships were sent by the U.S. Navy to the drills`;
    expect(cutText(long, long.length - 3).endsWith('U.S.')).toBe(false);
  });
});

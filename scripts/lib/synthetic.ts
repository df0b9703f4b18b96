/**
 * Synthetic news prose for the benchmarks (clearly synthetic, never used as ground truth):
 * sentences about exercises, countries and organizations with the dates, counts, places and
 * roles the claim extractor looks for. Deterministic (seeded), and free of Node APIs so the same
 * generator runs in Node and in a benchmark page bundled for Chromium.
 */

// Forty series from the bundled exercise list, so a large import spreads over many subjects as real coverage does.
const EXERCISES = [
  'Zapad', 'Vostok', 'Kavkaz', 'Tsentr', 'Joint Sea', 'Peace Mission', 'RIMPAC', 'Malabar', 'Talisman Sabre', 'Pitch Black',
  'Balikatan', 'Cobra Gold', 'Foal Eagle', 'Keen Sword', 'Yama Sakura', 'Valiant Shield', 'Red Flag', 'Garuda Shield', 'Yudh Abhyas', 'Bright Star',
  'African Lion', 'Eager Lion', 'Trident Juncture', 'Steadfast Defender', 'Cold Response', 'BALTOPS', 'Saber Strike', 'Defender-Europe', 'Anakonda', 'Iron Wolf',
  'Sea Breeze', 'Rapid Trident', 'Noble Partner', 'Joint Warrior', 'Locked Shields', 'Crossed Swords', 'Cyber Coalition', 'Cyber Storm', 'Cyber Europe', 'Spring Storm',
];
const COUNTRIES = ['Estonia', 'Latvia', 'Lithuania', 'Poland', 'Finland', 'Japan', 'Australia', 'India', 'Germany', 'France', 'Norway', 'Ukraine', 'Russia', 'Belarus', 'China', 'the United States', 'Canada', 'Sweden'];
const ORGS = ['NATO', 'the European Union', 'the Pentagon', 'the Ministry of Defence', 'the United Nations', 'the OSCE', 'the US Navy', 'the Japan Maritime Self-Defense Force'];
const PLACES = ['Tallinn', 'Tartu', 'Riga', 'Vilnius', 'Pearl Harbor', 'Hawaii', 'the Baltic Sea', 'Gdansk', 'Darwin', 'Okinawa', 'Minsk', 'Kaliningrad'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OFFICIALS = ['a spokesperson', 'the defence minister', 'a senior officer', 'the commander', 'an analyst at a Tallinn think tank', 'a diplomat'];

/** mulberry32: small, fast and good enough to vary prose reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(list: readonly T[]) => T;

const SENTENCES: ((p: Pick, n: (lo: number, hi: number) => number, year: number, exercise: string) => string)[] = [
  (p, n, y, ex) => `${ex} ${y} began on ${n(1, 28)} ${p(MONTHS)} and will run for ${n(5, 14)} days, ${p(OFFICIALS)} said.`,
  (_p, n, y, ex) => `Some ${n(2, 90) * 500} troops from ${n(5, 30)} nations take part in ${ex} ${y}, along with about ${n(20, 120)} aircraft and ${n(10, 50)} ships.`,
  (p, n) => `${p(COUNTRIES)} sent ${n(100, 3000)} personnel and said the drills were purely defensive.`,
  (p) => `Observers from ${p(COUNTRIES)} and ${p(COUNTRIES)} were invited, according to ${p(ORGS)}.`,
  (p, _n, _y, ex) => `The exercise is held near ${p(PLACES)}, with a command post in ${p(PLACES)}, and ${ex} planners said weather would shape the scenario.`,
  (p) => `${p(ORGS)} said ${p(COUNTRIES)} would lead the exercise for the first time, with ${p(COUNTRIES)} acting as host nation.`,
  (p) => `Officials in ${p(COUNTRIES)} described the manoeuvres as routine, while commentators in ${p(COUNTRIES)} called them a message to ${p(COUNTRIES)}.`,
  (_p, n) => `Analysts noted that logistics, not politics, would decide how the ${n(3, 12)} scenarios unfold over the coming week.`,
  (p, _n, y) => `A statement from ${p(ORGS)} on ${p(MONTHS)} ${y} said cyber defence teams from ${p(COUNTRIES)} would defend simulated power grids and water systems.`,
  (p) => `Residents near ${p(PLACES)} were warned of road closures and low-flying aircraft, the local council said.`,
  (p) => `The drills come weeks after a summit in ${p(PLACES)} where leaders of ${p(COUNTRIES)} and ${p(COUNTRIES)} discussed regional security.`,
  (p, n) => `${p(OFFICIALS)} told reporters that about ${n(10, 60)} percent of the equipment had arrived by rail and the rest by sea.`,
];

/**
 * Plain prose of about `words` words, in paragraphs of four to seven sentences. With `focus`, every
 * paragraph is about that one exercise edition, as a news report is; without it, each paragraph
 * picks its own (a long roundup page).
 */
export function syntheticParagraphs(words: number, seed: number, focus?: { exercise: string; year: number }): string[] {
  const rnd = seededRandom(seed);
  const pick: Pick = (list) => list[Math.floor(rnd() * list.length)]!;
  const n = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const year = focus?.year ?? n(2010, 2025);
    const exercise = focus?.exercise ?? pick(EXERCISES);
    const sentences: string[] = [];
    for (let k = n(4, 7); k > 0; k--) {
      const sentence = pick(SENTENCES)(pick, n, year, exercise);
      sentences.push(sentence[0]!.toUpperCase() + sentence.slice(1));
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return paragraphs;
}

export interface SyntheticArticle {
  title: string;
  outlet: string;
  published: string;
  url: string;
  language: string;
  text: string;
}

/** Article number `i` of a synthetic import: about `words` words, unique URL and text. */
export function syntheticArticle(i: number, words = 500): SyntheticArticle {
  const rnd = seededRandom(i + 1);
  const year = 2013 + Math.floor(rnd() * 12);
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const exercise = EXERCISES[i % EXERCISES.length]!;
  // A report covers one exercise edition, in its year or the year before (announcements).
  const paragraphs = syntheticParagraphs(words, i * 7919 + 13, { exercise, year: year - Math.floor(rnd() * 2) });
  return {
    title: `${exercise} drills: report ${i}`,
    outlet: `Synthetic Outlet ${i % 300}`,
    published: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    url: `https://synthetic.example/news/${i}`,
    language: 'en',
    text: paragraphs.join('\n\n'),
  };
}

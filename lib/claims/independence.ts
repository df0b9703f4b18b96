/**
 * Whether a page retells another source: the same article under another URL, near-identical text
 * (wire copy: shingle Jaccard >= 0.8 on word 5-grams, estimated with MinHash), or an explicit
 * citation of another outlet ("X reported", "according to X", "citing X", "told X").
 */
import { canonicalUrl } from '../text/url';
import type { Mention, Source } from '../types';

export type Derivation = 'citation' | 'translation' | 'wire-copy' | 'same-article';

export interface DerivationResult {
  derivedFrom: string | null;
  derivation: Derivation | null;
  /** Outlet names the page cites, as written. */
  cited: string[];
  /** The outlet the page's lede credits for its story ("…, TASS reported"), when it does: its origin even when not in the KB. */
  retells?: string;
}

export interface PageForDerivation {
  text: string;
  url: string | null;
  title: string;
  outlet?: string | null;
  mentions: Mention[];
  /** The text's fingerprint and signature when the caller already has them (analyzeArticle computes both). */
  fingerprint?: string;
  signature?: number[];
}

const WIRE_THRESHOLD = 0.8;
const SIGNATURE_SIZE = 128;
const SHINGLE = 5;

// NFKC leaves ASCII unchanged; most English articles are ASCII and skip it.
const NON_ASCII = /[^\x00-\x7f]/;

function normaliseWords(text: string): string[] {
  const lower = text.toLowerCase();
  return (NON_ASCII.test(lower) ? lower.normalize('NFKC') : lower).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvAdd(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME) >>> 0;
  return h;
}

/**
 * FNV-1a (32 bits) of `words.slice(from, to).join(' ')`, without building the string; two seeds
 * give a 64-bit fingerprint. Stored signatures depend on these exact values: do not change them.
 */
function fnvWords(words: string[], from: number, to: number, seed: number): number {
  let h = (FNV_OFFSET ^ seed) >>> 0;
  for (let i = from; i < to; i++) {
    if (i > from) h = Math.imul(h ^ 32, FNV_PRIME) >>> 0;
    h = fnvAdd(h, words[i]!);
  }
  return h;
}

function fingerprintOf(words: string[]): string {
  const hex = (seed: number) => fnvWords(words, 0, words.length, seed).toString(16).padStart(8, '0');
  return hex(0) + hex(0x9e3779b9);
}

/** A fingerprint of the normalised text: equal for the same words in the same order. */
export function textFingerprint(text: string): string {
  return fingerprintOf(normaliseWords(text));
}

/** Murmur3's finaliser: spreads a 32-bit value so each seed acts as its own hash function. */
function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(i * 0x9e3779b9 + 1));

function shingleSet(words: string[]): Set<number> {
  const out = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(fnvWords(words, 0, words.length, 0));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(fnvWords(words, i, i + SHINGLE, 0));
  return out;
}

/** Shingle sets of the texts compared lately, most recent last: an import batch compares each text with dozens of others. */
const recentShingles = new Map<string, Set<number>>();
const RECENT_SHINGLES = 256;

function shingleHashes(text: string): Set<number> {
  let set = recentShingles.get(text);
  if (set) recentShingles.delete(text);
  else {
    set = shingleSet(normaliseWords(text));
    if (recentShingles.size >= RECENT_SHINGLES) recentShingles.delete(recentShingles.keys().next().value!);
  }
  recentShingles.set(text, set);
  return set;
}

/** The page's 5-word shingles in text order, for finding long passages another text repeats. */
function shingleSequence(text: string): number[] {
  const words = normaliseWords(text);
  const out: number[] = [];
  for (let i = 0; i + SHINGLE <= words.length; i++) out.push(fnvWords(words, i, i + SHINGLE, 0));
  return out;
}

/** Length, in shingles, of the longest passage of `sequence` whose shingles all appear in `other`. */
function longestSharedRun(sequence: number[], other: Set<number>): number {
  let best = 0;
  let run = 0;
  for (const h of sequence) {
    run = other.has(h) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** MinHash signature over word 5-grams; the share of equal slots estimates Jaccard similarity. */
export function shingleSignature(text: string): number[] {
  return signatureOf(normaliseWords(text));
}

/** Fingerprint and signature of a text, normalising it once. */
export function textDigest(text: string): { fingerprint: string; signature: number[] } {
  const words = normaliseWords(text);
  return { fingerprint: fingerprintOf(words), signature: signatureOf(words) };
}

function signatureOf(words: string[]): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingleSet(words)) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const v = mix(h ^ SEEDS[i]!);
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two texts from their signatures. */
export function signatureSimilarity(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  if (!n) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

const SHARED_RUNS = 12;
/** Shingles in a row: 10 five-word shingles are a 14-word passage. */
const LONG_RUN = 10;

/** How two shingle sets overlap, counted in one pass over the smaller. */
function overlapOf(a: Set<number>, b: Set<number>): { shared: number; smaller: number; union: number } {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return { shared, smaller: small.size, union: a.size + b.size - shared };
}

/** Jaccard similarity, or the share of the smaller set found in the larger if higher (0 below 30 shingles, too short to call a copy). */
function similarityOf({ shared, smaller, union }: ReturnType<typeof overlapOf>): number {
  return Math.max(union ? shared / union : 0, smaller < 30 ? 0 : shared / smaller);
}

const CITE_AFTER = /^\s*(?:has\s+|had\s+|first\s+)?(?:reported|reports|said in a report|said|says|wrote|quoted|cited|published|revealed|learned)\b|^[’']s?\s+report\b/i;
const CITE_BEFORE = /\b(?:according to|citing|cited by|told|reported by|quoted by|(?:quoted|cited) as saying by|in an interview with|in a report by|a report (?:by|in|from)|as reported by|via)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$/i;
/**
 * The same cues as Russian, Ukrainian, Chinese and Japanese news write them: "как передает БелТА",
 * "повідомляє «Інтерфакс-Захід»", "据日本经济新闻报道", "日本経済新聞によると".
 */
const CITE_BEFORE_INTL = /(?:как\s+(?:передает|передаёт|сообщает|сообщил[аио]?|пишет|отмечает)|по\s+(?:данным|сообщению|информации)|со ссылкой на|(?:сообщает|передает|передаёт|пишет)|як\s+(?:повідомляє|повідомила|повідомило|повідомив|передає|пише)|(?:повідомляє|передає|пише)|за\s+(?:даними|повідомленням|інформацією)|з посиланням на|据|據|援引|引述|引用|转引)\s*[«"“„「『]?\s*$/iu;
const CITE_AFTER_INTL = /^\s*[»"”」』]?\s*(?:сообщает|сообщил[аио]?|передает|передаёт|пишет|повідомляє|повідомила?|повідомило|передає|пише|报道|報導|報道|称|稱|消息|援引|によると|によれば|が報じ|は報じ|が伝え|の報道|電子版)/iu;
const TRANSLATION = /\b(?:translated from|translation of|machine[- ]translat\w*|translated by|this is a translation)\b/i;

/** Wire agencies by the short names their credits use. */
const WIRE_NAMES: Record<string, string> = {
  ap: 'Associated Press', 'the associated press': 'Associated Press', afp: 'Agence France-Presse', 'agence france presse': 'Agence France-Presse',
  reuters: 'Reuters', tass: 'TASS', 'itar-tass': 'TASS', ria: 'RIA Novosti', 'ria novosti': 'RIA Novosti', xinhua: 'Xinhua News Agency',
  'nnn-xinhua': 'Xinhua News Agency', 'xinhua news agency': 'Xinhua News Agency', dpa: 'dpa', upi: 'UPI', efe: 'EFE', ansa: 'ANSA', pap: 'PAP',
  kyodo: 'Kyodo News', yonhap: 'Yonhap', belta: 'BelTA', ukrinform: 'Ukrinform', interfax: 'Interfax', ntb: 'NTB', tt: 'TT', bna: 'BNA',
  // The same agencies as their own and neighbouring languages' credits name them.
  тасс: 'TASS', 'риа новости': 'RIA Novosti', 'ріа новини': 'RIA Novosti', белта: 'BelTA', интерфакс: 'Interfax', інтерфакс: 'Interfax',
  'інтерфакс-україна': 'Interfax', 'інтерфакс-захід': 'Interfax', укринформ: 'Ukrinform', укрінформ: 'Ukrinform', уніан: 'UNIAN', униан: 'UNIAN',
  рейтер: 'Reuters', 新华社: 'Xinhua News Agency', 新華社: 'Xinhua News Agency', 中新社: 'China News Service', 中新网: 'China News Service',
  時事: 'Jiji Press', 時事通信: 'Jiji Press', 時事通信社: 'Jiji Press', 'afp=時事': 'AFP', 共同: 'Kyodo News', 共同通信: 'Kyodo News', 共同社: 'Kyodo News',
  ロイター: 'Reuters', ロイター通信: 'Reuters', 路透社: 'Reuters', 法新社: 'Agence France-Presse', 美联社: 'Associated Press',
  'ap通信': 'Associated Press', 'afp通信': 'Agence France-Presse', 塔斯社: 'TASS', 俄新社: 'RIA Novosti', 卫星通讯社: 'Sputnik',
};

/** A credited name in its usual form: "AP" -> "Associated Press", "NNN-XINHUA" -> "Xinhua News Agency". */
export function wireName(name: string): string {
  return WIRE_NAMES[name.trim().toLowerCase()] ?? name.trim();
}

/**
 * The agency a dateline or a reprint note credits: "BANGKOK (AP) —", "QINGDAO, May 4 (Xinhua) --",
 * "MOSCOW, September 12. /TASS/.", "This article was originally published by Radio Free Asia".
 */
const DATELINE_CREDIT = /(?:^|\n|\s)[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)*[.,]?\s*[(/]\s*([A-Za-z][\w.&'-]{1,20}(?:\s[A-Za-z][\w.&'-]{1,20}){0,2})\s*[)/]\.?\s*(?:[-—–]{1,2}|\.|:|\s)/;
const REPRINT = /\b(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on)\s+(?:the\s+)?([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})/;

/** A credit line anywhere in the text: "Source: Ministry of Defense of the Russian Federation", "Credit: Natochannel". */
const CREDIT_LINE = /(?:^|\n)[ \t]*(?:Source|Credit|Courtesy(?: of)?)\s*:\s*([A-Z][\w.&'-]*(?:[ \t]+[\w.&'-]+){0,7})/;
/** "Excerpt from opening remarks ... by NATO Spokesperson Oana Lungescu": the body it is taken from. */
const EXCERPT = /\bExcerpt from\b[^.\n]{0,100}?\bby\s+([A-Z][\w.&'-]*)/;

/**
 * Agency credits of Chinese, Japanese, Russian and Ukrainian copy: "新华社莫斯科9月14日电", "【モスクワ時事】",
 * "（ロイター）", "МОСКВА, 14 сентября. /ТАСС/.", "(БелТА)", "— Укрінформ." at a paragraph's end.
 */
const INTL_CREDITS = [
  /(新华社|新華社|中新社|中新网|中國新聞社)[^，。,\n]{0,14}?\d{1,2}月\d{1,2}日(?:电|電)/u,
  /【[^】]{0,12}?(時事|共同|ロイター|AFP=時事|AFP|新華社|聯合|タス)(?:通信)?】/u,
  /[（(](時事|共同|ロイター|AFP=時事|AFP|新華社|新华社|中新社)[）)]/u,
  /(?:^|\n)[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ\s-]{2,30},\s*\d{1,2}\s+[а-яёіїєґ]+\.?\s*[/(]\s*(ТАСС|РИА Новости|БелТА|Интерфакс|Інтерфакс[-\w]*|Укрінформ|Укринформ|УНІАН|УНИАН|Sputnik)\s*[/)]/u,
  /[(（]\s*(ТАСС|БелТА|Интерфакс|Укрінформ|Укринформ|УНІАН|УНИАН)\s*[)）]/u,
];

export function creditedOutlet(text: string): string | undefined {
  const lede = text.slice(0, LEDE);
  const english = DATELINE_CREDIT.exec(lede)?.[1] ?? REPRINT.exec(lede)?.[1] ?? CREDIT_LINE.exec(text)?.[1]?.trim() ?? EXCERPT.exec(text)?.[1];
  if (english) return english;
  if (!NON_ASCII.test(lede)) return undefined;
  for (const re of INTL_CREDITS) {
    const m = re.exec(lede) ?? re.exec(text.slice(-LEDE));
    if (m?.[1]) return m[1];
  }
  return undefined;
}

/** Characters of the text that count as its lede. */
const LEDE = 400;

const keys = new Map<string, string>();

/** An outlet name reduced for comparison; the same few outlet names come back for every candidate, so they are kept. */
function key(name: string): string {
  let k = keys.get(name);
  if (k === undefined) {
    if (keys.size > 4096) keys.clear();
    k = normaliseWords(name.replace(/\(.*?\)/g, ' ')).filter((w) => w !== 'the').join(' ');
    keys.set(name, k);
  }
  return k;
}

/** Names an outlet string stands for: "Reference News (Cankao Xiaoxi)" -> itself, "Reference News", "Cankao Xiaoxi". */
function outletNames(outlet: string): string[] {
  const inner = /\(([^)]+)\)/.exec(outlet)?.[1];
  const outer = outlet.replace(/\(.*?\)/g, '').trim();
  return [outlet, outer, ...(inner ? [inner] : [])].filter((n) => n.length >= 3);
}

function sameOutlet(a: string, names: string[]): boolean {
  const ka = key(a);
  if (!ka) return false;
  return names.some((n) => {
    const kn = key(n);
    return !!kn && (ka === kn || ` ${ka} `.includes(` ${kn} `) || ` ${kn} `.includes(` ${ka} `));
  });
}

/** Occurrences of a name in the text that sit in a citation. */
function citedAt(text: string, name: string): { at: number; end: number } | null {
  let from = 0;
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, from)) {
    const end = at + name.length;
    from = end;
    if (/[\p{L}\d]/u.test(text[at - 1] ?? '') || /[\p{L}\d]/u.test(text[end] ?? '')) continue;
    if (CITE_AFTER.test(text.slice(end, end + 30)) || CITE_BEFORE.test(text.slice(Math.max(0, at - 40), at))) return { at, end };
  }
  return null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const CITED_DATE = new RegExp(`^[^.]{0,40}?\\bon\\s+(?:(${MONTHS.join('|')})\\s+(\\d{1,2})|(\\d{1,2})\\s+(${MONTHS.join('|')}))`, 'i');

export function findDerivation(page: PageForDerivation, candidates: Source[], outletOf: (entityId: string) => string[]): DerivationResult {
  const none: DerivationResult = { derivedFrom: null, derivation: null, cited: [] };
  const pageUrl = canonicalUrl(page.url);
  if (pageUrl) {
    const same = candidates.find((c) => canonicalUrl(c.url) === pageUrl);
    if (same) return { ...none, derivedFrom: same.id, derivation: 'same-article' };
  }
  const fingerprint = page.fingerprint ?? textFingerprint(page.text);
  const copy = candidates.find((c) => (c.fingerprint ?? (c.text ? textFingerprint(c.text) : null)) === fingerprint);
  if (copy) return { ...none, derivedFrom: copy.id, derivation: 'same-article' };

  const cited = findCitations(page, candidates, outletOf);
  // A dateline credit names the story's origin more surely than a speaker in the lede.
  const credit = creditedOutlet(page.text) ?? cited.lede;
  const ownCredit = !!credit && !!page.outlet && sameOutlet(wireName(credit), outletNames(page.outlet));
  const retells = credit && !ownCredit ? { retells: wireName(credit) } : {};
  const near = nearCopy(page, candidates);
  if (near) {
    const wire = near.source;
    const sameOwner = !!page.outlet && sameOutlet(wire.outlet, outletNames(page.outlet));
    // The same text under the same headline is this article (a stored copy seen again under another address).
    // Known under another outlet's name, the same text is a syndicated copy (wire-copy), not the page.
    const sameHeadline = near.sim >= 0.9 && !page.outlet && !!page.title && key(page.title) === key(wire.title);
    return { derivedFrom: wire.id, derivation: sameOwner || sameHeadline ? 'same-article' : 'wire-copy', cited: cited.names, ...retells };
  }
  if (!cited.sources.length) return { ...none, cited: cited.names, ...retells };
  const entities = new Set(page.mentions.map((m) => m.id));
  let best: { source: Source; score: number } | null = null;
  for (const { source, date } of cited.sources) {
    const shared = source.entities.filter((e) => entities.has(e)).length;
    // The origin covers the same story: shared entities, and the date the citation gives if any.
    if (!shared && source.entities.length && entities.size) continue;
    let score = shared;
    if (date && source.published) {
      const off = Math.abs(Date.parse(source.published.slice(0, 4) + date) - Date.parse(source.published.slice(0, 10)));
      if (off > 86_400_000) continue;
      score += 10;
    }
    if (!best || score > best.score) best = { source, score };
  }
  if (!best) return { ...none, cited: cited.names, ...retells };
  return { derivedFrom: best.source.id, derivation: TRANSLATION.test(page.text) ? 'translation' : 'citation', cited: cited.names, ...retells };
}

/** Outlets the page cites, and the candidate sources published by them with the date cited. */
function findCitations(page: PageForDerivation, candidates: Source[], outletOf: (entityId: string) => string[]): {
  names: string[];
  sources: { source: Source; date: string | null }[];
  lede?: string;
} {
  const own = page.outlet ? outletNames(page.outlet) : [];
  const names: string[] = [];
  const groups: { written: string; aliases: string[]; end: number }[] = [];
  const consider = (written: string, aliases: string[], end: number): void => {
    if (own.length && aliases.some((a) => sameOutlet(a, own))) return;
    if (!names.includes(written)) names.push(written);
    groups.push({ written, aliases, end });
  };
  for (const m of page.mentions) {
    if (m.type !== 'organization') continue;
    const aliases = outletOf(m.id);
    if (!aliases.length) continue;
    const text = page.text;
    const after = text.slice(m.end, m.end + 30);
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (CITE_AFTER.test(after) || CITE_BEFORE.test(before) || CITE_AFTER_INTL.test(after) || CITE_BEFORE_INTL.test(before)) {
      // A citation written in another script is named by the outlet's usual name ("УНІАН" as UNIAN).
      consider(/[A-Za-z]/.test(m.text) ? m.text : m.name, [...aliases, m.name, m.text], m.end);
    }
  }
  const tried = new Set<string>();
  for (const c of candidates) {
    if (tried.has(c.outlet)) continue;
    tried.add(c.outlet);
    for (const name of outletNames(c.outlet)) {
      const hit = citedAt(page.text, name);
      if (hit) {
        consider(name, outletNames(c.outlet), hit.end);
        break;
      }
    }
  }
  const sources: { source: Source; date: string | null }[] = [];
  if (!groups.length) return { names, sources };
  // A citation in the first lines credits the whole story, not one quote.
  const first = groups.reduce((a, b) => (b.end < a.end ? b : a));
  const lede = first.end <= LEDE ? first.aliases[0] ?? first.written : undefined;
  const groupOf = new Map<string, (typeof groups)[number] | undefined>();
  for (const c of candidates) {
    if (!groupOf.has(c.outlet)) groupOf.set(c.outlet, groups.find((g) => outletNames(c.outlet).some((n) => sameOutlet(n, g.aliases))));
    const group = groupOf.get(c.outlet);
    if (!group) continue;
    const d = CITED_DATE.exec(page.text.slice(group.end, group.end + 80));
    let date: string | null = null;
    if (d) {
      const month = MONTHS.indexOf((d[1] ?? d[4])!.toLowerCase()) + 1;
      date = `-${String(month).padStart(2, '0')}-${(d[2] ?? d[3])!.padStart(2, '0')}`;
    }
    sources.push({ source: c, date });
  }
  return { names, sources, ...(lede ? { lede } : {}) };
}

/** The candidate whose text is near-identical to the page's, if any. */
function nearCopy(page: PageForDerivation, candidates: Source[]): { source: Source; sim: number } | null {
  const sig = page.signature ?? shingleSignature(page.text);
  let pageSet: Set<number> | null = null;
  let pageSequence: number[] | null = null;
  let best: { source: Source; sim: number } | null = null;
  for (const c of candidates) {
    const other = c.signature ?? (c.text ? shingleSignature(c.text) : null);
    if (!other) continue;
    let sim = signatureSimilarity(sig, other);
    if (sim < WIRE_THRESHOLD - 0.15 && !(c.text && page.text)) continue;
    // The estimate is within a few points; settle the close calls on the exact shingle sets. A copy
    // that is cut shorter (an excerpt, a wire story trimmed by its client) is contained in the other.
    if (c.text) {
      // One pass over the page's words gives both its shingles in order and their set.
      pageSequence ??= shingleSequence(page.text);
      pageSet ??= pageSequence.length ? new Set(pageSequence) : shingleHashes(page.text);
      const other = shingleHashes(c.text);
      const overlap = overlapOf(pageSet, other);
      sim = similarityOf(overlap);
      // Two rewrites of one wire story still share whole sentences: a dozen shared 5-word runs
      // (a 16-word passage or more) and a quarter of the shorter text is one story, retold.
      if (overlap.shared >= SHARED_RUNS && overlap.shared / overlap.smaller >= 0.25) sim = Math.max(sim, WIRE_THRESHOLD);
      // One unbroken passage of 14 words or more, word for word, is one story edited by two clients.
      if (longestSharedRun(pageSequence, other) >= LONG_RUN) sim = Math.max(sim, WIRE_THRESHOLD);
    }
    if (sim >= WIRE_THRESHOLD && (!best || sim > best.sim)) best = { source: c, sim };
  }
  return best;
}

/**
 * Of two sources found to be one story (a wire copy, the same article, a citation), the one that
 * retells the other: the one crediting the other's outlet; the later one; an undated copy retells a dated original; otherwise the first
 * argument, as detected. Text similarity is symmetric, so import order alone must not decide.
 */
export function retellerOf(
  a: Pick<Source, 'id' | 'published' | 'outlet' | 'retells'>,
  b: Pick<Source, 'id' | 'published' | 'outlet' | 'retells'>,
  citedBy: (id: string) => string[] = () => [],
): string {
  // The one that credits the other's outlet ("…, TASS reported") retells it.
  const credits = (x: typeof a, y: typeof a): boolean => citedBy(x.id).some((n) => sameOutlet(n, outletNames(y.outlet)));
  if (credits(a, b) && !credits(b, a)) return a.id;
  if (credits(b, a) && !credits(a, b)) return b.id;
  const da = a.published?.slice(0, 10) ?? null;
  const db = b.published?.slice(0, 10) ?? null;
  if (da && db && da !== db) return da > db ? a.id : b.id;
  if (da && !db) return b.id;
  if (db && !da) return a.id;
  // The copy that keeps the wire's dateline ("QINGDAO (Xinhua) --") is nearer the original than one that dropped it.
  if (b.retells && !a.retells) return a.id;
  if (a.retells && !b.retells) return b.id;
  return a.id;
}

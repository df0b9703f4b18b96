/**
 * How a story names the outlet it retells, in one place: the credit lines news copy carries ("BANGKOK
 * (AP) —", "— Reuters" at the end, "Source: …", "新华社…电", "共同通信配信") and the cues that make a
 * named outlet the source of what is said ("according to TASS", "как сообщает БелТА", "据…报道",
 * "…によると"), read against the outlet names of the registry (seeds/curated/outlets.json: names,
 * native names, and the other names credits use, such as "AP" or "Nikkei Asian Review").
 *
 * A body that speaks for itself (a ministry, an alliance, a think tank) is a speaker, not an outlet
 * whose story is retold: quoting it is reporting, unless the story opens with it (see findDerivation).
 */
import { OUTLETS, type Outlet } from '../dataset/outlets';
import { definesAbbreviation } from '../text/abbreviation';
import { splitSentences } from '../text/sentences';

/** What the directory needs of a registry entry. */
export type NamedOutlet = Pick<Outlet, 'name' | 'type'> & Partial<Pick<Outlet, 'native' | 'aliases'>>;

/** News outlets; the other registry types (government, international-organization, think-tank) speak for themselves. */
const PRESS = new Set<string>(['wire', 'state-media', 'newspaper', 'broadcaster', 'blog-aggregator']);

/** An outlet name reduced for lookup: case, width, punctuation, a leading "the" and defence/defense spelling do not count. */
function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\bdefense\b/g, 'defence')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Letters a name must not run into: those of scripts written with spaces, and katakana ("タス" is not the start of "タスク"). */
const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Katakana}\p{N}ー]/u;

export interface OutletDirectory {
  /** The registry's name of an outlet however it is written ("AP", "美联社", "nikkei asian review"), or the name as written. */
  canonical(name: string): string;
  /** The registry entry of a name, if it is one. */
  lookup(name: string): NamedOutlet | undefined;
  /** Whether a name is a news outlet's (false for a ministry, an alliance, a think tank, or a name the registry does not know). */
  isPress(name: string): boolean;
  /** The longest outlet name written in `text` from `at`, as written. */
  nameAt(text: string, at: number): string | null;
  /** The longest outlet name written in `text` up to `end`, as written. */
  nameBefore(text: string, end: number): string | null;
}

/** The names an outlet is written with: every name, native name and alias, and the capitals-only form of each ("БЕЛТА"). */
function writtenForms(o: NamedOutlet): string[] {
  const names = [o.name, ...(o.native ?? []).map((n) => n.text), ...(o.aliases ?? [])];
  const out = new Set<string>();
  for (const n of names) {
    if (n.length < 2) continue;
    out.add(n);
    if (n.length > 3) out.add(n.toUpperCase());
  }
  return [...out];
}

/** A directory over a list of outlets (the registry, or invented ones in tests). */
export function outletDirectory(outlets: readonly NamedOutlet[]): OutletDirectory {
  const byKey = new Map<string, NamedOutlet>();
  const byFirst = new Map<string, string[]>();
  const byLast = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, ch: string, form: string): void => {
    const list = map.get(ch);
    if (list) list.push(form);
    else map.set(ch, [form]);
  };
  for (const o of outlets) {
    for (const form of writtenForms(o)) {
      const k = nameKey(form);
      if (k && !byKey.has(k)) byKey.set(k, o);
      add(byFirst, form[0]!, form);
      add(byLast, form.at(-1)!, form);
    }
  }
  for (const list of [...byFirst.values(), ...byLast.values()]) list.sort((a, b) => b.length - a.length);
  const lookup = (name: string): NamedOutlet | undefined => byKey.get(nameKey(name));
  const bounded = (text: string, from: number, to: number): boolean =>
    !(SPACED.test(text[from] ?? '') && SPACED.test(text[from - 1] ?? '')) && !(SPACED.test(text[to - 1] ?? '') && SPACED.test(text[to] ?? ''));
  return {
    canonical: (name) => lookup(name)?.name ?? name.trim(),
    lookup,
    isPress: (name) => PRESS.has(lookup(name)?.type ?? ''),
    nameAt(text, at) {
      for (const form of byFirst.get(text[at] ?? '') ?? []) if (text.startsWith(form, at) && bounded(text, at, at + form.length)) return form;
      return null;
    },
    nameBefore(text, end) {
      for (const form of byLast.get(text[end - 1] ?? '') ?? []) {
        const at = end - form.length;
        if (at >= 0 && text.startsWith(form, at) && bounded(text, at, end)) return form;
      }
      return null;
    },
  };
}

let registry: OutletDirectory | null = null;

/** The directory of the bundled outlet registry. */
export function registryOutlets(): OutletDirectory {
  registry ??= outletDirectory(OUTLETS);
  return registry;
}

/** A credited name in the registry's form: "AP" -> "Associated Press", "NNN-Xinhua" -> "Xinhua News Agency". */
export function wireName(name: string): string {
  return registryOutlets().canonical(name);
}

// ---------------------------------------------------------------------------------------------
// Credit lines: a line of the copy that says whose story it is.

/** The lede: at most this many characters and sentences from the first line of prose. */
const LEDE = 400;
const LEDE_SENTENCES = 3;
/** Characters at the end where a sign-off ("— AP", "(共同)") is read. */
const END = 400;

interface CreditLine {
  /** The line, with a made-up example. */
  example: string;
  /** Where it is read: the lede, the last lines, either of them, or anywhere. */
  where: 'lede' | 'end' | 'edges' | 'anywhere';
  /** Group 1 holds the credited name (or the text it starts or ends, with `known`). */
  pattern: RegExp;
  /**
   * The name must be an outlet's the registry knows: all of group 1 ('exact'), its beginning
   * ('start') or its end ('end'). Loose lines (a bracket, a bar, a dash) say nothing without it.
   */
  known?: 'exact' | 'start' | 'end';
  /** Group 1 may list several names ("Granite Post / Meridian Wire"): the first that is not the page's own outlet. */
  list?: boolean;
}

/** The credit lines, the most telling first. */
const CREDIT_LINES: readonly CreditLine[] = [
  {
    example: 'PORT VERRAN (AP) — …, LAKESIDE, May 4 (Xinhua) -- …, MOSCOW, September 12. /TASS/. …',
    where: 'lede',
    pattern: /(?:^|\n|\s)[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?)*[.,]?\s*[(/]\s*([A-Za-z][\w.&'-]{1,20}(?:\s[A-Za-z][\w.&'-]{1,20}){0,2})\s*[)/]\.?\s*(?:[-—–]{1,2}|\.|:|\s)/g,
  },
  {
    example: 'PORT VERRAN (Granite Post / Meridian Wire - 3rd May, 2021) …',
    where: 'lede',
    pattern: /(?:^|\n|\s)[A-Z][A-Z .'-]{2,30}\s*\(\s*([^()\n]{2,60}?)\s*[-—–]\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+,?\s+\d{4}\s*\)/g,
    list: true,
  },
  { example: 'May 14 (Meridian Wire) — Navies began …, 14 May (MW) - (a dateline with a day and no city)', where: 'lede', pattern: /(?:^|\n)[ \t]*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*\(\s*([^()\n]{2,30}?)\s*\)\s*(?:[-—–]{1,2}|:)/g, known: 'exact' },
  { example: '(Meridian Wire) - Navies began …', where: 'lede', pattern: /(?:^|\n)[ \t]*[(/]\s*([^()/\n]{2,40}?)\s*[)/]\s*(?:[-—–]{1,2}|:)/g, known: 'exact' },
  {
    example: 'This article was originally published by Radio Free Asia',
    where: 'lede',
    pattern: /\b(?:originally|first)\s+(?:published|appeared)\s+(?:by|in|on)\s+(?:the\s+)?([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4})/g,
  },
  { example: 'Ana Vell | Harbor Ledger (a byline naming the paper the text is from)', where: 'lede', pattern: /(?:^|\s)\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+\|\s*([^|\n]{2,80})/gu, known: 'start' },
  { example: '• , Harbor Ledger , 5:02 a.m. (a press clipping)', where: 'lede', pattern: /,\s*([^,\n]{2,60}?)\s*,\s*\d{1,2}:\d{2}\s*[ap]\.?\s?m\b/gi, known: 'exact' },
  {
    example: 'Source: Ministry of Defence of Eastmarch, Credit: Harbourchannel (on a line of its own)',
    where: 'anywhere',
    pattern: /(?:^|\n)[ \t]*(?:Source|Credit|Courtesy(?: of)?)\s*:\s*(\p{Lu}[\p{L}\p{N}.&'-]*(?:[ \t]+[\p{L}\p{N}.&'-]+){0,7})/gu,
  },
  { example: 'Excerpt from opening remarks … by Eastmarch Spokesperson Ana Vell', where: 'anywhere', pattern: /\bExcerpt from\b[^.\n]{0,100}?\bby\s+([A-Z][\w.&'-]*)/g },
  { example: '… on Friday. — Meridian Wire, … the exercise.__Harbor Ledger (a sign-off)', where: 'end', pattern: /(?:^|\n|[.!?”"»。]\s*)(?:[-—–]{1,2}|_{2,}|\|)\s*([^\n—–_|]{2,40}?)\s*\.?\s*$/g, known: 'exact' },
  { example: '… on Friday. (Meridian Wire), /Meridian Wire/ (a sign-off)', where: 'end', pattern: /[(/（]\s*([^()/（）\n]{2,30}?)\s*[)/）]\s*[.。]?\s*$/g, known: 'exact' },
  {
    example: 'Copyright 2022 Meridian Wire. All rights reserved., (c)Meridian Wire, © Meridian Wire (a copyright line)',
    where: 'end',
    pattern: /(?:\(c\)|©|\bCopyright\b)\s*(?:\d{4}\s+)?(?:\(c\)\s*)?([^\n.]{2,40})/giu,
    known: 'start',
  },
  { example: '[PORT VERRAN 11日 メリディアン] - (a bracketed dateline)', where: 'edges', pattern: /[［[]([^\]］\n]{2,30})[］\]]\s*[-—–]/gu, known: 'end' },
  // Chinese, Japanese, Russian and Ukrainian copy, at the top or the bottom.
  { example: '北风社莫斯科9月14日电 (an agency dateline)', where: 'edges', pattern: /(?:^|\n|\s|】)([^\s，。,【】]{2,24}?)\d{1,2}月\d{1,2}日(?:电|電)/gu, known: 'start' },
  { example: '【モスクワ時事】, 【9月14日 AFP】', where: 'edges', pattern: /【[^】]{0,12}?(時事|共同|ロイター|AFP=時事|AFP|新華社|聯合|タス)(?:通信)?】/gu },
  { example: '（ロイター）, （共同）', where: 'edges', pattern: /[（(](時事|共同|ロイター|AFP=時事|AFP|新華社|新华社|中新社)[）)]/gu },
  { example: '（北風通信）, a known name in full-width brackets', where: 'edges', pattern: /（\s*([^（）\n]{2,16}?)\s*）/gu, known: 'exact' },
  { example: '北風通信配信, 配信：北風通信 (a distribution credit)', where: 'anywhere', pattern: /([^\s、。，「」【】（）()]{2,16}?)(?:社)?配信(?![\p{Script=Han}\p{Script=Katakana}])/gu, known: 'end' },
  { example: '配信元：北風通信', where: 'anywhere', pattern: /配信(?:元)?\s*[:：]\s*([^\n]{2,30})/gu, known: 'start' },
  {
    example: '来源：北风社, 稿件來源:北風社, 新闻来源：北风社, 出典：北風通信 (not a photo\'s or a video\'s: 图片来源)',
    where: 'anywhere',
    pattern: /(?<![图圖片照频頻像])(?:来源|來源|出处|出處|出典)\s*[:：]?\s*([^\n]{2,30})/gu,
    known: 'start',
  },
  { example: '本文转载自北风社, 编译自北风社', where: 'anywhere', pattern: /(?:转载自|轉載自|转自|轉自|本文来自|本文來自|编译自|編譯自)\s*[:：]?\s*([^\n]{2,30})/gu, known: 'start' },
  {
    example: 'МОСКВА, 14 сентября. /ТАСС/.',
    where: 'edges',
    pattern: /(?:^|\n)[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ\s-]{2,30},\s*\d{1,2}\s+[а-яёіїєґ]+\.?\s*[/(]\s*([^/()\n]{2,30}?)\s*[/)]/gu,
    known: 'exact',
  },
  {
    example: 'ПОРТ-ВЕРРАН, 23 июл - Северный вестник. (a dateline with a dash)',
    where: 'lede',
    pattern: /(?:^|\n)[А-ЯЁІЇЄҐ][А-ЯЁІЇЄҐ\s-]{2,30},\s*\d{1,2}\s+[а-яёіїєґ]+\.?\s*[-—–]\s*([^.\n]{2,30}?)\s*\./gu,
    known: 'exact',
  },
  { example: '(БелТА)', where: 'edges', pattern: /[(（]\s*(ТАСС|БелТА|Интерфакс|Укрінформ|Укринформ|УНІАН|УНИАН)\s*[)）]/gu },
];

/** Where the prose starts: past the short lines above it (a headline, a date, a section name). */
function proseStart(text: string): number {
  let at = 0;
  for (let lines = 0; lines < 12; lines++) {
    const end = text.indexOf('\n', at);
    if (end < 0) return at;
    const line = text.slice(at, end).trim();
    if (line.length >= 60 || /[.!?。！？]["”»」]?$/.test(line)) return at;
    at = end + 1;
  }
  return 0;
}

/**
 * Where the lede ends: three sentences of prose (or fewer, if asked) or 400 characters, whichever
 * comes first; three Japanese sentences say as much as an English paragraph. Sentences as the one
 * splitter reads them ("U.S. Navy" goes on; a line always ends one).
 */
export function ledeEnd(text: string, sentencesWanted = LEDE_SENTENCES): number {
  const from = proseStart(text);
  const limit = Math.min(text.length, from + LEDE);
  const sentences = splitSentences(text.slice(from, limit));
  const last = sentences[sentencesWanted - 1];
  return last && last.end < limit - from ? from + last.end : limit;
}

export interface CreditOptions {
  /** Whether a credited name is the page's own outlet (its own dateline credits nobody else). */
  isOwn?: (name: string) => boolean;
  /** Outlet names; the registry's by default. */
  outlets?: OutletDirectory;
}

/** The outlet a credit line of the text names for its story, other than the page's own: "AP" for "PORT VERRAN (AP) —". */
export function creditedOutlet(text: string, opts: CreditOptions = {}): string | undefined {
  const outlets = opts.outlets ?? registryOutlets();
  // Credit lines are read in the first 400 characters of prose, captions and photo credits included
  // ("…/U.S. Air Force\n\nMay 14 (UPI) —"): their shapes are strict enough not to need the sentences.
  const lede = text.slice(0, Math.min(text.length, proseStart(text) + LEDE));
  const end = text.slice(-END);
  const parts = { lede: [lede], end: [end], edges: [lede, end], anywhere: [text] };
  for (const line of CREDIT_LINES) {
    for (const where of parts[line.where]) {
      line.pattern.lastIndex = 0;
      for (let m = line.pattern.exec(where); m; m = line.pattern.exec(where)) {
        // "The Armed Forces of the Philippines (AFP) said": the page defines its letters, no agency is credited.
        const open = where.lastIndexOf('(', m.index + m[0].indexOf(m[1] ?? '\u0000'));
        if (m[1] && open >= m.index && definesAbbreviation(where, open, m[1].trim())) continue;
        for (const name of namesOf(m[1] ?? '', line, outlets)) if (!opts.isOwn?.(name)) return name;
      }
    }
  }
  return undefined;
}

function namesOf(group: string, line: CreditLine, outlets: OutletDirectory): string[] {
  const written = group.trim();
  if (!written) return [];
  if (line.list) return written.split(/\s*\/\s*/).filter(Boolean);
  switch (line.known) {
    case undefined:
      return [written];
    case 'exact': {
      if (outlets.lookup(written)) return [written];
      // "— Meridian Wire-Kestrel": a sign-off naming two agencies, the first one first.
      const first = written.split(/\s*[-/]\s*/).find((part) => part.length > 1 && outlets.lookup(part));
      return first && /[-/]/.test(written) ? [first] : [];
    }
    case 'start': {
      const name = outlets.nameAt(written, 0);
      return name ? [name] : [];
    }
    case 'end': {
      const name = outlets.nameBefore(written, written.length);
      return name ? [name] : [];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Citations: a named outlet given as the source of what is said.

/** English cues after the name: "TASS reported", "Tass news agency reported", "the Ledger's report". */
const CITE_AFTER = /^\s*(?:has\s+|had\s+|first\s+)?(?:reported|reports|said in a report|said|says|wrote|quoted|cited|published|revealed|learned)\b|^[’']s?\s+report\b/i;
/** English cues before the name: "according to", "citing", "told", "as reported by". */
const CITE_BEFORE = /\b(?:according to|citing|cited by|told|reported by|quoted by|(?:quoted|cited) as saying by|in an interview with|in a report by|a report (?:by|in|from)|as reported (?:by|in)|via)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$/i;
/**
 * What may stand between an outlet's name and the verb that follows: "Tass news agency reported",
 * "«Известия» пишут", "タス通信によると", "塔斯社24日报道", "英紙ガーディアン電子版によると".
 */
const AFTER_NAME =
  /^(?:\s+(?:state\s+|official\s+|news\s+|wire\s+)?(?:news\s+agency|agency|newspaper|daily|weekly|news\s+service|wire\s+service|wire|television|tv|radio|broadcaster|website|portal|outlet))?[»"”」』》]?(?:通信社|通信|放送|紙|電子版|网站|網站|网|網)?(?:など|等)?(?:\d{1,2}月)?(?:\d{1,2}日)?/i;
/** Japanese "X は(21日、)…と報じた": the outlet opens the sentence, the verb closes it. */
const JA_REPORTED = /^(?:通信社|通信|放送|紙|電子版)?は[^。\n]{0,160}?と(?:報じ|伝え)/u;
/**
 * The same cues as Russian, Ukrainian, Chinese and Japanese news write them: "как передает БелТА",
 * "Об этом пишет газета «Известия»", "повідомляє білоруське агентство БЕЛТА", "根据《日本经济新闻》报道", "日本経済新聞によると".
 */
const CITE_BEFORE_INTL =
  /(?:(?:как\s+)?(?:передает|передаёт|передало|сообщает|сообщил[аио]?|пишет|пишут|отмечает)|по\s+(?:данным|сообщению|информации)|со ссылкой на|(?:як\s+)?(?:повідомляє|повідомила|повідомило|повідомив|передає|пише|пишуть)|за\s+(?:даними|повідомленням|інформацією)|з посиланням на)\s+(?:[а-яёіїєґ’'-]+\s+){0,2}[«"“„]?\s*$|(?:据|據|援引|引述|引用|转引|轉引|综合|綜合)\p{Script=Han}{0,4}[《「『"“]?$/iu;
const CITE_AFTER_INTL = /^\s*[»"”」』》]?\s*(?:сообщает|сообщил[аио]?|сообщили|передает|передаёт|пишет|пишут|повідомляє|повідомила?|повідомило|передає|пише|报道|報導|報道|称|稱|消息|援引|によると|によれば|が報じ|は報じ|が報道|が伝え|は伝え|の報道|電子版)/iu;

/** Whether the name written at [start, end) is given as a source: "according to X", "X reported", "передает X", "据X报道". */
export function inCitation(text: string, start: number, end: number): boolean {
  // Long enough for a Japanese sentence that closes on its verb ("X は…と報じた").
  const after = text.slice(end, end + 180);
  const rest = after.slice(AFTER_NAME.exec(after)?.[0].length ?? 0);
  if (CITE_AFTER.test(rest) || CITE_AFTER_INTL.test(rest) || JA_REPORTED.test(after)) return true;
  const before = text.slice(Math.max(0, start - 60), start);
  return CITE_BEFORE.test(before) || CITE_BEFORE_INTL.test(before);
}

/** A sentence that tells what came before ("Earlier, X reported…", "Ранее газета X сообщила"): background, not the story's source. */
const BACKGROUND = /^\s*(?:earlier|previously|ранее|раніше|перед цим|此前|早前|先に|これまで)/iu;

/** Whether the citation at `at` opens a sentence about earlier reporting. */
export function inBackground(text: string, at: number): boolean {
  return BACKGROUND.test(text.slice(sentenceStart(text, at), at));
}

/** Where the sentence holding `at` starts. */
function sentenceStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '\n' || c === '。' || ((c === '.' || c === '!' || c === '?') && /\s/.test(text[i + 1] ?? ''))) return i + 1;
  }
  return 0;
}

interface CitedName {
  /** The name as written. */
  written: string;
  start: number;
  end: number;
}

/** Outlet names of the registry the text gives as a source, in text order. */
export function citedOutlets(text: string, outlets: OutletDirectory = registryOutlets()): CitedName[] {
  const out: CitedName[] = [];
  for (let at = 0; at < text.length; at++) {
    const written = outlets.nameAt(text, at);
    if (!written) continue;
    const end = at + written.length;
    if (inCitation(text, at, end)) out.push({ written, start: at, end });
    at = end - 1;
  }
  return out;
}

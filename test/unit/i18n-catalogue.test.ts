/**
 * The message catalogues (public/_locales/<language>/messages.json) and the code that reads them:
 * every key the code names exists in English and every English key is used; every file keeps the
 * placeholder convention lib/i18n/messages.ts relies on ($1, $2… in the alphabetical order of the
 * names); a second language is read first and falls back to English where it says nothing.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterEach, describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import { catalogueSource, renderMessage, type Catalogue } from '../../lib/i18n/catalogue';
import { environmentLocale, sourceForLocale } from '../../lib/i18n/environment';
import { formatNumber, uiLocale, wordsLanguage } from '../../lib/i18n/intl';
import { t, tOrdinal, tPlural } from '../../lib/i18n/messages';
import { useMessageSource } from '../../lib/i18n/source';
import { kbStatusLine } from '../../components/panel/model';
import { formatBytes, reportSummary } from '../../components/options/model';
import { reportTableView } from '../../components/options/report';
import { formatDate } from '../../lib/report/format';
import { otherLanguage } from '../../lib/report/sources';

const ROOT = join(__dirname, '../..');
const EN = english as Catalogue;

function readCatalogue(path: string): Catalogue {
  return JSON.parse(readFileSync(path, 'utf8')) as Catalogue;
}

const LOCALES = readdirSync(join(ROOT, 'public/_locales')).filter((d) => statSync(join(ROOT, 'public/_locales', d)).isDirectory());
const SHIPPED = LOCALES.map((dir) => ({ dir, file: join(ROOT, 'public/_locales', dir, 'messages.json') }));
const FIXTURE_RU = { dir: 'ru', file: join(ROOT, 'test/fixtures/locales/ru/messages.json') };

/** `base_category` → [base, category]; a key with no plural suffix → [key, null]. */
function splitPlural(key: string): [string, string | null] {
  const m = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? [m[1]!, m[2]!] : [key, null];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The shipped code that may show words: the engine, the UI, the entry points and the manifest. */
const CODE = [...['lib', 'components', 'entrypoints'].flatMap((d) => sourceFiles(join(ROOT, d))), join(ROOT, 'wxt.config.ts')].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** Families the code reads with tOrdinal ("1st", "2nd"): their forms are the ordinal ones. */
const ORDINALS = new Set(CODE.flatMap(({ text }) => [...text.matchAll(/\btOrdinal\(\s*'([^']+)'/g)].map((m) => m[1]!)));

function placeholderNames(entry: Catalogue[string]): string[] {
  return Object.keys(entry.placeholders ?? {})
    .map((n) => n.toLowerCase())
    .sort();
}

/** Every problem with one catalogue file, as readable lines (empty when the file is sound). */
function catalogueProblems(dir: string, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const families = new Map<string, Set<string>>();
  const language = dir.replace(/_/g, '-');
  for (const [key, entry] of Object.entries(catalogue)) {
    const where = `${dir}/${key}`;
    if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${where}: a key holds only ASCII letters, digits and "_"`);
    if (seen.has(key.toLowerCase())) problems.push(`${where}: keys differ only by case (the browsers ignore case)`);
    seen.add(key.toLowerCase());
    if (typeof entry.message !== 'string') {
      problems.push(`${where}: no message`);
      continue;
    }
    const [base, category] = splitPlural(key);
    const englishKey = category ? `${base}_other` : key;
    if (!(englishKey in EN)) problems.push(`${where}: English has no ${englishKey}`);
    if (category) (families.get(base) ?? families.set(base, new Set()).get(base)!).add(category);
    const names = placeholderNames(entry);
    // The code passes values by name and fills $1, $2… in the names' alphabetical order.
    Object.entries(entry.placeholders ?? {}).forEach(([name, p]) => {
      if (p.content !== `$${names.indexOf(name.toLowerCase()) + 1}`) problems.push(`${where}: placeholder ${name} must hold $${names.indexOf(name.toLowerCase()) + 1}`);
    });
    const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase());
    for (const u of used) if (!names.includes(u)) problems.push(`${where}: $${u.toUpperCase()}$ is not declared`);
    // A plural form may leave out the number ("The source, by relation"); anything else declared is shown.
    for (const n of names) if (!used.includes(n) && !(category && n === 'count')) problems.push(`${where}: placeholder ${n} is declared but not shown`);
    if (/\$(?![1-9])/.test(entry.message.replace(/\$\$|\$[A-Za-z0-9_@]+\$/g, ''))) problems.push(`${where}: a lone "$" (write "$$" for a dollar sign)`);
    const englishEntry = EN[englishKey];
    if (englishEntry && dir !== 'en' && names.join() !== placeholderNames(englishEntry).join()) problems.push(`${where}: placeholders ${names.join()} differ from English ${placeholderNames(englishEntry).join()}`);
  }
  if (catalogue.catalogueLanguage?.message !== language) problems.push(`${dir}: catalogueLanguage must be "${language}"`);
  // A language's plural forms come all together: one left out would fall back to English words.
  for (const [base, present] of families) {
    const type = ORDINALS.has(base) ? 'ordinal' : 'cardinal';
    const needed = new Intl.PluralRules(language, { type }).resolvedOptions().pluralCategories as string[];
    const missing = needed.filter((c) => !present.has(c));
    if (missing.length) problems.push(`${dir}/${base}: no ${type} plural form ${missing.join(', ')}`);
  }
  return problems;
}

/** Keys named in `t('key'`, `tPlural('key'` and `tOrdinal('key'` calls that the catalogue lacks. */
function missingKeys(files: readonly { path: string; text: string }[], catalogue: Catalogue): string[] {
  const missing: string[] = [];
  for (const { path, text } of files) {
    for (const m of text.matchAll(/\b(t|tPlural|tOrdinal)\(\s*'([^']+)'/g)) {
      const key = m[1] === 't' ? m[2]! : `${m[2]}_other`;
      if (!(key in catalogue)) missing.push(`${path}: ${m[2]}`);
    }
    for (const m of text.matchAll(/__MSG_(\w+)__/g)) if (!(m[1]! in catalogue)) missing.push(`${path}: ${m[1]}`);
  }
  return missing;
}

/** English keys (plural families by their base) that no shipped file names, in a call, a table of keys or the manifest. */
function unusedKeys(files: readonly { path: string; text: string }[], catalogue: Catalogue): string[] {
  const all = files.map((f) => f.text).join('\n');
  const bases = new Set(Object.keys(catalogue).map((k) => splitPlural(k)[0]));
  return [...bases].filter((base) => !all.includes(`'${base}'`) && !all.includes(`__MSG_${base}__`));
}

/** Attributes whose value a person reads or hears; every other attribute (class, data-testid, id…) is code. */
const SHOWN_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'title', 'alt', 'placeholder', 'label']);

/** Text a person would read: two words in a row, or one capitalised word ("Remove", "Imported"). */
function looksLikeWords(text: string): boolean {
  return /\p{L}{2,}[,:;.!?…]?\s+\p{L}/u.test(text) || /^\s*\p{Lu}\p{Ll}+[\s.!?…:]*$/u.test(text);
}

/** The node sits where strings are code, not words: an import, a class or test id, a comparison, a switch case, a type. */
function isCodePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent, child: ts.Node = node; n; child = n, n = n.parent) {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isModuleDeclaration(n) || ts.isLiteralTypeNode(n) || ts.isCaseClause(n)) return true;
    if (ts.isJsxAttribute(n)) return !SHOWN_ATTRIBUTES.has(n.name.getText());
    if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.operatorToken.kind)) return true;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && /\.(className|id)$/.test(n.left.getText())) return true;
    if (ts.isPropertyAssignment(n) && child === n.name) return true;
    if (ts.isCallExpression(n) && /^(t|tPlural|tOrdinal|querySelector|querySelectorAll|getElementById|matchMedia|addEventListener|removeEventListener|createElement|setAttribute|getAttribute|attachShadow)$/.test(n.expression.getText().split('.').pop()!)) return true;
    if (ts.isStatement(n) || ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n)) return false;
  }
  return false;
}

/** Strings in `text` that read as words but are not looked up in the catalogue, as "path:line: text". */
function unmessagedWords(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, words: string) => found.push(`${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${words.trim()}`);
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (/\p{L}/u.test(node.text)) report(node, node.text);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const inShownAttribute = ts.isJsxAttribute(node.parent) && SHOWN_ATTRIBUTES.has(node.parent.name.getText()) && /\p{L}/u.test(node.text);
      if (inShownAttribute || (looksLikeWords(node.text) && !isCodePosition(node))) report(node, node.text);
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

/**
 * The files that word what users see: the options page, the side panel, popover and popup, the
 * exports and other reports, the command line, and the texts the background sends to pages. Not
 * lib/background/tab-queue.ts and slices.ts (their texts are internal), nor the engine's readers.
 */
const WORDED = CODE.filter(({ path }) => /^(components|entrypoints)\/|^lib\/(cli|report)\/|^lib\/background\/(import|import-port|service|badge)\.ts$/.test(path));

/**
 * Strings in those files that are code, not words shown to anyone, each with its reason.
 * Keyed by "path: text", so an unrelated new string never slips through.
 */
const NOT_WORDS = new Map<string, string>([
  ['entrypoints/background.ts: " is not allowed from this sender', 'a refusal for a sender that is not ours; no page shows it'],
]);

afterEach(async () => {
  // Back to the English catalogue every other test file uses (lib/i18n/node.ts).
  useMessageSource(catalogueSource([EN], 'en-GB'));
});

describe('the catalogues', () => {
  it.each(SHIPPED)('$dir/messages.json keeps the format the code relies on', ({ dir, file }) => {
    expect(catalogueProblems(dir, readCatalogue(file))).toEqual([]);
  });

  it('English is the default and the manifest says so', () => {
    expect(LOCALES).toContain('en');
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).toMatch(/default_locale: 'en'/);
  });

  it('every key the code names is in English', () => {
    expect(missingKeys(CODE, EN)).toEqual([]);
    // The check itself: a call naming a key English does not have is caught.
    expect(missingKeys([{ path: 'x.tsx', text: "t('popoverCompare'); tPlural('kbSources', 2); t('noSuchMessage'); tPlural('noSuchCount', 2)" }], EN)).toEqual(['x.tsx: noSuchMessage', 'x.tsx: noSuchCount']);
  });

  it('every English key is used', () => {
    expect(unusedKeys(CODE, EN)).toEqual([]);
    expect(unusedKeys([{ path: 'x.ts', text: "t('popoverCompare')" }], { popoverCompare: EN.popoverCompare!, staleMessage: { message: 'x' } })).toEqual(['staleMessage']);
  });

  it('catches what a translation gets wrong', () => {
    const bad: Catalogue = {
      catalogueLanguage: { message: 'ru' },
      kbSources_one: { message: '$COUNT$ источник', placeholders: { count: { content: '$1' } } },
      kbSources_other: { message: '$COUNT$ источника', placeholders: { count: { content: '$1' } } },
      inLanguage: { message: 'язык: $LANG$', placeholders: { lang: { content: '$1' } } },
      noSuchKey: { message: 'x' },
    };
    expect(catalogueProblems('ru', bad)).toEqual([
      'ru/inLanguage: placeholders lang differ from English language',
      'ru/noSuchKey: English has no noSuchKey',
      'ru/kbSources: no cardinal plural form few, many',
    ]);
  });
});

describe('the command line\'s language', () => {
  it('is the environment\'s locale, as POSIX programs read it', () => {
    expect(environmentLocale({ LANG: 'ru_RU.UTF-8' })).toBe('ru-RU');
    expect(environmentLocale({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'uk_UA.UTF-8' })).toBe('uk-UA');
    expect(environmentLocale({ LANG: 'de_DE', LC_MESSAGES: 'uk_UA', LC_ALL: 'ja_JP.eucJP' })).toBe('ja-JP');
    expect(environmentLocale({ LANG: 'sr_RS@latin' })).toBe('sr-RS');
    for (const LANG of ['C', 'C.UTF-8', 'POSIX', '', 'not a locale!']) expect(environmentLocale({ LANG })).toBeNull();
    expect(environmentLocale({})).toBeNull();
  });

  it('reads the best file for it, then English; numbers and dates in that locale', () => {
    const ru = readCatalogue(FIXTURE_RU.file);
    useMessageSource(sourceForLocale({ en: EN, ru }, environmentLocale({ LANG: 'ru_RU.UTF-8' })));
    expect(t('cliMentions', { count: 12700 })).toBe(`Упоминания: ${new Intl.NumberFormat('ru-RU').format(12700)}`);
    expect(t('cliSources', { count: 3 })).toBe('Sources sharing this article\'s entities: 3');
    expect(uiLocale()).toBe('ru-RU');
    // A country's own file comes before the language's.
    useMessageSource(sourceForLocale({ en: EN, ru, ru_UA: { catalogueLanguage: { message: 'ru' }, cliClaims: { message: 'Утверждений: $COUNT$', placeholders: { count: { content: '$1' } } } } }, 'ru-UA'));
    expect([t('cliClaims', { count: 2 }), t('cliMentions', { count: 2 })]).toEqual(['Утверждений: 2', 'Упоминания: 2']);
    // No locale, or one without a file: English words; numbers and dates British without a locale, else the locale's.
    useMessageSource(sourceForLocale({ en: EN, ru }, null));
    expect([t('cliMentions', { count: 12700 }), uiLocale()]).toEqual(['Mentions: 12,700', 'en-GB']);
    useMessageSource(sourceForLocale({ en: EN, ru }, 'de-DE'));
    expect(t('cliMentions', { count: 12700 })).toBe('Mentions: 12.700');
  });
});

describe('words outside the catalogue', () => {
  it('every word the options page, panels, exports, CLI and background show is a message', () => {
    const found = WORDED.flatMap(({ path, text }) => unmessagedWords(path, text)).filter((line) => !NOT_WORDS.has(line.replace(/:\d+: /, ': ')));
    expect(found).toEqual([]);
  });

  it('the check sees text, labels and sentences, and leaves code alone', () => {
    const tsx = [
      'const a = <p class="muted big" data-testid="x y">Drop files here</p>;',
      "const b = <button aria-label={`Remove ${name} from the list`} title=\"Close\">{t('close')}</button>;",
      'const c = `File ${i} of ${n}`;',
      "const d = { imported: 'Imported', kind: 'participants' };",
      "if (e.key === 'Escape Key') setOpen(false);",
      "import { x } from '../shared/some thing';",
      'el.className = `vmark v-${v} s-${shape}`;',
      "const f = t('optionsTitle');",
    ].join('\n');
    expect(unmessagedWords('x.tsx', tsx)).toEqual(['x.tsx:1: Drop files here', 'x.tsx:2: Remove', 'x.tsx:2: from the list', 'x.tsx:2: Close', 'x.tsx:3: File', 'x.tsx:4: Imported']);
  });
});

describe('reading messages', () => {
  it('fills placeholders by name, as the browsers do', () => {
    expect(t('popoverSources_other', { count: 19, name: 'Zapad, any edition' })).toBe('19 other sources in your dataset name Zapad, any edition.');
    expect(renderMessage({ message: 'Costs $$$AMOUNT$ ($1)', placeholders: { amount: { content: '$1' } } }, ['5'])).toBe('Costs $5 (5)');
    // Values are not read again: a "$1" in an outlet's name stays as written.
    expect(renderMessage({ message: '$A$ and $B$', placeholders: { a: { content: '$1' }, b: { content: '$2' } } }, ['$2', 'x'])).toBe('$2 and x');
  });

  it('picks the plural form, numbers formatted for the locale', () => {
    expect(tPlural('kbSources', 1)).toBe('1 source');
    expect(tPlural('kbSources', 1500)).toBe('1,500 sources');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map((n) => tOrdinal('editionOrdinal', n))).toEqual(
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th'].map((o) => `${o} edition`),
    );
  });
});

describe('a second language', () => {
  const ru = readCatalogue(FIXTURE_RU.file);
  const useRussian = () => useMessageSource(catalogueSource([ru, EN], 'ru-RU'));

  it('the fixture is a sound partial catalogue', () => {
    expect(catalogueProblems(FIXTURE_RU.dir, ru)).toEqual([]);
  });

  it('is read first, with its own plural forms, and English fills what it leaves out', () => {
    useRussian();
    expect(wordsLanguage()).toBe('ru');
    expect(uiLocale()).toBe('ru-RU');
    expect(t('statusAnalysing')).toBe('Страница анализируется…');
    expect(t('popoverCompare')).toBe('Compare sources');
    expect([1, 3, 5, 21, 1.5].map((n) => tPlural('kbSources', n))).toEqual(['1 источник', '3 источника', '5 источников', '21 источник', '1,5 источника']);
    // A plural family the file does not translate falls back to English, whatever the form.
    expect([1, 3, 5].map((n) => tPlural('kbEntities', n))).toEqual(['1 entity', '3 entities', '5 entities']);
    // Numbers and dates in the user's locale; names of languages in the words' language.
    expect(formatNumber(12700)).toBe(new Intl.NumberFormat('ru-RU').format(12700));
    expect(formatDate('2019-12-03')).toBe(new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date('2019-12-03')));
    expect(otherLanguage('ja', 'en')).toBe('язык: японский');
    expect(kbStatusLine({ ready: true, datasetVersion: null, sources: 120, claims: 22, entities: 1 })).toBe('120 источников, 22 утверждения, 1 entity');
  });

  it('words the options page in it, with English where it is silent', () => {
    useRussian();
    expect(t('optionsImportHeading')).toBe('Импорт статей');
    expect([1, 3, 5, 21].map((n) => tPlural('optionsImportFiles', n))).toEqual(['Импортировать 1 файл', 'Импортировать 3 файла', 'Импортировать 5 файлов', 'Импортировать 21 файл']);
    expect(formatBytes(1536)).toBe(new Intl.NumberFormat('ru-RU', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(1.5));
    const report = { fileName: 'f.jsonl', setName: 'f', format: 'jsonl' as const, imported: 1200, duplicates: [], rejected: [{ action: 'skipped' as const, record: 2, reason: 'no text' }], changed: [], cancelled: false, quotaExceeded: false };
    expect(reportTableView(report, false).rows.map((r) => [r.outcomeLabel, r.where])).toEqual([['Отклонено', 'record 2']]);
    expect(reportSummary(report)).toBe(`f.jsonl → “f”: ${formatNumber(1200)} imported, 0 skipped as duplicates, 1 rejected.`);
  });

  it('falls back to English wholesale when the user\'s language has no file', () => {
    useMessageSource(catalogueSource([EN], 'de-DE'));
    expect(wordsLanguage()).toBe('en');
    expect(tPlural('kbSources', 0)).toBe('0 sources');
    expect(otherLanguage('ru', 'en')).toBe('in Russian');
    // Numbers and dates still follow the user's locale.
    expect(formatNumber(12700)).toBe('12.700');
  });
});

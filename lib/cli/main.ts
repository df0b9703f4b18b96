/**
 * `triangulate`: the extension's pipeline on the command line.
 *   triangulate extract PAGE
 *   triangulate annotate PAGE [--sources FILE ...] [--json]
 * Errors the user can cause exit 1 with a line naming the file and the problem. Every imported
 * record that was skipped, changed or read under an assumption is listed on stderr as
 * `FILE[:ENTRY][:LINE]: skipped|changed|assumed: reason`; a --sources file that adds no article
 * fails the run. The page and the imports go under the extension's input caps.
 *
 * Its words are messages of the extension's catalogue (public/_locales): English from the sources
 * (tests, scripts), the environment's language from the bundle (lib/i18n/environment.ts). The
 * stderr record lines keep their machine-readable shape: `skipped`, `changed` and `assumed` are
 * the import's action names, the same in every language, for scripts that read them.
 */
import '../dom/node';
import '../i18n/node';
import { t, tPlural } from '../i18n/messages';
import { useMessageSource, type MessageSource } from '../i18n/source';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Dataset } from '../dataset/types';
import { extractArticleFromHtml } from '../extract/html';
import { extractArticleFromTextFile } from '../extract/text-file';
import { parseImportFile, type ImportedArticle, type RecordReport } from '../import';
import { annotateArticle } from '../pipeline/annotate';
import { applyInputLimits, limitsNotice, PAGE_LIMITS } from '../pipeline/limits';
import type { Annotation, ArticleInput } from '../types';
import { textFingerprint } from '../claims';
import { addSourceArticles, openCliKb, type CliKb } from './kb';
import { formatReport } from './report';
import { datasetFromSeeds } from './seeds';

export class CliError extends Error {}

export interface CliEnv {
  /** The dataset: compiled into the bundle (lib/cli/bundle.ts), else from seeds/. */
  dataset: () => Dataset;
  /** A knowledge base already seeded from that dataset (the start-up snapshot's); opened here when absent. */
  kb?: () => Promise<CliKb>;
  /** Where warnings go, one line per call; stderr by default. */
  warn?: (line: string) => void;
  /** The catalogue to speak from (the bundle's, for the environment's language); English when absent. */
  messages?: () => MessageSource;
}

function readFile(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CliError(t('cliNoSuchFile', { file: path }));
  }
  if (stat.isDirectory()) throw new CliError(t('cliIsDirectory', { file: path }));
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(t('cliCannotRead', { file: path, error: e instanceof Error ? e.message : String(e) }));
  }
}

export function readArticle(path: string): ArticleInput {
  const ext = extname(path).toLowerCase();
  const content = readFile(path);
  let article: ArticleInput;
  if (ext === '.html' || ext === '.htm') {
    if (!/<[a-z!]/i.test(content)) throw new CliError(t('cliNotHtml', { file: path }));
    article = extractArticleFromHtml(content, null);
  } else if (ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '') {
    article = extractArticleFromTextFile(content, basename(path));
  } else {
    throw new CliError(t('cliUnsupportedType', { file: path, ext }));
  }
  if (!article.text.trim()) throw new CliError(t('cliNoArticleText', { file: path }));
  return article;
}

interface Command {
  command: 'extract' | 'annotate';
  page: string;
  sources: string[];
  json: boolean;
}

/** Arguments through node:util's parseArgs; `--sources` takes every file up to the next option. */
function commandOf(args: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { sources: { type: 'string', multiple: true }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      tokens: true,
    });
  } catch (e) {
    // Node's own wording of the problem (English), then the usage.
    throw new CliError(`${e instanceof Error ? e.message.replace(/\. To specify.*$/s, '') : String(e)}\n${t('cliUsage')}`);
  }
  if (parsed.values.help || parsed.positionals.length === 0) throw new CliError(t('cliUsage'));
  const sources: string[] = [];
  const positionals: string[] = [];
  // Positionals right after a --sources value are more sources: `--sources a.json b.xml`.
  let inSources = false;
  for (const token of parsed.tokens) {
    if (token.kind === 'option') {
      inSources = token.name === 'sources';
      if (inSources && token.value !== undefined) sources.push(token.value);
    } else if (token.kind === 'positional') {
      if (inSources) sources.push(token.value);
      else positionals.push(token.value);
    } else inSources = false;
  }
  const [command, page, ...extra] = positionals;
  if (command !== 'extract' && command !== 'annotate') throw new CliError(`${t('cliUnknownCommand', { command: command ?? '' })}\n${t('cliUsage')}`);
  if (!page) throw new CliError(`${t('cliNeedsPage', { command })}\n${t('cliUsage')}`);
  if (extra.length) throw new CliError(`${t('cliUnexpectedArgument', { argument: extra[0]! })}\n${t('cliUsage')}`);
  return { command, page, sources, json: parsed.values.json ?? false };
}

/** `feed.zip:reports/a.jsonl:3: skipped: reason`, or `(record 2)` where a format has no lines. */
export function reportLine(file: string, r: Pick<RecordReport, 'action' | 'reason' | 'file' | 'line' | 'record'>): string {
  const place = [file, r.file, r.line].filter((p) => p !== undefined).join(':');
  const record = r.line === undefined && r.record !== undefined ? ` (${t('cliRecord', { record: String(r.record) })})` : '';
  return `${place}${record}: ${r.action}: ${r.reason}`;
}

/** Where an article of a parsed file sits, for reports made after parsing (duplicates at ingest). */
function positionOf(article: ImportedArticle | undefined): Pick<RecordReport, 'file' | 'line' | 'record'> {
  if (!article) return {};
  return { record: article.record, ...(article.line !== undefined ? { line: article.line } : {}), ...(article.file !== undefined ? { file: article.file } : {}) };
}

const FROM_SOURCES: CliEnv = { dataset: datasetFromSeeds };

export async function run(args: string[], env: CliEnv = FROM_SOURCES): Promise<string> {
  const warn = env.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const { command, page, sources, json } = commandOf(args);
  const article = readArticle(page);
  if (command === 'extract') {
    return JSON.stringify({ title: article.title, published: article.published, url: article.url, text: article.text }, null, 2);
  }
  const parsedSources = sources.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new CliError(t('cliNoSuchFile', { file }));
    }
    const parsed = parseImportFile(basename(file), bytes);
    for (const r of parsed.reports) warn(reportLine(file, r));
    if (parsed.articles.length === 0) throw new CliError(parsed.reports.length ? tPlural('cliNothingImportedProblems', parsed.reports.length, { file }) : t('cliNothingImportedNoArticles', { file }));
    return { file, parsed };
  });
  const cli = await (env.kb ?? (() => openCliKb(env.dataset())))();
  try {
    for (const { file, parsed } of parsedSources) {
      const report = await addSourceArticles(cli, basename(file), parsed.articles);
      for (const d of [...report.duplicates, ...report.failed]) {
        warn(reportLine(file, { action: 'skipped', reason: d.reason, ...positionOf(d.record === undefined ? undefined : parsed.articles[d.record - 1]) }));
      }
      if (report.imported.length === 0) throw new CliError(t('cliNothingImportedStored', { file }));
    }
    // The extension's caps on a page apply here too: what they leave out is said on stderr.
    const { text, report: limits } = applyInputLimits(article.text, PAGE_LIMITS);
    if (limits) warn(`${page}: ${limitsNotice(limits)}`);
    const capped = limits ? { ...article, text } : article;
    // A page that is itself a stored source (a seed, say) takes that source's curated metadata.
    const stored = (await cli.kb.sourcesByUrlOrFingerprint(capped.url, textFingerprint(capped.text)))[0];
    const full: ArticleInput = stored
      ? { ...capped, title: stored.title || capped.title, outlet: stored.outlet || capped.outlet, published: stored.published ?? capped.published, url: stored.url ?? capped.url }
      : capped;
    const annotation: Annotation = await annotateArticle(full, { detector: cli.detector, kb: cli.kb });
    if (json) {
      const { entities: _entities, pageDerivedFrom: _own, pageSourceIds: _copies, storedCopies: _stored, ...contract } = annotation;
      return JSON.stringify(contract, null, 2);
    }
    return formatReport(annotation);
  } finally {
    cli.db.close();
  }
}

export async function main(args: string[], env: CliEnv = FROM_SOURCES): Promise<number> {
  if (env.messages) useMessageSource(env.messages());
  try {
    process.stdout.write(`${await run(args, env)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`triangulate: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`triangulate: ${t('cliUnexpectedError', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) })}\n`);
    return 1;
  }
}

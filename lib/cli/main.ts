/**
 * `triangulate`: the extension's pipeline on the command line.
 *   triangulate extract PAGE
 *   triangulate annotate PAGE [--sources FILE ...] [--json]
 * Errors the user can cause print one line naming the file and the problem, and exit 1.
 */
import '../dom/node';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractArticleFromHtml } from '../extract/html';
import { extractArticleFromTextFile } from '../extract/text-file';
import { parseImportFile } from '../import';
import { annotateArticle } from '../pipeline/annotate';
import type { Annotation, ArticleInput } from '../types';
import { textFingerprint } from '../claims';
import { addSourceFile, openCliKb } from './kb';
import { formatReport } from './report';

export class CliError extends Error {}

const USAGE = `Usage:
  triangulate extract PAGE                      print the article of PAGE (.html, .txt, .md) as JSON
  triangulate annotate PAGE [--sources FILE ...] [--json]
                                                compare PAGE with the bundled dataset and FILEs`;

const SEEDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'seeds');

function readFile(path: string): string {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new CliError(`${path}: no such file`);
  }
  if (stat.isDirectory()) throw new CliError(`${path}: is a directory, not a file`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`${path}: cannot read (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function readArticle(path: string): ArticleInput {
  const ext = extname(path).toLowerCase();
  const content = readFile(path);
  let article: ArticleInput;
  if (ext === '.html' || ext === '.htm') {
    if (!/<[a-z!]/i.test(content)) throw new CliError(`${path}: not HTML (no markup found)`);
    article = extractArticleFromHtml(content, null);
  } else if (ext === '.txt' || ext === '.md' || ext === '.markdown' || ext === '') {
    article = extractArticleFromTextFile(content, basename(path));
  } else {
    throw new CliError(`${path}: unsupported file type "${ext}" (use .html, .txt or .md)`);
  }
  if (!article.text.trim()) throw new CliError(`${path}: no article text found`);
  return article;
}

function parseArgs(args: string[]): { command: string; page: string; sources: string[]; json: boolean } {
  const [command, ...rest] = args;
  if (!command || command === '-h' || command === '--help') throw new CliError(USAGE);
  const sources: string[] = [];
  let page: string | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--sources') {
      // --sources takes one or more files, up to the next option.
      let taken = 0;
      while (i + 1 < rest.length && !rest[i + 1]!.startsWith('--')) {
        sources.push(rest[++i]!);
        taken++;
      }
      if (!taken) throw new CliError('--sources needs at least one file');
    } else if (arg.startsWith('--')) throw new CliError(`unknown option ${arg}\n${USAGE}`);
    else if (!page) page = arg;
    else throw new CliError(`unexpected argument ${arg}\n${USAGE}`);
  }
  if (command !== 'extract' && command !== 'annotate') throw new CliError(`unknown command "${command}"\n${USAGE}`);
  if (!page) throw new CliError(`${command} needs a PAGE\n${USAGE}`);
  return { command, page, sources, json };
}

export async function run(args: string[]): Promise<string> {
  const { command, page, sources, json } = parseArgs(args);
  const article = readArticle(page);
  if (command === 'extract') {
    return JSON.stringify({ title: article.title, published: article.published, url: article.url, text: article.text }, null, 2);
  }
  const parsedSources = sources.map((file) => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(file));
    } catch {
      throw new CliError(`${file}: no such file`);
    }
    const parsed = parseImportFile(basename(file), bytes);
    if (parsed.articles.length === 0) {
      const why = parsed.rejected[0];
      const located = why && /\bline \d/.test(why.reason);
      const where = located ? '' : why?.line ? ` at line ${why.line}` : why?.record ? ` (record ${why.record})` : '';
      throw new CliError(`${file}: ${why ? `${why.reason}${where}` : 'no articles found'}`);
    }
    return { file, parsed };
  });
  const cli = await openCliKb(SEEDS_DIR);
  for (const { file, parsed } of parsedSources) await addSourceFile(cli, file, parsed);
  // A page that is itself a stored source (a seed, say) takes that source's curated metadata.
  const stored = (await cli.kb.sourcesByUrlOrFingerprint(article.url, textFingerprint(article.text)))[0];
  const full: ArticleInput = stored
    ? { ...article, title: stored.title || article.title, outlet: stored.outlet || article.outlet, published: stored.published ?? article.published, url: stored.url ?? article.url }
    : article;
  const annotation: Annotation = await annotateArticle(full, { detector: cli.detector, kb: cli.kb });
  cli.db.close();
  if (json) {
    const { entities: _entities, pageDerivedFrom: _own, pageSourceIds: _copies, storedCopies: _stored, ...contract } = annotation;
    return JSON.stringify(contract, null, 2);
  }
  return formatReport(annotation);
}

export async function main(args: string[]): Promise<number> {
  try {
    process.stdout.write(`${await run(args)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      process.stderr.write(`triangulate: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`triangulate: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return 1;
  }
}

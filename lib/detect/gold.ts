/** Loads the annotated detection gold set (Node only: tests, scripts, benchmark). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Detector } from './detector';
import { goldSpans, scoreMentions, type GoldDocument, type ScoreSheet } from './score';

export function loadGold(root: string): { file: string; text: string; doc: GoldDocument }[] {
  const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/detection/gold.json'), 'utf8')) as { documents: GoldDocument[] };
  return gold.documents.map((doc) => ({ file: doc.file, text: readFileSync(join(root, doc.file), 'utf8'), doc }));
}

export function scoreDetector(root: string, detect: Detector['detect']): ScoreSheet {
  return scoreMentions(
    loadGold(root).map(({ file, text, doc }) => ({ file, text, gold: goldSpans(text, doc), predicted: detect(text) })),
  );
}

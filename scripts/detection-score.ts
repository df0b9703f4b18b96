/** Prints detection precision/recall per entity type on the gold set (test/fixtures/detection). */
import { createDetector } from '../lib/detect';
import { scoreDetector } from '../lib/detect/gold';
import { readSeeds } from '../lib/dataset/seeds-fs';

const root = new URL('..', import.meta.url).pathname;
const detector = createDetector(readSeeds(`${root}seeds`).entities);
const sheet = scoreDetector(root, (t) => detector.detect(t));
console.log('type          precision  recall   tp  fp  fn');
for (const [type, s] of Object.entries(sheet.byType)) {
  console.log(`${type.padEnd(13)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${String(s.tp).padStart(4)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
}
if (process.argv.includes('--errors')) for (const e of sheet.errors) console.log(`${e.kind.padEnd(9)} ${e.id.padEnd(28)} "${e.text}"  (${e.file})`);

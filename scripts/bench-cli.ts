/**
 * CLI start-up: `triangulate annotate` on seed 000, a new Node process each run, median of 5.
 * Three ways: `bin/triangulate.mjs` as a user runs it (built first if stale, as after `npm ci`;
 * from the start-up snapshot when this Node built one), the plain bundle without the snapshot,
 * and the TypeScript sources run through tsx, which is how bin/triangulate.mjs ran before the
 * bundle (the "before" figure). Wall time and, where /usr/bin/time exists, CPU time (user + system): on a
 * loaded machine wall time waits for the CPU, CPU time does not.
 * Run: npx tsx scripts/bench-cli.ts (npm run bench calls benchCli()).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED_000 = join(ROOT, 'seeds/documents/000_8bf4eb82250f4ca7.txt');
const RUNS = 5;
const TIME = '/usr/bin/time';

// The sources through tsx, as bin/triangulate.mjs did before the bundle.
const FROM_SOURCES = 'import { register } from \'tsx/esm/api\'; register(); const { main } = await import(\'./lib/cli/main.ts\'); process.exitCode = await main(process.argv.slice(1));';

interface Run {
  wallMs: number;
  cpuMs: number | null;
}

function timed(args: string[]): Run {
  const withTime = existsSync(TIME);
  const command = withTime ? TIME : process.execPath;
  const argv = withTime ? ['-f', '%U %S', process.execPath, ...args] : args;
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`CLI exited with ${result.status}: ${result.stderr.slice(-400)}`);
  const times = withTime ? /(\d+\.\d+) (\d+\.\d+)\s*$/.exec(result.stderr) : null;
  return { wallMs, cpuMs: times ? (Number(times[1]) + Number(times[2])) * 1000 : null };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function series(args: string[]): { wall: number; cpu: number | null } {
  const runs = Array.from({ length: RUNS }, () => timed(args));
  const cpu = runs.map((r) => r.cpuMs).filter((c): c is number => c !== null);
  return { wall: Math.round(median(runs.map((r) => r.wallMs))), cpu: cpu.length === runs.length ? Math.round(median(cpu)) : null };
}

export async function benchCli(): Promise<Record<string, number | string>> {
  // One untimed run: builds the bundle when it is missing or stale, and warms the file cache.
  timed([join(ROOT, 'bin/triangulate.mjs'), 'annotate', SEED_000]);
  const bin = series([join(ROOT, 'bin/triangulate.mjs'), 'annotate', SEED_000]);
  const bundle = series([join(ROOT, 'bin/dist/triangulate.mjs'), 'annotate', SEED_000]);
  const sources = series(['--input-type=module', '-e', FROM_SOURCES, 'annotate', SEED_000]);
  const idle = series(['-e', '0']);
  const snapshot = JSON.parse(readFileSync(join(ROOT, 'bin/dist/build.json'), 'utf8')) as { snapshot: boolean };
  return {
    [`annotate seed 000, bin/triangulate.mjs (${snapshot.snapshot ? 'start-up snapshot' : 'bundle, no snapshot on this Node'}), median of 5, wall ms`]: bin.wall,
    'annotate seed 000, bin/triangulate.mjs, CPU ms (user + system)': bin.cpu ?? 'n/a (no /usr/bin/time)',
    'annotate seed 000, plain bundle (bin/dist/triangulate.mjs), wall ms': bundle.wall,
    'annotate seed 000, plain bundle, CPU ms': bundle.cpu ?? 'n/a',
    'annotate seed 000, sources through tsx (before the bundle), wall ms': sources.wall,
    'annotate seed 000, sources through tsx, CPU ms': sources.cpu ?? 'n/a',
    'empty Node process on this machine now, wall ms (for scale)': idle.wall,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [k, v] of Object.entries(await benchCli())) console.log(`${k}: ${v}`);
}

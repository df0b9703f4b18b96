/**
 * `npm run bench`: every speed and memory figure the project tracks, printed, never asserted.
 * Sections: detection, claims, import at scale, the analysis in time slices, the browser budgets and the long tasks on the
 * seed page, the saved news pages and a 12,000-mention page (these two need the built extension
 * and Debian's Chromium: run `npm run build:ext` first). `npm run bench -- long` runs one section.
 */
type Section = { title: string; run: () => Promise<Record<string, number | string>> };

const sections: Section[] = [
  { title: 'Detection (Node)', run: async () => (await import('./bench-detect')).benchDetect() },
  { title: 'Claims (Node)', run: async () => (await import('./bench-claims')).benchClaims() },
  { title: 'Import at scale', run: async () => (await import('./bench-import')).benchImport() },
  { title: 'CLI start-up (annotate seed 000, median of 5)', run: async () => (await import('./bench-cli')).benchCli() },
  { title: 'Service worker analysis in time slices (Node)', run: async () => (await import('./bench-slices')).benchSlices() },
  { title: 'Browser budgets (headless Chromium, extension loaded)', run: async () => (await import('./bench-browser')).benchBrowser() },
  { title: 'Long tasks caused by Triangulate (headless Chromium, page scripts off)', run: async () => (await import('./bench-longtasks')).benchLongTasks() },
  { title: 'Architecture: bundles, service-worker wake, compromise (headless Chromium)', run: async () => (await import('./bench-arch')).benchArch() },
];

const only = process.argv.slice(2).map((a) => a.toLowerCase());
let failed = 0;
for (const section of sections) {
  if (only.length && !only.some((o) => section.title.toLowerCase().includes(o))) continue;
  console.log(`\n== ${section.title} ==`);
  try {
    const figures = await section.run();
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`);
  } catch (e) {
    failed++;
    console.log(`  could not run: ${e instanceof Error ? e.message : String(e)}`);
  }
}
process.exit(failed ? 1 : 0);

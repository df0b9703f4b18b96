/**
 * Stands in for compromise in a benchmark-only build (TRIANGULATE_BENCH_NO_COMPROMISE=1, see
 * wxt.config.ts), so `npm run bench -- arch` can tell what compromise adds to a service-worker
 * wake. It tags nothing: the ambiguity rules then fall back to their context patterns.
 */
export default function nlp(_text: string) {
  return { json: (_options?: unknown): unknown[] => [] };
}

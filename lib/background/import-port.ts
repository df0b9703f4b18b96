/**
 * The background's end of the import port. The options page names its files; the background
 * asks for them one at a time, the page streams each in chunks, and the background parses and
 * stores it (lib/background/import.ts) while progress and each file's report flow back. Closing
 * the port (the options page closed) or "cancel" stops the import: what was stored stays.
 */
import { formatByteSize } from '../i18n/intl';
import { t } from '../i18n/messages';
import { IMPORT_CHUNK, parseImportClientMessage, type ImportClientMessage, type ImportServerMessage } from '../messages';
import { importFiles, type FileReport, type ImportDeps } from './import';

/** What the background needs of a runtime port (browser.runtime.Port, or a test double). */
export interface ImportPort {
  postMessage(message: ImportServerMessage): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ImportSessionDeps {
  /**
   * Parsing and storing (bound to the opened knowledge base and its detector), loaded when an
   * import starts; rejects with a reason to show.
   */
  prepare: () => Promise<Pick<ImportDeps, 'parse' | 'ingest' | 'restoreLinks'>>;
  /** Something was stored: cached lookups are stale. */
  onImported: () => void;
}

/** Files larger than this are refused before a byte is sent (the whole file is held in memory to parse it). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

function decodeBase64(data: string): Uint8Array {
  const binary = atob(data);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

interface Receiving {
  file: number;
  bytes: Uint8Array;
  filled: number;
  resolve: (bytes: Uint8Array) => void;
  reject: (e: Error) => void;
}

export function serveImport(port: ImportPort, deps: ImportSessionDeps): void {
  const abort = new AbortController();
  let started = false;
  let closed = false;
  let receiving: Receiving | null = null;

  const post = (message: ImportServerMessage) => {
    if (closed) return;
    try {
      port.postMessage(message);
    } catch {
      // The page went away between two messages; onDisconnect cancels the rest.
    }
  };

  const stopReceiving = (reason: string) => {
    receiving?.reject(new Error(reason));
    receiving = null;
  };

  const read = (file: number, size: number) =>
    new Promise<Uint8Array>((resolve, reject) => {
      if (abort.signal.aborted) return reject(new Error(t('importCancelledRead')));
      if (size > MAX_IMPORT_BYTES) return reject(new Error(t('importTooLarge', { size: formatByteSize(MAX_IMPORT_BYTES) })));
      receiving = { file, bytes: new Uint8Array(size), filled: 0, resolve, reject };
      post({ type: 'send-file', file });
    });

  const receive = (m: Extract<ImportClientMessage, { type: 'chunk' | 'unreadable' }>) => {
    const r = receiving;
    if (!r || r.file !== m.file) return;
    if (m.type === 'unreadable') return stopReceiving(m.reason);
    const chunk = decodeBase64(m.data);
    if (chunk.length > IMPORT_CHUNK * 2 || r.filled + chunk.length > r.bytes.length) return stopReceiving(t('importLargerThanStated'));
    r.bytes.set(chunk, r.filled);
    r.filled += chunk.length;
    if (!m.last) return;
    receiving = null;
    r.resolve(r.filled === r.bytes.length ? r.bytes : r.bytes.subarray(0, r.filled));
  };

  const run = async (files: { name: string; setName: string; size: number }[]) => {
    let prepared: Pick<ImportDeps, 'parse' | 'ingest' | 'restoreLinks'>;
    try {
      prepared = await deps.prepare();
    } catch (e) {
      post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    const jobs = files.map((f, i) => ({ name: f.name, setName: f.setName, read: () => read(i, f.size) }));
    let reports: FileReport[];
    try {
      reports = await importFiles(jobs, prepared, {
        signal: abort.signal,
        onProgress: (progress) => post({ type: 'progress', progress }),
        onReport: (report) => post({ type: 'report', report }),
      });
    } catch (e) {
      post({ type: 'failed', error: e instanceof Error ? e.message : String(e) });
      return;
    } finally {
      deps.onImported();
    }
    post({ type: 'done', reports });
  };

  port.onDisconnect.addListener(() => {
    closed = true;
    abort.abort();
    stopReceiving(t('importPageClosed'));
  });

  port.onMessage.addListener((raw) => {
    const m = parseImportClientMessage(raw);
    if (!m) return;
    switch (m.type) {
      case 'start':
        if (started) return;
        started = true;
        void run(m.files);
        return;
      case 'chunk':
      case 'unreadable':
        receive(m);
        return;
      case 'cancel':
        abort.abort();
        stopReceiving(t('importCancelledRead'));
        return;
      case 'ping':
        return;
    }
  });
}

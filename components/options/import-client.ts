/**
 * The options page's end of the import port: it names the files, streams each one when the
 * background asks for it, and hands progress and per-file reports to the UI. The page itself
 * never parses or stores anything (lib/background/import-port.ts does, in the background).
 */
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/messages';
import type { FileReport, ImportProgress } from '@/lib/background/import';
import { IMPORT_CHUNK, IMPORT_PORT, type ImportClientMessage, type ImportServerMessage } from '@/lib/messages';

export interface ImportFile {
  file: File;
  setName: string;
}

export interface ImportOutcome {
  reports: FileReport[];
  /** Set when nothing could be imported, or the background went away mid-way. */
  error?: string;
}

export interface RunningImport {
  done: Promise<ImportOutcome>;
  cancel(): void;
}

/** A port message keeps a Chromium service worker awake; the background may ingest for minutes without hearing from us. */
const KEEPALIVE_MS = 10_000;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function startImport(files: ImportFile[], on: { progress: (p: ImportProgress) => void; report: (r: FileReport) => void }): RunningImport {
  const port = browser.runtime.connect({ name: IMPORT_PORT });
  const post = (message: ImportClientMessage) => port.postMessage(message);
  const received: FileReport[] = [];
  let settle: (outcome: ImportOutcome) => void = () => undefined;
  const done = new Promise<ImportOutcome>((resolve) => (settle = resolve));
  let finished = false;
  const finish = (outcome: ImportOutcome) => {
    if (finished) return;
    finished = true;
    clearInterval(keepalive);
    settle(outcome);
    port.disconnect();
  };
  const keepalive = setInterval(() => post({ type: 'ping' }), KEEPALIVE_MS);

  const send = async (index: number) => {
    const file = files[index]?.file;
    if (!file) return;
    try {
      for (let offset = 0; ; offset += IMPORT_CHUNK) {
        const chunk = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK).arrayBuffer());
        const last = offset + IMPORT_CHUNK >= file.size;
        post({ type: 'chunk', file: index, data: base64(chunk), last });
        if (last) return;
      }
    } catch (e) {
      if (!finished) post({ type: 'unreadable', file: index, reason: e instanceof Error ? e.message : String(e) });
    }
  };

  // The background's messages on this port (our own background, typed by ImportServerMessage).
  port.onMessage.addListener((message: ImportServerMessage) => {
    switch (message.type) {
      case 'send-file':
        void send(message.file);
        return;
      case 'progress':
        on.progress(message.progress);
        return;
      case 'report':
        received.push(message.report);
        on.report(message.report);
        return;
      case 'done':
        finish({ reports: message.reports });
        return;
      case 'failed':
        finish({ reports: received, error: message.error });
        return;
    }
  });
  port.onDisconnect.addListener(() => finish({ reports: received, error: t('optionsBackgroundStopped') }));
  post({ type: 'start', files: files.map(({ file, setName }) => ({ name: file.name, setName, size: file.size })) });
  return { done, cancel: () => !finished && post({ type: 'cancel' }) };
}

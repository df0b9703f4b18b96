import { createAnnotator } from '@/lib/page/annotator';
import { isPaused, pauseChange, readPause } from '@/components/shared/pause';
import type { Envelope, Request, ResponseMap, TabRequest } from '@/lib/messages';

async function send<T extends Request>(request: T): Promise<ResponseMap[T['type']]> {
  const reply = (await browser.runtime.sendMessage(request)) as Envelope<ResponseMap[T['type']]> | undefined;
  if (!reply) throw new Error('No answer from the background');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const annotator = createAnnotator({
      doc: document,
      annotate: (article, metadata) => send({ type: 'annotate', article, metadata }),
      openPanel: (entityId) => void send({ type: 'open-panel', entityId }).catch(() => undefined),
    });
    const host = location.hostname;
    let paused = isPaused(await readPause(browser.storage.local), host);
    if (!paused) annotator.start();

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const state = area === 'local' ? pauseChange(changes) : null;
      if (!state) return;
      paused = isPaused(state, host);
      if (paused) annotator.stop();
      else annotator.start();
    };
    browser.storage.onChanged.addListener(onStorage);

    const onMessage = (message: unknown): Promise<unknown> | undefined => {
      const m = message as TabRequest | null;
      if (!m || typeof m !== 'object') return undefined;
      if (m.type === 'collect-article') return Promise.resolve(annotator.collected(paused));
      if (m.type === 'reveal' && Number.isInteger(m.start) && Number.isInteger(m.end)) return Promise.resolve(annotator.reveal(m.start, m.end));
      if (m.type === 'focus-entity' && typeof m.entityId === 'string') return Promise.resolve(annotator.focusEntity(m.entityId));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (!paused) {
        annotator.stop();
        annotator.start();
      }
    });
    ctx.onInvalidated(() => {
      annotator.stop();
      browser.storage.onChanged.removeListener(onStorage);
      browser.runtime.onMessage.removeListener(onMessage);
    });
  },
});

/**
 * Typed requests from extension pages to the background. The background answers with an
 * Envelope; `send` unwraps it so callers get the value or a thrown MessageError whose message
 * the UI can show.
 */
import { browser } from 'wxt/browser';
import type { Envelope, Request, Response } from '@/lib/messages';

export class MessageError extends Error {
  override name = 'MessageError';
}

export function unwrap<T>(reply: unknown): T {
  const envelope = reply as Envelope<T> | undefined;
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    // No listener answered: the background is starting or was reloaded.
    throw new MessageError('The extension background did not answer. Reload the extension or try again.');
  }
  if (!envelope.ok) throw new MessageError(envelope.error);
  return envelope.value;
}

export async function send<R extends Request>(request: R): Promise<Response<R['type']>> {
  return unwrap<Response<R['type']>>(await browser.runtime.sendMessage(request));
}

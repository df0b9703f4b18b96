/**
 * Stands in for linkedom's CSS parser (@acemir/cssom) in the extension's bundle (wxt.config.ts
 * aliases it here). Imports parse HTML and feeds for their text and never read a <style>
 * element's stylesheet, the only use linkedom has for it; the real parser would also bring an
 * `eval` into the background.
 */
export function parse(): never {
  throw new Error('Stylesheets are not parsed in the extension');
}

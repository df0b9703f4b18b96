/**
 * Bytes to text. A byte-order mark decides first (UTF-8, UTF-16 LE/BE); then an encoding the file
 * declares (`<?xml encoding=...?>`, `<meta charset=...>`); then UTF-8, falling back to
 * Windows-1252, which is what spreadsheet programs still write when UTF-8 is not asked for.
 */

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be', bytes.subarray(2));
  const bomless16 = utf16WithoutBom(bytes);
  if (bomless16) return decode(bomless16, bytes);
  const declared = declaredEncoding(bytes);
  if (declared && !/^utf-?8$/i.test(declared)) {
    const text = tryDecode(declared, bytes, false);
    if (text !== null) return text;
  }
  return tryDecode('utf-8', bytes, true) ?? tryDecode('windows-1252', bytes, false) ?? decode('utf-8', bytes);
}

function decode(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label).decode(bytes);
}

/** Null when the label is unknown to this runtime, or (when fatal) the bytes are not valid in it. */
function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 saved without a BOM starts with ASCII, so every other byte of the opening is zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4) return null;
  const n = Math.min(bytes.length - (bytes.length % 2), 64);
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0 && bytes[i + 1] !== 0) evenZero++;
    if (bytes[i + 1] === 0 && bytes[i] !== 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero === pairs) return 'utf-16le';
  if (evenZero === pairs) return 'utf-16be';
  return null;
}

function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  const m =
    /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return m ? m[1]! : null;
}

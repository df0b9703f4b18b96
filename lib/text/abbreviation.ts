/**
 * Abbreviations defined in running text: "the Armed Forces of the Philippines (AFP)". The letters
 * in brackets are the name's when each of their capitals starts one of its capitalised words, in order.
 */

/** Whether `letters` can be read off `name`: "AFP" off "Armed Forces of the Philippines". */
export function spellsAbbreviation(letters: string, name: string): boolean {
  const initials = name.split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!);
  const caps = letters.replace(/[^A-Z]/g, '');
  let k = 0;
  for (const c of initials) if (c === caps[k]) k++;
  return caps.length >= 2 && k === caps.length;
}

/**
 * Whether the bracket opening at `open` defines `letters` for the capitalised words just before it
 * ("… the Armed Forces of the Philippines (AFP)"), rather than credit an outlet ("MANILA (AFP) —").
 */
export function definesAbbreviation(text: string, open: number, letters: string): boolean {
  const before = /((?:\p{Lu}[\p{L}’'.-]*|of|the|for|and|de|du|des)(?:\s+(?:\p{Lu}[\p{L}’'.-]*|of|the|for|and|de|du|des)){1,8})\s*$/u.exec(text.slice(Math.max(0, open - 90), open));
  if (!before) return false;
  const words = before[1]!.split(/\s+/);
  // Start the name at its first capitalised word; a city in capitals ("MANILA") spells nothing.
  const first = words.findIndex((w) => /^\p{Lu}\p{Ll}/u.test(w));
  return first >= 0 && words.length - first >= 2 && spellsAbbreviation(letters, words.slice(first).join(' '));
}

/**
 * A second message catalogue in the real browser: Chromium reads the file of its UI language
 * first and takes what it leaves out from English (the default_locale). Debian's Chromium ships
 * only its en-US interface, so a copy of the build gets the test's partial Russian catalogue
 * (test/fixtures/locales/ru) under `_locales/en_US`, the folder that UI language reads; the
 * catalogue still says its words are Russian (`catalogueLanguage`), and plural forms follow that.
 * The popup and the options page are checked.
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browsersAvailable, CHROME_BUILD, launchChromium, type ChromiumSession } from './browsers';
import { ROOT } from './pages';

const available = browsersAvailable().chromium;
if (!available) console.warn('Chromium e2e skipped: /usr/bin/chromium is missing (apt-get install chromium)');

describe.skipIf(!available)('a second UI language in Chromium', () => {
  let build: string;
  let session: ChromiumSession;

  beforeAll(async () => {
    build = mkdtempSync(join(tmpdir(), 'triangulate-locale-'));
    cpSync(CHROME_BUILD, build, { recursive: true });
    mkdirSync(join(build, '_locales/en_US'));
    cpSync(join(ROOT, 'test/fixtures/locales/ru/messages.json'), join(build, '_locales/en_US/messages.json'));
    session = await launchChromium({ build });
  });

  afterAll(async () => {
    await session?.close();
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('shows the second file\'s words, its plural forms and its language, and English for the rest', async () => {
    expect(await session.worker.evaluate('chrome.i18n.getUILanguage()')).toBe('en-US');
    const popup = await session.context.newPage();
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('open-side-panel').innerText(), { timeout: 10000 }).toBe('Открыть боковую панель');
    expect(await popup.getByTestId('open-options').innerText()).toBe('Options and imports');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ru');
    // "N источников, N утверждений, N entities": Russian plural forms where the file has them, English where it has none.
    await expect.poll(() => popup.getByTestId('kb-status').innerText(), { timeout: 20000 }).toMatch(/^[\d,]+ источник(а|ов)?, [\d,]+ утвержден(ие|ия|ий), [\d,]+ entit(y|ies)/);
    await popup.close();
  });

  it('words the options page from the second file too, with English for the rest', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await expect.poll(() => options.locator('#import-heading').innerText(), { timeout: 10000 }).toBe('Импорт статей');
    expect(await options.getByTestId('choose-files').innerText()).toBe('Выбрать файлы…');
    expect(await options.locator('#sets-heading').innerText()).toBe('Ваши наборы');
    expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['ru', 'Настройки Triangulate']);
    // A message the file leaves out is English.
    expect(await options.getByTestId('drop-zone').locator('p').innerText()).toBe('Drop files here, or');
    // Russian plural forms on the import button: one file, then three.
    await options.getByTestId('file-input').setInputFiles([{ name: 'a.json', mimeType: 'application/json', buffer: Buffer.from('[]') }]);
    expect(await options.getByTestId('start-import').innerText()).toBe('Импортировать 1 файл');
    await options.getByTestId('file-input').setInputFiles(['b', 'c'].map((n) => ({ name: `${n}.json`, mimeType: 'application/json', buffer: Buffer.from('[]') })));
    expect(await options.getByTestId('start-import').innerText()).toBe('Импортировать 3 файла');
    await options.close();
  });
});

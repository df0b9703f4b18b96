import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
describe('env', () => { it('has fake indexeddb and browser', () => { expect(typeof indexedDB.open).toBe('function'); expect(fakeBrowser.runtime).toBeTruthy(); }); });

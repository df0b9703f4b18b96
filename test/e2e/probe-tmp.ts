import { launchFirefox } from './browsers';
import { seedPageHtml, serve } from './pages';
const server = await serve({ '/seed-000.html': seedPageHtml('000') });
const browser = await launchFirefox();
const page = await browser.newPage();
await page.goto(`${server.origin}/seed-000.html`);
await page.waitForSelector('html[data-triangulate="ready"]', { timeout: 30000 });
const conn = (browser as any).connection;
const chromeTree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
const top = chromeTree.result.contexts[0].context;
const r = await conn.send('script.evaluate', { expression: `SidebarController.show('triangulate_example_org-sidebar-action').then(() => 'shown')`, target: { context: top }, awaitPromise: true });
console.log(JSON.stringify(r.result).slice(0, 300));
await new Promise((res) => setTimeout(res, 4000));
for (const params of [{}, { 'moz:scope': 'chrome' }]) {
  const tree = await conn.send('browsingContext.getTree', params);
  console.log(JSON.stringify(tree.result).slice(0, 1200));
}
await browser.close(); await server.close();

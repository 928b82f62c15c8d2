// Opens Swagger UI in Debian's Chromium (headless) and checks that it rendered the merged document:
// the region operations are listed and the Authorize button opens the Keycloak security scheme.
// Usage: node swagger-ui.mjs <swagger-ui-url> <screenshot.png>
import { chromium } from 'playwright-core';

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--no-first-run', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'networkidle', timeout: 60000 });
  await page.waitForSelector('.opblock-summary', { timeout: 30000 });
  const operations = await page.$$eval('.opblock-summary-path', nodes => nodes.map(n => n.textContent.trim()));
  const title = await page.textContent('.info .title');
  const authorize = await page.$('button.authorize');
  if (!authorize) throw new Error('no Authorize button');
  await authorize.click();
  await page.waitForSelector('.auth-container', { timeout: 10000 });
  const schemes = await page.$$eval('.auth-container h4', nodes => nodes.map(n => n.textContent.trim()));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: false });
  console.log(JSON.stringify({ title, operations, schemes }));
} finally {
  await browser.close();
}

// Drives the console (served by the gateway) in Debian's headless Chromium: signed out, as `ministry` and as
// `officer-metro`, signing in at Keycloak through its real login form (authorization code + PKCE). Checks what each
// page shows, saves screenshots, and prints one JSON line of what it saw (the Java test asserts on it too).
// Usage: node console.mjs <gateway-url> <screenshot-dir>
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [gateway, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const seen = {};
const failures = [];
function check(condition, message) {
  if (!condition) failures.push(message);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
         '--no-first-run', '--disable-component-update', '--disable-sync'],
});

/** A fresh browser context (own storage: signed out, language not chosen) at 1366x768, or a phone's size. */
async function visitor(viewport = { width: 1366, height: 768 }) {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', e => page.errors.push(String(e)));
  // the console's own errors; a refused or retried request (403, 504 …) is the browser's network log, not a script error
  page.on('console', m => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.errors.push(m.text()); });
  return page;
}

/** Waits until the console has rendered the current page (and its charts) and the network is quiet. */
async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready && document.getElementById('main').getAttribute('aria-busy') === 'false',
    null, { timeout: 60000 });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every(c => c.dataset.rendered === 'true'), null, { timeout: 30000 });
}

async function open(page, path) {
  await page.goto(gateway + path, { waitUntil: 'domcontentloaded', timeout: 60000 });
  await ready(page);
}

async function signIn(page, user) {
  await open(page, '/');
  await page.click('#landing-sign-in');
  await page.waitForSelector('#username', { timeout: 30000 });
  await page.fill('#username', user);
  await page.fill('#password', user);
  await page.click('#kc-login');
  await page.waitForURL(url => url.toString().startsWith(gateway) && !url.search.includes('code='), { timeout: 30000 });
  await ready(page);
  const who = await page.textContent('#who');
  check(who.includes(user), `${user}: the header names the caller (${who})`);
}

const text = async (page, selector) => (await page.textContent(selector)) || '';

try {
  // ------------------------------------------------------------------ signed out
  {
    const page = await visitor();
    await open(page, '/');
    const links = await page.$$eval('#documents a', as => as.map(a => a.getAttribute('href')));
    seen.landingLinks = links;
    check(['/q/swagger-ui', '/q/openapi', '/events'].every(l => links.includes(l)), `landing links the documents: ${links}`);
    check(await page.$('#landing-sign-in'), 'landing offers the sign-in');
    check((await text(page, 'h1')).includes('Kota Cerdas'), 'landing title in Bahasa Indonesia');
    await page.screenshot({ path: `${shots}/console-landing.png` });
    await open(page, '/console/nasional');
    seen.signedOutNasional = await page.getAttribute('#main .problem', 'data-status');
    check(seen.signedOutNasional === '401', 'signed out, Nasional asks to sign in');
    check(!(await page.$('#map')), 'signed out: no map');
    check(page.errors.length === 0, `signed out: no script errors: ${page.errors}`);
    await page.context().close();
  }

  // ------------------------------------------------------------------ ministry
  {
    const page = await visitor();
    await signIn(page, 'ministry');
    check(page.url().endsWith('/console/nasional'), `after sign-in the console opens Nasional (${page.url()})`);
    seen.ministryPoints = await page.$$eval('#map a.point', ps => ps.length);
    seen.stageCounts = await page.$$eval('#stage-table tbody tr', rows => Object.fromEntries(rows.map(r => [r.dataset.stage, r.querySelector('td').textContent])));
    check(seen.ministryPoints === 552, `the map has 552 points (${seen.ministryPoints}): ${(await text(page, '#main')).slice(0, 300)}`);
    await page.screenshot({ path: `${shots}/console-nasional.png`, fullPage: false });
    // a filter: the kabupaten/kota of Nusa Tenggara Barat (52) and the province itself
    await page.selectOption('#f-province', '52');
    seen.ntbPoints = await page.$$eval('#map a.point', ps => ps.length);
    check(seen.ntbPoints > 5 && seen.ntbPoints < 20, `province filter: NTB's points (${seen.ntbPoints})`);
    // keyboard: a point is a link reached with the keyboard; Enter opens its region
    await page.focus('#map a.point[data-code="52.07"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/console\/daerah\/52\.07$/);
    await ready(page);
    const timeline = await text(page, '#timeline');
    seen.ksbTimelineHasBimtek = /bimtek/i.test(timeline);
    check(seen.ksbTimelineHasBimtek, 'KSB\'s timeline shows its bimtek');
    seen.ksbHeading = await text(page, 'h1');
    seen.ksbMasterplan = await page.$$eval('#masterplans .problem', ps => ps.map(p => p.dataset.status));
    check(seen.ksbMasterplan.length === 0, `ministry sees KSB's masterplan (${seen.ksbMasterplan})`);
    seen.ksbDates = await page.$$eval('#timeline .when', ws => ws.map(w => w.textContent));
    check(seen.ksbDates.some(d => d.includes('21 April 2022')), `KSB's MoU of 21 April 2022 in Indonesian (${seen.ksbDates})`);
    await page.screenshot({ path: `${shots}/console-daerah-52.07.png`, fullPage: false });
    await page.screenshot({ path: `${shots}/console-daerah-52.07-full.png`, fullPage: true });
    // Kota Kediri: its evaluations with the index 3,31 (Indonesian) and 3.31 (English)
    await open(page, '/console/daerah/35.71');
    seen.kediriEvaluations = await text(page, '#evaluations');
    check(seen.kediriEvaluations.includes('3,31'), 'Kediri\'s 2022 index as 3,31');
    await page.selectOption('#lang', 'en');
    await ready(page);
    seen.kediriEvaluationsEn = await text(page, '#evaluations');
    check(seen.kediriEvaluationsEn.includes('3.31'), 'in English: 3.31');
    await page.reload({ waitUntil: 'domcontentloaded' });
    await ready(page);
    check((await page.getAttribute('html', 'lang')) === 'en', 'the language is remembered');
    await open(page, '/console/kohort/2022');
    seen.cohort2022 = await text(page, '#main');
    await page.screenshot({ path: `${shots}/console-kohort-2022-en.png` });
    await page.selectOption('#lang', 'id');
    await ready(page);
    await open(page, '/console/monev/2023');
    seen.monev2023Rows = await page.$$eval('#national-table tbody tr', rs => rs.length);
    check(seen.monev2023Rows >= 4, `monev 2023 lists the evaluated regions (${seen.monev2023Rows})`);
    await page.screenshot({ path: `${shots}/console-monev-2023.png` });
    check(page.errors.length === 0, `ministry: no script errors: ${page.errors}`);
    await page.context().close();
  }

  // ------------------------------------------------------------------ officer-metro (another region's officer on KSB)
  {
    const page = await visitor();
    await signIn(page, 'officer-metro');
    seen.officerPoints = await page.$$eval('#map a.point', ps => ps.length);
    check(seen.officerPoints === 552, `officer-metro's map has 552 points too (${seen.officerPoints})`);
    await open(page, '/console/daerah/52.07');
    seen.officerOnKsbMasterplan = await page.$$eval('#masterplans .problem', ps => ps.map(p => p.dataset.status));
    seen.officerOnKsbMous = await page.$$eval('#mous .problem', ps => ps.map(p => p.dataset.status));
    // masterplans are readable by every role (only their writes are the region's own): shown, as the API shows them
    check(seen.officerOnKsbMasterplan.length === 0 && (await text(page, '#masterplans')).includes('Sumbawa Barat'),
      `officer-metro reads KSB's masterplan as the API lets it (${seen.officerOnKsbMasterplan})`);
    check(seen.officerOnKsbMous.includes('403'), `officer-metro is refused KSB's MoUs (${seen.officerOnKsbMous})`);
    await page.locator('#mous').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${shots}/console-officer-metro-on-52.07.png` });
    await open(page, '/console/daerah/18.72');
    seen.officerOnMetroMous = await page.$$eval('#mous .problem', ps => ps.map(p => p.dataset.status));
    check(seen.officerOnMetroMous.length === 0, `officer-metro sees Kota Metro's MoUs (${seen.officerOnMetroMous})`);
    seen.metroMous = await text(page, '#mous');
    check(seen.metroMous.includes('28 Februari 2023'), 'Kota Metro\'s MoU of 28 Februari 2023');
    check(page.errors.length === 0, `officer-metro: no script errors: ${page.errors}`);
    await page.context().close();
  }

  // ------------------------------------------------------------------ a phone
  {
    const page = await visitor({ width: 390, height: 844 });
    await open(page, '/');
    seen.phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(seen.phoneOverflow <= 0, `the landing page fits a phone (overflow ${seen.phoneOverflow}px)`);
    await page.screenshot({ path: `${shots}/console-phone-landing.png` });
    await page.context().close();
  }
} catch (e) {
  failures.push(`${e.name}: ${e.message}`);
} finally {
  await browser.close();
}
console.log(JSON.stringify({ failures, seen }));
process.exit(failures.length ? 1 : 0);

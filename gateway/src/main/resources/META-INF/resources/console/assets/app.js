// The console's shell: sign-in state, language switch, menu, and a router over real paths
// (/, /console/nasional, /console/kohort/2022, /console/daerah/52.07, /console/monev/2023).
import * as auth from './auth.js';
import { h } from './dom.js';
import { t, language, setLanguage, LANGUAGES } from './i18n.js';
import { problem, runAfterRender } from './dom.js';

const PAGES = {
  nasional: () => import('./pages/nasional.js'),
  kohort: () => import('./pages/kohort.js'),
  daerah: () => import('./pages/daerah.js'),
  monev: () => import('./pages/monev.js'),
};

function route() {
  const parts = location.pathname.replace(/^\/console\/?/, '').split('/').filter(Boolean);
  const page = location.pathname === '/' || !PAGES[parts[0]] ? 'home' : parts[0];
  return { page, arg: parts[1] ? decodeURIComponent(parts[1]) : null };
}

function go(path) {
  history.pushState(null, '', path);
  render();
}

function chrome(current) {
  const who = auth.caller();
  const nav = document.getElementById('nav');
  const items = [['home', '/'], ['nasional', '/console/nasional'], ['kohort', '/console/kohort'],
    ['daerah', who && who.regionCode ? `/console/daerah/${who.regionCode}` : '/console/daerah'], ['monev', '/console/monev']];
  nav.setAttribute('aria-label', t('menu'));
  nav.replaceChildren(h('ul', {}, items.map(([key, href]) => h('li', {},
    h('a', { href, 'aria-current': key === current ? 'page' : null, 'data-page': key }, t(key))))));
  const tools = document.getElementById('tools');
  const select = h('select', { id: 'lang', 'aria-label': t('language'), onchange: e => { setLanguage(e.target.value); render(); } },
    LANGUAGES.map(l => h('option', { value: l, selected: l === language() }, l === 'id' ? 'Bahasa Indonesia' : 'English')));
  tools.replaceChildren(
    h('label', { class: 'visually-hidden', for: 'lang' }, t('language')), select,
    who
      ? h('span', { class: 'who', id: 'who' }, `${t('signedInAs')} `, h('strong', {}, who.username),
        who.roles.length ? ` (${who.roles.join(', ')}${who.regionCode ? ` · ${who.regionCode}` : ''})` : '',
        ' ', h('button', { type: 'button', id: 'sign-out', onclick: () => auth.signOut() }, t('signOut')))
      : h('button', { type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.signIn() }, t('signIn')));
  document.querySelector('.skip').textContent = t('skip');
  document.getElementById('foot').replaceChildren(
    h('a', { href: '/q/swagger-ui' }, 'Swagger UI'), ' · ', h('a', { href: '/q/openapi' }, 'OpenAPI'), ' · ',
    h('a', { href: '/events' }, t('events')));
}

let generation = 0;

async function render() {
  const { page, arg } = route();
  const mine = ++generation;
  chrome(page);
  const main = document.getElementById('main');
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(h('p', { class: 'loading' }, t('loading')));
  let content;
  try {
    if (page === 'home') {
      content = (await import('./pages/home.js')).render(auth.caller());
    } else if (!auth.caller()) {
      content = h('div', {}, h('h1', {}, t(page)), h('p', { class: 'problem status-401', 'data-status': '401' }, t('needSignIn')),
        h('button', { type: 'button', class: 'primary', onclick: () => auth.signIn() }, t('signIn')));
    } else {
      content = await (await PAGES[page]()).render(arg, auth.caller());
    }
  } catch (e) {
    console.error(e);
    content = h('div', {}, h('h1', {}, t(page)), problem(e));
  }
  if (mine !== generation) return;
  main.replaceChildren(content);
  main.setAttribute('aria-busy', 'false');
  document.title = `${main.querySelector('h1') ? main.querySelector('h1').textContent + ' · ' : ''}Kota Cerdas`;
  document.body.dataset.page = page;
  document.body.dataset.ready = String(mine);
  runAfterRender();
}

document.addEventListener('click', e => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
  const href = a.getAttribute('href');
  if (href === '/' || (href.startsWith('/console/') && !href.startsWith('/console/assets/') && !href.endsWith('.json'))) {
    e.preventDefault();
    go(href);
    document.getElementById('main').focus();
  }
});
window.addEventListener('popstate', render);
window.addEventListener('console:navigate', e => go(e.detail));

await auth.init();
render();

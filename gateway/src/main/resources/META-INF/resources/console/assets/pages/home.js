// The public landing page: no sign-in needed. Links the API documents, the event catalogue and the sign-in.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { signIn } from '../auth.js';

export function render(who) {
  return h('div', { class: 'home' },
    h('h1', {}, t('title')),
    h('p', { class: 'lead' }, t('tagline')),
    who
      ? h('p', {}, `${t('signedInAs')} `, h('strong', {}, who.username), '.')
      : h('p', {}, t('landingSignIn'), ' ', h('button', { type: 'button', class: 'primary', id: 'landing-sign-in', onclick: () => signIn('/console/nasional') }, t('signIn'))),
    h('h2', {}, t('pagesIntro')),
    h('ul', { class: 'cards' },
      [['nasional', '/console/nasional', t('mapDesc')], ['kohort', '/console/kohort', t('cohortPathDesc')],
        ['daerah', who && who.regionCode ? `/console/daerah/${who.regionCode}` : '/console/daerah/52.07', `${t('timeline')}, ${t('mous')}, ${t('masterplans')}, ${t('evaluations')}`],
        ['monev', '/console/monev', `${t('nationalTable')}, ${t('distribution')}`]]
        .map(([key, href, text]) => h('li', {}, h('a', { href }, t(key)), h('p', {}, text)))),
    h('h2', {}, t('documents')),
    h('ul', { class: 'links', id: 'documents' },
      h('li', {}, h('a', { href: '/q/swagger-ui' }, t('swagger'))),
      h('li', {}, h('a', { href: '/q/openapi' }, t('openapi'))),
      h('li', {}, h('a', { href: '/events' }, t('events'))),
      h('li', {}, h('a', { href: '/q/health/ready' }, t('health')))));
}

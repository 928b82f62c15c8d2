// Kohort per programme year: the declared figures beside the computed ones, the members with their sources, the
// national signing ceremonies and the result letters (PDF). What the records leave unknown is shown as unknown.
import { h, table, section, attempt, known, facts, signatory } from '../dom.js';
import { t, number, date, levelName, word } from '../i18n.js';
import { get, all, openFile } from '../api.js';

function link(url, text) {
  return url ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text || url) : null;
}

export async function render(arg) {
  const [cohortsRead, statsRead] = await Promise.all([
    attempt(async () => ({ items: await all('/api/v1/cohorts') })), attempt(() => get('/api/v1/programme-statistics'))]);
  if (cohortsRead.error) return h('div', {}, h('h1', {}, t('cohortTitle')), cohortsRead.shown);
  const cohorts = cohortsRead.value.items || [];
  const years = [...new Set(cohorts.map(c => c.programmeYear))].sort();
  const year = Number(arg) || (years.includes(2022) ? 2022 : years[years.length - 1]);
  const [ceremoniesRead, lettersRead] = await Promise.all([
    attempt(async () => ({ items: await all('/api/v1/mou-ceremonies', { programmeYear: year }) })),
    attempt(async () => ({ items: await all('/api/v1/result-letters') }))]);

  const picker = h('nav', { 'aria-label': t('cohortYear') }, h('ul', { class: 'years' },
    years.map(y => h('li', {}, h('a', { href: `/console/kohort/${y}`, 'aria-current': y === year ? 'page' : null }, String(y))))));

  const mine = cohorts.filter(c => c.programmeYear === year);
  const stats = statsRead.value ? (statsRead.value.years || []).filter(s => s.programmeYear === year) : [];

  const figures = statsRead.error ? statsRead.shown : table(`${t('declared')} / ${t('computed')} ${year}`,
    [t('track'), '', t('size'), t('repeat'), t('newParticipants'), t('cumulative')],
    stats.flatMap(s => [
      [levelName(s.track), t('declared'), ...['size', 'repeats', 'newParticipants', 'cumulativeDistinct'].map(k => s.declared ? number(s.declared[k]) : known(null))],
      [levelName(s.track), t('computed'), ...['size', 'repeats', 'newParticipants', 'cumulativeDistinct'].map(k => s.computed ? number(s.computed[k]) : known(null))],
      [levelName(s.track), t('gap'), ...['size', 'repeats', 'newParticipants', 'cumulativeDistinct'].map(k => s.gap ? number(s.gap[k]) : known(null))],
    ]), { id: 'figures' });

  const members = mine.map(c => h('div', { class: 'card', 'data-track': c.track },
    h('h3', {}, `${levelName(c.track)} · ${t('members')}: ${number(c.identifiedMembers)}`
      + (c.declared ? ` (${t('declared')}: ${number(c.declared.size)})` : '')),
    c.declared ? h('p', {}, t('source'), ': ', link(c.declared.sourceUrl) || known(null), c.declared.note ? ` — ${c.declared.note}` : '') : null,
    table(`${t('members')} ${year} ${levelName(c.track)}`, [t('code'), t('region'), t('level'), t('source'), t('repeat')],
      (c.members || []).map(m => [m.regionCode, h('a', { href: `/console/daerah/${m.regionCode}` }, m.regionName),
        levelName(m.regionLevel),
        [word(m.source), m.confidence ? ` (${m.confidence})` : '', m.sourceUrl ? [' · ', link(m.sourceUrl, t('source'))] : '', m.notes ? ` — ${m.notes}` : ''],
        m.repeatOfYear ? String(m.repeatOfYear) : t('no')]), { class: 'members' })));

  let ceremonies;
  if (ceremoniesRead.error) {
    ceremonies = ceremoniesRead.shown;
  } else {
    const items = ceremoniesRead.value.items || [];
    const signed = await Promise.all(items.map(c => attempt(() => all('/api/v1/mous', { ceremonyId: c.id }))));
    ceremonies = items.length === 0 ? h('p', {}, t('noData')) : items.map((c, i) => h('div', { class: 'card ceremony' },
      h('h3', {}, c.title || t('ceremony')),
      facts([[t('date'), c.heldOn ? date(c.heldOn) : [known(null), c.plannedOn ? ` (${date(c.plannedOn)})` : '']],
        [t('state'), word(c.state)], [t('mode'), known(c.mode, word)], [t('venue'), known(c.venue)],
        ['Host', known(c.host)], c.note ? [t('details'), c.note] : null]),
      signed[i].error ? signed[i].shown : table(`${t('mous')} — ${c.title || ''}`, [t('region'), t('state'), t('signatory'), t('venue'), t('mode')],
        signed[i].value.map(m => [h('a', { href: `/console/daerah/${m.regionCode}` }, m.regionName || m.regionCode), word(m.state),
          signatory(m.secondPartySignatory), m.localVenueKnown === false ? known(null) : known(m.localVenue), known(m.localMode || m.mode, word)]))));
  }

  let letters;
  if (lettersRead.error) {
    letters = lettersRead.shown;
  } else {
    const items = (lettersRead.value.items || []).filter(l => !l.programmeYear || l.programmeYear === year);
    letters = items.length === 0 ? h('p', {}, t('noData')) : table(t('letters'), [t('number'), t('date'), t('regions'), t('pdf')],
      items.map(l => [l.number, date(l.issuedOn), (l.regions || []).map(r => r.regionName || r.regionCode).join(', ') || known(null),
        h('a', { href: l.pdf || `/api/v1/result-letters/${l.id}/pdf`, onclick: e => { e.preventDefault(); openFile(l.pdf || `/api/v1/result-letters/${l.id}/pdf`); } }, t('openPdf'))]),
      { id: 'letters' });
  }

  return h('div', {},
    h('h1', {}, `${t('cohortYear')} ${year}`),
    picker,
    section(`${t('declared')} / ${t('computed')}`, figures),
    section(t('members'), members.length ? members : h('p', {}, t('noData'))),
    section(t('ceremonies'), ceremonies),
    section(t('letters'), letters));
}

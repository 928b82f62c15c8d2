// Daerah: one region. Its registry entry, profile, stage and timeline come from region-service's dossier; its MoUs,
// masterplans and evaluations are read from the services that own them, with the caller's token — so an officer of
// another region sees the API's refusal where the API refuses (e.g. another region's MoUs or masterplan).
import { h, table, section, attempt, known, facts, value, navigate, signatory } from '../dom.js';
import { t, number, signed, date, levelName, stageName, word, precisionName, kindName } from '../i18n.js';
import { get, all, openFile } from '../api.js';
import { chart } from '../charts.js';

function chooser(who) {
  return h('form', { class: 'pick', role: 'search', onsubmit: e => {
    e.preventDefault();
    const code = e.target.elements.code.value.trim();
    if (code) navigate(`/console/daerah/${encodeURIComponent(code)}`);
  } }, h('label', { for: 'code' }, `${t('code')} (52.07, 18.72 …)`),
  h('input', { id: 'code', name: 'code', value: who && who.regionCode || '', pattern: '\\d{2}(\\.\\d{2})?', inputmode: 'decimal', size: 8 }),
  h('button', { type: 'submit' }, t('go')));
}

function registry(r) {
  return facts([
    [t('code'), r.code], [t('level'), levelName(r.level)],
    r.parentCode ? [t('province'), h('a', { href: `/console/daerah/${r.parentCode}` }, `${r.provinceName} (${r.parentCode})`)] : null,
    [t('population'), r.population ? number(r.population.total) : known(null)],
    [t('area'), r.areaKm2 !== undefined && r.areaKm2 !== null ? `${number(r.areaKm2)} km²` : known(null)],
    [t('districts'), known(r.districtCount, number)], [t('kelurahan'), known(r.kelurahanCount, number)],
    [t('desa'), known(r.desaCount, number)], [t('islands'), known(r.islandCount, number)],
    [t('centroid'), r.centroid ? `${number(r.centroid.lat)}, ${number(r.centroid.lng)}` : known(null)],
  ]);
}

function timeline(entries) {
  if (!entries.length) return h('p', {}, t('noData'));
  return h('ol', { class: 'timeline', id: 'timeline' }, entries.map(e => h('li', { 'data-kind': e.kind },
    h('div', {}, h('span', { class: 'when' }, date(e.datePrecision === 'INSTANT' && e.occurredAt ? e.occurredAt : e.occurredOn, e.datePrecision === 'YEAR' ? 'YEAR' : null)),
      ' · ', h('strong', {}, kindName(e.kind)), e.programmeYear ? [' · ', h('span', { class: 'badge' }, `${t('programmeYear')} ${e.programmeYear}`)] : ''),
    h('div', {}, e.summary || ''),
    e.facts && e.facts.sources ? h('div', { class: 'meta' }, `${t('sources')}: `, value(e.facts.sources)) : null,
    h('div', { class: 'meta' }, `${t('precision')}: ${precisionName(e.datePrecision)} · ${t('source')}: `,
      e.source ? (e.source.kind === 'PROFILE' ? `${t('profile')} v${e.source.profileVersion}` : `${e.source.eventType || ''} (${e.source.topic || ''})`) : known(null)))));
}

function mouCard(m) {
  const numbers = m.numbers ? [m.numbers.firstParty, m.numbers.secondParty].filter(Boolean).join(' · ') : '';
  return h('div', { class: 'card mou' },
    h('h3', {}, `${m.title || m.documentName || t('mous')} · ${t('programmeYear')} ${m.programmeYear || ''} · ${word(m.state)}`),
    facts([
      [t('number'), numbers || known(null)],
      [t('date'), m.signedOn ? date(m.signedOn) : known(null)],
      [t('validity'), m.validity ? `${date(m.validity.from)} – ${date(m.validity.until)}` : known(null)],
      [t('mode'), known(m.localMode, word)],
      [t('venue'), m.localVenueKnown === false ? known(null) : known(m.localVenue)],
      [`${t('signatory')} 1`, signatory(m.firstPartySignatory)],
      [`${t('signatory')} 2`, signatory(m.secondPartySignatory)],
      [t('witness'), (m.witnesses || []).length ? m.witnesses.map(w => w.name || w.position).join(', ') : t('none')],
      [t('scope'), m.scope ? value([...(m.scope.standardItems || []).map(i => i.text), ...(m.scope.otherItems || []).map(i => i.text || i)]) : known(null)],
      [t('sources'), (m.sources || []).length ? value(m.sources.map(s => s.url || s.title)) : known(null)],
      m.stateChangedOn ? [t('state'), `${word(m.state)} · ${date(m.stateChangedOn)}`] : null,
    ]));
}

const PILLARS = ['GOVERNANCE', 'BRANDING', 'ECONOMY', 'LIVING', 'SOCIETY', 'ENVIRONMENT'];
const PILLAR_NAMES = { GOVERNANCE: 'Smart Governance', BRANDING: 'Smart Branding', ECONOMY: 'Smart Economy',
  LIVING: 'Smart Living', SOCIETY: 'Smart Society', ENVIRONMENT: 'Smart Environment' };

function pillarsOf(doc) {
  const programmes = doc.programmes || [];
  return table(t('pillars'), [t('pillars'), 'Program'], PILLARS.map(p => [PILLAR_NAMES[p],
    programmes.filter(x => x.pillar === p).map(x => `${x.code}: ${x.title}`).join('; ') || h('span', { class: 'unknown' }, t('none'))]),
  { class: 'pillars' });
}

function quickWinsOf(doc) {
  const wins = doc.quickWins || [];
  if (!wins.length) return h('p', {}, t('none'));
  return table(t('quickWins'), [t('quickWins'), t('pillars'), 'OPD', t('period'), t('index')],
    wins.map(w => [w.title, PILLAR_NAMES[w.pillar] || known(w.pillar), known(w.responsibleOpd),
      w.durationMonths ? `${number(w.durationMonths)} ${document.documentElement.lang === 'en' ? 'months' : 'bulan'}` : known(null),
      w.impact ? `${w.impact.indicator || ''}: ${w.impact.baseline ?? '?'} → ${w.impact.target ?? '?'}` : known(null)]));
}

function roadmapOf(doc, alignment) {
  const periods = alignment && alignment.rpjmdPeriods || [];
  const findings = alignment && alignment.findings || [];
  const rows = (doc.roadmap || []).map((step, i) => {
    const period = periods.find(p => step.year >= (p.startYear ?? p.from) && step.year <= (p.endYear ?? p.to));
    const found = findings.filter(f => (f.field || '').startsWith(`roadmap[${i}]`));
    return [String(step.year), (step.milestones || []).join('; '), (step.programmeCodes || []).join(', '),
      period ? `${period.startYear ?? period.from}–${period.endYear ?? period.to}` : h('span', { class: 'unknown' }, t('unknown')),
      found.length ? found.map(f => f.message).join(' ') : '✓'];
  });
  if (!rows.length) return h('p', {}, t('none'));
  return table(`${t('roadmap')} / ${t('rpjmd')}`, [t('year'), t('roadmap'), 'Program', t('rpjmd'), t('alignment')], rows, { class: 'roadmap' });
}

async function masterplanCard(summary) {
  const [full, alignment] = await Promise.all([
    attempt(() => get(`/api/v1/masterplans/${summary.id}`)),
    attempt(() => get(`/api/v1/masterplans/${summary.id}/alignment`))]);
  const m = full.value || summary;
  const doc = m.document || {};
  return h('div', { class: 'card masterplan' },
    h('h3', {}, `${m.title || t('masterplans')} · ${t('programmeYear')} ${m.programmeYear || ''} · ${word(m.state)}`),
    full.error ? full.shown : [
      facts([
        [t('period'), doc.period ? `${doc.period.startYear}–${doc.period.endYear}` : known(null)],
        [t('bimtek'), m.bimtek ? `${number(m.bimtek.stagesHeld)} / 4${m.bimtek.completedOn ? ` · ${date(m.bimtek.completedOn)}` : ''}` : known(null)],
        [t('ratification'), m.ratification ? [`${m.ratification.instrument} `, m.ratification.number ? m.ratification.number : h('span', { class: 'unknown' }, t('unknown')),
          ` · ${m.ratification.ratifiedOn ? date(m.ratification.ratifiedOn) : m.ratification.year || t('unknown')} · ${m.ratification.title || ''}`,
          m.ratification.sources ? [' · ', t('sources'), ': ', value(m.ratification.sources.map(s => s.title || s.url))] : ''] : t('none')],
      ]),
      h('h4', {}, t('pillars')), pillarsOf(doc),
      h('h4', {}, t('quickWins')), quickWinsOf(doc),
      h('h4', {}, `${t('roadmap')} · ${t('alignment')}`), alignment.error ? alignment.shown : roadmapOf(doc, alignment.value),
    ]);
}

function evaluations(history) {
  const results = history.evaluations || [];
  if (!results.length) return h('p', {}, t('noData'));
  const years = results.map(r => String(r.year));
  return h('div', {},
    chart(`${t('indexOverYears')} — ${history.regionName}`, {
      tooltip: { trigger: 'axis', valueFormatter: v => number(v, 2) },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', min: 0, max: 5, axisLabel: { formatter: v => number(v) } },
      series: [{ type: 'line', name: t('index'), data: results.map(r => r.index), symbolSize: 9,
        label: { show: true, formatter: p => `${number(p.value, 2)}${results[p.dataIndex].nationalRank ? ` (#${number(results[p.dataIndex].nationalRank)})` : ''}` } }],
    }, null, { height: 260 }),
    table(t('evaluations'), [t('year'), t('index'), t('delta'), t('nationalRank'), t('provincialRank'), t('letter'), t('source')],
      results.map(r => [String(r.year), number(r.index, 2),
        r.delta ? signed(r.delta.index, 2) : h('span', { class: 'unknown', title: r.deltaNote || '' }, t('none')),
        r.nationalRank ? `${number(r.nationalRank)}${r.rankedNationally ? ` / ${number(r.rankedNationally)}` : ''}` : known(null),
        r.provincialRank ? `${number(r.provincialRank)}${r.rankedInProvince ? ` / ${number(r.rankedInProvince)}` : ''}` : known(null),
        r.letterNumber ? [r.letterNumber, ' · ', date(r.letterDate), r.letterPdf ? [' · ', h('a', { href: r.letterPdf, onclick: e => { e.preventDefault(); openFile(r.letterPdf); } }, t('pdf'))] : ''] : known(null),
        r.sourceUrl ? h('a', { href: r.sourceUrl, rel: 'noopener noreferrer', target: '_blank' }, r.sourceTitle || r.sourceUrl) : word(r.source)]),
      { id: 'evaluation-table' }));
}

export async function render(code, who) {
  if (!code) {
    return h('div', {}, h('h1', {}, t('chooseRegion')), chooser(who));
  }
  const dossierRead = await attempt(() => get(`/api/v1/regions/${encodeURIComponent(code)}/dossier`));
  if (dossierRead.error) return h('div', {}, h('h1', {}, `${t('daerah')} ${code}`), chooser(who), dossierRead.shown);
  const d = dossierRead.value;
  const r = d.region;
  const [mous, masterplans, history] = await Promise.all([
    attempt(() => all('/api/v1/mous', { regionCode: r.code })),
    attempt(() => all('/api/v1/masterplans', { regionCode: r.code })),
    attempt(() => get(`/api/v1/evaluation-histories/${r.code}`)),
  ]);
  const plans = masterplans.error ? masterplans.shown
    : masterplans.value.length ? await Promise.all(masterplans.value.map(masterplanCard)) : h('p', {}, t('noData'));

  return h('div', { 'data-region': r.code },
    h('h1', {}, `${r.name} (${r.code})`),
    h('p', {}, h('span', { class: 'badge', id: 'stage' }, `${t('stage')}: ${stageName(d.programme && d.programme.stage)}`),
      d.programme && d.programme.programmeYears && d.programme.programmeYears.length
        ? ` · ${t('programmeYear')}: ${d.programme.programmeYears.join(', ')}` : ''),
    h('div', { class: 'cols' },
      section(t('registry'), registry(r)),
      section(t('profile'), d.profile ? value(d.profile.profile) : h('p', {}, t('noProfile')))),
    section(t('timeline'), timeline(d.timeline || [])),
    h('div', { id: 'mous' }, section(t('mous'), mous.error ? mous.shown : mous.value.length ? mous.value.map(mouCard) : h('p', {}, t('noData')))),
    h('div', { id: 'masterplans' }, section(t('masterplans'), plans)),
    h('div', { id: 'evaluations' }, section(t('evaluations'), history.error ? (history.error.status === 404 ? h('p', {}, t('noData')) : history.shown) : evaluations(history.value))));
}

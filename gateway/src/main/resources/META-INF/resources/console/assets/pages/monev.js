// Monev per year: the national table (ranks, index, change against the previous year, letter) and the distribution
// of the index, as the assessment service publishes them.
import { h, table, section, attempt, known } from '../dom.js';
import { t, number, signed, date } from '../i18n.js';
import { get, all, openFile } from '../api.js';
import { chart } from '../charts.js';

export async function render(arg) {
  const cycles = await attempt(async () => ({ items: await all('/api/v1/evaluation-cycles') }));
  const years = new Set((cycles.value && cycles.value.items || []).map(c => c.evaluationYear));
  const year = Number(arg) || [...years].sort().pop() || 2023;
  // results recorded from earlier years' publications (e.g. 2021, 2022) have no cycle here: offer every programme year
  for (let y = 2017; y <= Math.max(year, ...years); y++) years.add(y);
  const [tableRead, distributionRead] = await Promise.all([
    attempt(async () => ({ items: await all('/api/v1/evaluations', { evaluationYear: year }) })),
    attempt(() => get('/api/v1/evaluations/distribution', { evaluationYear: year })),
  ]);
  const picker = h('nav', { 'aria-label': t('monevYear') }, h('ul', { class: 'years' },
    [...years].sort().map(y => h('li', {}, h('a', { href: `/console/monev/${y}`, 'aria-current': y === year ? 'page' : null }, String(y))))));

  let national;
  if (tableRead.error) {
    national = tableRead.shown;
  } else {
    const items = tableRead.value.items || [];
    national = items.length === 0 ? h('p', {}, t('noData')) : table(`${t('nationalTable')} ${year}`,
      [t('rank'), t('region'), t('province'), t('index'), t('delta'), t('provincialRank'), t('letter')],
      items.map(r => [
        r.nationalRank ? `${number(r.nationalRank)}${r.rankedNationally ? ` / ${number(r.rankedNationally)}` : ''}` : h('span', { class: 'unknown' }, t('unknown')),
        h('a', { href: `/console/daerah/${r.regionCode}` }, r.regionName),
        r.provinceName || known(null),
        number(r.index, 2),
        r.delta ? `${signed(r.delta.index, 2)} (${r.delta.previousYear}: ${number(r.delta.previousIndex, 2)})` : h('span', { class: 'unknown', title: r.deltaNote || '' }, t('none')),
        r.provincialRank ? `${number(r.provincialRank)}${r.rankedInProvince ? ` / ${number(r.rankedInProvince)}` : ''}` : known(null),
        r.letterNumber
          ? [r.letterNumber, ' · ', date(r.letterIssuedOn), r.letterPdf ? [' · ', h('a', { href: r.letterPdf, onclick: e => { e.preventDefault(); openFile(r.letterPdf); } }, t('pdf'))] : null]
          : known(null),
      ]), { id: 'national-table' });
  }

  let distribution;
  if (distributionRead.error) {
    distribution = distributionRead.shown;
  } else {
    const d = distributionRead.value;
    const labels = (d.buckets || []).map(b => `${number(b.from, 1)}–${number(b.to, 1)}`);
    distribution = h('div', {},
      h('p', {}, `${t('count')}: ${number(d.count)} · min ${number(d.min, 2)} · max ${number(d.max, 2)} · `
        + `${document.documentElement.lang === 'en' ? 'mean' : 'rata-rata'} ${number(d.mean, 2)} · median ${number(d.median, 2)}`),
      chart(`${t('distribution')} ${year}`, {
        tooltip: { trigger: 'axis', valueFormatter: v => number(v) },
        xAxis: { type: 'category', data: labels, name: t('index'), nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: v => number(v) } },
        series: [{ type: 'bar', name: t('regions'), data: (d.buckets || []).map(b => b.count), label: { show: true, position: 'top', formatter: p => p.value ? number(p.value) : '' } }],
      }, { headers: [t('index'), t('count')], rows: (d.buckets || []).map((b, i) => [labels[i], number(b.count)]) }));
  }

  return h('div', {},
    h('h1', {}, `${t('monevTitle')} ${year}`),
    picker,
    section(t('nationalTable'), national),
    section(t('distribution'), distribution));
}

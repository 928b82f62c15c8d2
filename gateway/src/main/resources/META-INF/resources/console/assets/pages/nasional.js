// Nasional: every province and kabupaten/kota of the registry as a point at its centroid (no map tiles), coloured by
// its programme stage; filters by programme year, province and stage; counts per stage; the path of each cohort.
import { h, s, table, section, navigate } from '../dom.js';
import { t, stageName, number, STAGES, levelName } from '../i18n.js';
import { all } from '../api.js';
import { chart } from '../charts.js';

/** Stage colours: each at least 3:1 against the map's background (WCAG 1.4.11), neighbours in the path distinct. */
export const STAGE_COLOURS = {
  NOT_IN_PROGRAMME: '#7b8590', INVITED: '#6a3d9a', ASSESSED: '#1f62b4', NOT_SELECTED: '#8c4a1c', SELECTED: '#0e7c86',
  MOU_SIGNED: '#c2410c', BIMTEK: '#c0267a', BIMTEK_COMPLETED: '#8a6414', MASTERPLAN_SUBMITTED: '#4d7f17',
  MASTERPLAN_APPROVED: '#2e7d32', MASTERPLAN_RATIFIED: '#14532d', EVALUATED: '#b91c1c', MOU_ENDED: '#374151',
};

/** The cohort path: a region counts at every step up to the one its stage has reached. */
const PATH = [
  ['invited', ['INVITED', 'ASSESSED', 'NOT_SELECTED', 'SELECTED', 'MOU_SIGNED', 'BIMTEK', 'BIMTEK_COMPLETED', 'MASTERPLAN_SUBMITTED', 'MASTERPLAN_APPROVED', 'MASTERPLAN_RATIFIED', 'EVALUATED', 'MOU_ENDED']],
  ['selected', ['SELECTED', 'MOU_SIGNED', 'BIMTEK', 'BIMTEK_COMPLETED', 'MASTERPLAN_SUBMITTED', 'MASTERPLAN_APPROVED', 'MASTERPLAN_RATIFIED', 'EVALUATED', 'MOU_ENDED']],
  ['mou', ['MOU_SIGNED', 'BIMTEK', 'BIMTEK_COMPLETED', 'MASTERPLAN_SUBMITTED', 'MASTERPLAN_APPROVED', 'MASTERPLAN_RATIFIED', 'EVALUATED', 'MOU_ENDED']],
  ['bimtek', ['BIMTEK', 'BIMTEK_COMPLETED', 'MASTERPLAN_SUBMITTED', 'MASTERPLAN_APPROVED', 'MASTERPLAN_RATIFIED', 'EVALUATED']],
  ['masterplan', ['MASTERPLAN_SUBMITTED', 'MASTERPLAN_APPROVED', 'MASTERPLAN_RATIFIED', 'EVALUATED']],
  ['ratified', ['MASTERPLAN_RATIFIED', 'EVALUATED']],
  ['evaluated', ['EVALUATED']],
];
const PATH_NAMES = {
  id: { invited: 'Diundang', selected: 'Terpilih', mou: 'MoU', bimtek: 'Bimtek', masterplan: 'Masterplan', ratified: 'Ditetapkan', evaluated: 'Dievaluasi' },
  en: { invited: 'Invited', selected: 'Selected', mou: 'MoU', bimtek: 'Bimtek', masterplan: 'Masterplan', ratified: 'Ratified', evaluated: 'Evaluated' },
};

const WEST = 94.5, EAST = 141.5, NORTH = 6.5, SOUTH = -11.5, SCALE = 20;
const x = lng => ((lng - WEST) * SCALE).toFixed(1);
const y = lat => ((NORTH - lat) * SCALE).toFixed(1);

function stageOf(region) {
  return region.programme && region.programme.stage || 'NOT_IN_PROGRAMME';
}

export async function render() {
  // every region of the registry (reference data, cached by the browser with its ETag), and where each region in the
  // programme stands (a stage filter answers each region's `programme`); the others are not in the programme
  const [registry, inProgramme] = await Promise.all([all('/api/v1/regions', { sort: 'code' }),
    all('/api/v1/regions', { stage: STAGES.filter(v => v !== 'NOT_IN_PROGRAMME'), sort: 'code' })]);
  const programme = new Map(inProgramme.map(r => [r.code, r.programme]));
  const regions = registry.map(r => ({ ...r, programme: programme.get(r.code) || r.programme || null }));
  const provinces = regions.filter(r => r.level === 'PROVINCE');
  const years = [...new Set(regions.flatMap(r => r.programme && r.programme.programmeYears || []))].sort();
  const state = { year: '', province: '', stage: '' };
  const lang = document.documentElement.lang;

  const count = h('p', { id: 'map-count', 'aria-live': 'polite' });
  const svg = s('svg', { class: 'map', id: 'map', viewBox: `0 0 ${(EAST - WEST) * SCALE} ${(NORTH - SOUTH) * SCALE}`,
    role: 'group', 'aria-label': t('mapTitle') });
  const legendBody = h('div', { id: 'stage-counts' });

  const selectYear = h('select', { id: 'f-year', onchange: e => { state.year = e.target.value; draw(); } },
    h('option', { value: '' }, t('all')), years.map(v => h('option', { value: v }, String(v))));
  const selectProvince = h('select', { id: 'f-province', onchange: e => { state.province = e.target.value; draw(); } },
    h('option', { value: '' }, t('all')),
    provinces.slice().sort((a, b) => a.name.localeCompare(b.name, lang)).map(p => h('option', { value: p.code }, p.name)));
  const selectStage = h('select', { id: 'f-stage', onchange: e => { state.stage = e.target.value; draw(); } },
    h('option', { value: '' }, t('all')), STAGES.map(v => h('option', { value: v }, stageName(v))));
  const search = h('form', { class: 'pick', role: 'search', onsubmit: e => {
    e.preventDefault();
    const text = e.target.elements.q.value.trim().toLowerCase();
    const hit = regions.find(r => r.code === text) || regions.find(r => r.name.toLowerCase() === text)
      || regions.find(r => r.name.toLowerCase().includes(text) || (r.altNames || []).some(n => n.toLowerCase().includes(text)));
    if (hit) navigate(`/console/daerah/${hit.code}`);
  } }, h('label', { for: 'q' }, t('searchRegion')), h('input', { id: 'q', name: 'q', list: 'region-names', autocomplete: 'off' }),
  h('datalist', { id: 'region-names' }, regions.map(r => h('option', { value: r.name }))),
  h('button', { type: 'submit' }, t('go')));

  function matches(r) {
    if (state.year && !(r.programme && (r.programme.programmeYears || []).includes(Number(state.year)))) return false;
    if (state.province && r.code !== state.province && r.parentCode !== state.province) return false;
    if (state.stage && stageOf(r) !== state.stage) return false;
    return true;
  }

  function draw() {
    const shown = regions.filter(matches);
    // regions not in the programme first, so that the coloured ones are drawn on top
    const ordered = shown.slice().sort((a, b) => (stageOf(a) === 'NOT_IN_PROGRAMME' ? 0 : 1) - (stageOf(b) === 'NOT_IN_PROGRAMME' ? 0 : 1)
      || (a.level === 'PROVINCE' ? 1 : 0) - (b.level === 'PROVINCE' ? 1 : 0));
    svg.replaceChildren(...ordered.filter(r => r.centroid).map(r => {
      const stage = stageOf(r);
      const label = `${r.name} (${r.code}) — ${stageName(stage)}`;
      const province = r.level === 'PROVINCE';
      return s('a', { href: `/console/daerah/${r.code}`, 'aria-label': label, class: 'point', 'data-code': r.code, 'data-stage': stage },
        s('title', {}, label),
        province
          ? s('rect', { x: (x(r.centroid.lng) - 4.5).toFixed(1), y: (y(r.centroid.lat) - 4.5).toFixed(1), width: 9, height: 9,
            fill: STAGE_COLOURS[stage], stroke: '#fff', 'stroke-width': 1.2, transform: `rotate(45 ${x(r.centroid.lng)} ${y(r.centroid.lat)})` })
          : s('circle', { cx: x(r.centroid.lng), cy: y(r.centroid.lat), r: stage === 'NOT_IN_PROGRAMME' ? 2.6 : 4.2, fill: STAGE_COLOURS[stage] }));
    }));
    svg.dataset.points = String(ordered.length);
    count.textContent = `${number(ordered.length)} ${t('points')} (${number(ordered.filter(r => r.level === 'PROVINCE').length)} ${t('provinces')}, `
      + `${number(ordered.filter(r => r.level !== 'PROVINCE').length)} ${levelName('KAB_KOTA').toLowerCase()})`;
    const perStage = STAGES.map(stage => [stage, shown.filter(r => stageOf(r) === stage).length]);
    legendBody.replaceChildren(h('table', { id: 'stage-table' }, h('caption', {}, t('countsPerStage')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('stage')), h('th', { scope: 'col', class: 'num' }, t('count')))),
      h('tbody', {}, perStage.map(([stage, n]) => h('tr', { 'data-stage': stage },
        h('th', { scope: 'row' }, h('span', { class: 'swatch', style: `background:${STAGE_COLOURS[stage]}` }), stageName(stage)),
        h('td', { class: 'num' }, number(n)))))));
    list.replaceChildren(table(t('listOfRegionsInProgramme'), [t('code'), t('region'), t('stage'), t('programmeYear')],
      shown.filter(r => stageOf(r) !== 'NOT_IN_PROGRAMME').map(r => [r.code, h('a', { href: `/console/daerah/${r.code}` }, r.name),
        stageName(stageOf(r)), r.programme.stageProgrammeYear ? String(r.programme.stageProgrammeYear) : t('unknown')])));
  }
  const list = h('div', { id: 'programme-list' });
  draw();

  // the path of each cohort: per programme year, how many of its regions reached each step
  const names = PATH_NAMES[lang] || PATH_NAMES.id;
  const rows = years.map(year => {
    const cohort = regions.filter(r => r.programme && (r.programme.programmeYears || []).includes(year));
    return [String(year), ...PATH.map(([, stages]) => cohort.filter(r => stages.includes(stageOf(r))).length)];
  });
  const pathChart = chart(t('cohortPath'), {
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 90, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: v => number(v) },
    xAxis: { type: 'category', data: PATH.map(([key]) => names[key]) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: v => number(v) } },
    series: years.map((year, i) => ({ name: String(year), type: 'line', data: rows[i].slice(1), symbolSize: 8,
      endLabel: { show: true, formatter: p => `${p.seriesName}: ${number(p.value)}` } })),
  }, { headers: [t('programmeYear'), ...PATH.map(([key]) => names[key])], rows: rows.map(r => r.map((v, i) => i ? number(v) : v)) });

  return h('div', {},
    h('h1', {}, t('mapTitle')),
    h('p', { class: 'lead' }, t('mapDesc')),
    search,
    h('div', { class: 'filters', role: 'group', 'aria-label': 'Filter' },
      h('label', { for: 'f-year' }, t('filterYear'), selectYear),
      h('label', { for: 'f-province' }, t('filterProvince'), selectProvince),
      h('label', { for: 'f-stage' }, t('filterStage'), selectStage)),
    h('div', { class: 'grid' },
      h('figure', { class: 'figure' }, svg, h('figcaption', {}, count, h('span', { class: 'meta' }, t('mapHelp')))),
      h('div', {}, legendBody)),
    section(t('cohortPath'), h('p', {}, t('cohortPathDesc')), pathChart),
    h('details', { class: 'data' }, h('summary', {}, t('listOfRegionsInProgramme')), list));
}

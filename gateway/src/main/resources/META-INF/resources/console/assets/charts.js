// Charts with Apache ECharts (the webjar org.webjars.npm:echarts, pinned in gateway/pom.xml), SVG renderer, loaded
// only by the pages that draw one. Every chart also has its data as a table (for screen readers and keyboards), and
// every number in a chart goes through the console's Intl formatting.
import { h, table, whenShown } from './dom.js';
import { t, number } from './i18n.js';

export const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
let library;

function load() {
  library = library || import(ECHARTS);
  return library;
}

export const PALETTE = ['#0b5cad', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207'];

/**
 * A chart box plus its data table. `option` is an ECharts option; `data` = { headers, rows } for the table.
 */
export function chart(label, option, data, { height } = {}) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': label, style: height ? `height:${height}px` : null });
  whenShown(async () => {
    const echarts = await load();
    if (!box.isConnected) return;
    const instance = echarts.init(box, null, { renderer: 'svg' });
    instance.setOption({
      color: PALETTE, animation: false, textStyle: { fontFamily: 'system-ui, sans-serif', color: '#1a1f24' },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      ...option,
    });
    box.dataset.rendered = 'true';
    new ResizeObserver(() => instance.resize()).observe(box);
  });
  return h('figure', { class: 'figure' }, box,
    data ? h('details', { class: 'data' }, h('summary', {}, t('showTable')), table(label, data.headers, data.rows)) : null);
}

export function axisNumber(digits) {
  return value => number(value, digits);
}

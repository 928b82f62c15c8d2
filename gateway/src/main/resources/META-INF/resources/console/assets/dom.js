// A tiny DOM builder: h('a', { href }, 'text', child…). Text is always set as text (never parsed as HTML).
import { t, date, number, word, fieldName } from './i18n.js';
import { ApiError } from './api.js';

export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'g', 'circle', 'rect', 'text', 'title', 'path', 'line', 'a'].includes(tag) && attrs && attrs.svg;
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (name === 'svg' || value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An SVG element. */
export function s(tag, attrs = {}, ...children) {
  return h(tag, { ...attrs, svg: true }, ...children);
}

/** A value, or "unknown" (marked, so that it reads and looks as unknown) where the data says it is not known. */
export function known(value, format = v => v) {
  if (value === null || value === undefined || value === '' || value === 'unknown'
      || (typeof value === 'object' && value.known === false)) {
    return h('span', { class: 'unknown' }, t('unknown'));
  }
  if (typeof value === 'object' && 'known' in value && 'value' in value) return format(value.value);
  return format(value);
}

/** A definition list from [label, value] pairs. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(Boolean).map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
}

export function table(caption, headers, rows, attrs = {}) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', attrs, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows.map(r => h('tr', {}, r.map((c, i) => i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))));
}

export function section(title, ...children) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** What a failed read means for the reader: 403 "not allowed to see", 401, 404, or the failure. */
export function problem(error) {
  if (error instanceof ApiError) {
    const text = error.status === 403 ? t('forbidden') : error.status === 401 ? t('unauthorized')
      : error.status === 404 ? t('notFound') : `${t('failed')}: ${error.status} ${error.message}`;
    return h('p', { class: `problem status-${error.status}`, role: 'status', 'data-status': error.status }, text);
  }
  return h('p', { class: 'problem', role: 'status' }, `${t('failed')}: ${error.message}`);
}

/** Goes to a console page (as a link would). */
export function navigate(path) {
  window.dispatchEvent(new CustomEvent('console:navigate', { detail: path }));
}

const afterRender = [];
/** Runs once the page is in the document (charts need their size). */
export function whenShown(hook) { afterRender.push(hook); }
export function runAfterRender() { for (const hook of afterRender.splice(0)) hook(); }

/** A read whose refusal (403, 404 …) is shown in place instead of failing the page. */
export async function attempt(read) {
  try {
    return { value: await read() };
  } catch (error) {
    return { error, shown: problem(error) };
  }
}

const DATE = /^\d{4}-\d{2}(-\d{2})?(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

/** Any value of the API as readable text: dates and numbers through Intl, unknowns as unknown, objects as lists. */
export function value(v, depth = 0, key = '') {
  if (v === null || v === undefined || v === '' || v === 'unknown') return h('span', { class: 'unknown' }, t('unknown'));
  if (typeof v === 'object' && !Array.isArray(v) && v.known === false) {
    return h('span', {}, h('span', { class: 'unknown' }, t('unknown')), v.sources || v.source ? [' — ', value(v.sources || v.source, depth + 1)] : '');
  }
  if (typeof v === 'object' && !Array.isArray(v) && v.known === true && 'value' in v) return value(v.value, depth);
  if (typeof v === 'number') return /year/i.test(key) ? String(v) : number(v);
  if (typeof v === 'boolean') return t(v ? 'yes' : 'no');
  if (typeof v === 'string') {
    if (DATE.test(v)) return date(v);
    if (/^https?:\/\//.test(v)) return h('a', { href: v, rel: 'noopener noreferrer', target: '_blank' }, v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return t('none');
    if (v.every(x => typeof x !== 'object' || x === null)) return v.map((x, i) => [i ? ', ' : '', value(x, depth + 1, key)]);
    return h('ul', { class: 'plain' }, v.map(x => h('li', {}, value(x, depth + 1, key))));
  }
  if (depth > 4) return JSON.stringify(v);
  // a field the record leaves empty is shown as unknown, not left out
  return h('dl', { class: 'facts' }, Object.entries(v)
    .map(([k, x]) => [h('dt', {}, fieldName(k)), h('dd', {}, value(x, depth + 1, k))]));
}

/** A signatory as the API records it: name and position, or "unknown" (with the position) where it is not known. */
export function signatory(s) {
  if (!s) return h('span', { class: 'unknown' }, t('unknown'));
  if (s.known === false || !s.name) {
    return h('span', {}, h('span', { class: 'unknown' }, t('unknown')), s.position ? ` (${s.position})` : '');
  }
  return `${s.name}${s.position ? ` (${s.position})` : ''}${s.onBehalfOf ? ` — ${s.onBehalfOf}` : ''}`;
}

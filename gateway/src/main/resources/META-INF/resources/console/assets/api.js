// The console reads the public API through the gateway only, with the caller's own token: each page shows exactly
// what the API lets that caller see. A refused read (401/403) is an answer to show, not an error to hide.
import { accessToken } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const RETRIES = [500, 2000];

export async function get(path, params) {
  const url = new URL(path, location.origin);
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      for (const v of [].concat(value)) if (v !== undefined && v !== null && v !== '') url.searchParams.append(name, v);
    }
  }
  let answer;
  // a read is safe to repeat: a service that is busy or just starting (502/503/504) gets two more tries
  for (let attempt = 0; ; attempt++) {
    const token = await accessToken();
    const headers = { Accept: 'application/json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    answer = await fetch(url, { headers });
    if (![502, 503, 504].includes(answer.status) || attempt === RETRIES.length) break;
    await new Promise(resolve => setTimeout(resolve, RETRIES[attempt]));
  }
  if (!answer.ok) {
    let problem = null;
    try { problem = await answer.json(); } catch (e) { /* not JSON */ }
    throw new ApiError(answer.status, problem);
  }
  return answer.json();
}

/** Every item of a paged list (pages of 100, the API's largest), read page after page. */
export async function all(path, params = {}) {
  const items = [];
  for (let page = 0, pages = 1; page < pages; page++) {
    const answer = await get(path, { ...params, page, size: 100 });
    items.push(...(answer.items || []));
    pages = answer.totalPages || 1;
  }
  return items;
}

/** A PDF or other file behind a token: fetched and opened as a blob. */
export async function openFile(path) {
  const token = await accessToken();
  const answer = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!answer.ok) throw new ApiError(answer.status, null);
  const url = URL.createObjectURL(await answer.blob());
  window.open(url, '_blank', 'noopener');
}

// Sign-in at Keycloak from the browser: OAuth 2.0 authorization code with PKCE (S256) for a public client
// (RFC 7636). The tokens live in sessionStorage (this tab only, gone when it is closed); the access token is
// renewed with the refresh token shortly before it expires. Nothing here is a secret: the client is public.

const TOKENS = 'kotacerdas.console.tokens';
const PENDING = 'kotacerdas.console.pending';
let config;
let refreshing;

export async function init() {
  config = await (await fetch('/console/config.json', { cache: 'no-cache' })).json();
  const url = new URL(location.href);
  if (url.searchParams.has('code') && url.searchParams.has('state')) {
    await finishSignIn(url);
  } else if (url.searchParams.has('error') && url.searchParams.has('state')) {
    sessionStorage.removeItem(PENDING);
    history.replaceState(null, '', url.pathname);
  }
}

function endpoint(name) {
  return `${config.issuer}/protocol/openid-connect/${name}`;
}

function redirectUri() {
  return `${location.origin}/console/`;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function signIn(returnTo = location.pathname + location.search) {
  const verifier = random();
  const state = random();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(),
    state, code_challenge: challenge, code_challenge_method: 'S256',
    ui_locales: document.documentElement.lang || 'id',
  });
  location.assign(`${endpoint('auth')}?${params}`);
}

async function finishSignIn(url) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  let returnTo = '/console/nasional';
  if (pending && pending.state === url.searchParams.get('state')) {
    const answer = await fetch(endpoint('token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', client_id: config.clientId, code: url.searchParams.get('code'),
        redirect_uri: redirectUri(), code_verifier: pending.verifier,
      }),
    });
    if (answer.ok) {
      store(await answer.json());
    }
    if (pending.returnTo && pending.returnTo.startsWith('/console/') && pending.returnTo !== '/console/') {
      returnTo = pending.returnTo;
    }
  }
  history.replaceState(null, '', returnTo);
}

function store(tokens) {
  const now = Date.now();
  sessionStorage.setItem(TOKENS, JSON.stringify({
    access: tokens.access_token, refresh: tokens.refresh_token, id: tokens.id_token,
    expiresAt: now + (tokens.expires_in || 60) * 1000,
    refreshExpiresAt: tokens.refresh_expires_in ? now + tokens.refresh_expires_in * 1000 : null,
  }));
}

function stored() {
  return JSON.parse(sessionStorage.getItem(TOKENS) || 'null');
}

/** The signed-in caller as the access token says (name, roles, region), or null. */
export function caller() {
  const t = stored();
  if (!t) return null;
  try {
    const claims = JSON.parse(new TextDecoder().decode(
      Uint8Array.from(atob(t.access.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))));
    return {
      username: claims.preferred_username,
      roles: (claims.realm_access && claims.realm_access.roles || []).filter(r =>
        ['ministry-admin', 'assessor', 'region-officer', 'integrator', 'auditor'].includes(r)),
      regionCode: claims.region_code || null,
    };
  } catch (e) {
    return null;
  }
}

/** A valid access token (renewed when it is about to expire), or null when signed out. */
export async function accessToken() {
  const t = stored();
  if (!t) return null;
  if (Date.now() < t.expiresAt - 15000) return t.access;
  if (!t.refresh || (t.refreshExpiresAt && Date.now() > t.refreshExpiresAt)) {
    sessionStorage.removeItem(TOKENS);
    return null;
  }
  refreshing = refreshing || fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: config.clientId, refresh_token: t.refresh }),
  }).then(async answer => {
    if (answer.ok) store(await answer.json()); else sessionStorage.removeItem(TOKENS);
  }).catch(() => sessionStorage.removeItem(TOKENS)).finally(() => { refreshing = null; });
  await refreshing;
  const renewed = stored();
  return renewed ? renewed.access : null;
}

export function signOut() {
  const t = stored();
  sessionStorage.removeItem(TOKENS);
  const params = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: `${location.origin}/` });
  if (t && t.id) params.set('id_token_hint', t.id);
  location.assign(`${endpoint('logout')}?${params}`);
}

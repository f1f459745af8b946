// Talks to the gateway's JSON API with the key the user typed. The key lives in sessionStorage:
// it survives a reload of the tab but not closing it, and no other tab or site can read it.

const KEY_STORAGE = 'ijw-gateway.api-sleutel';

// The page lives at <base>/dashboard/, so the API is one level up; this keeps working behind a
// proxy that serves the gateway under a path prefix.
const API_BASE = new URL('../', window.location.href);

export class ApiError extends Error {
  constructor(status, melding) {
    super(melding);
    this.status = status;
  }
}

export function storedKey() {
  return window.sessionStorage.getItem(KEY_STORAGE);
}

export function storeKey(key) {
  window.sessionStorage.setItem(KEY_STORAGE, key);
}

export function forgetKey() {
  window.sessionStorage.removeItem(KEY_STORAGE);
}

/** The query string for `params`, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** A path under the API (no leading slash), for links and for fetches alike. */
export function apiUrl(path, params = {}) {
  return new URL(`${path}${query(params)}`, API_BASE).toString();
}

export async function getJson(path, params = {}) {
  const key = storedKey();
  const response = await fetch(apiUrl(path, params), {
    headers: { 'x-api-key': key ?? '', accept: 'application/json' },
    cache: 'no-store',
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const melding = body && typeof body.melding === 'string' ? body.melding : `De gateway antwoordde met status ${response.status}.`;
    throw new ApiError(response.status, melding);
  }
  return body;
}

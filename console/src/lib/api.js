// The Management API client of the Console: bearer token, JSON, errors in words, pagination.

import { accessToken } from './auth.js';
import { ApiError, describeApiError } from './errors.js';
import { listQuery } from './paging.js';

/** Window event sent when a call finds the session gone (the App then shows sign-in). */
export const SESSION_CHANGED = 'gatehouse:session-changed';

let config = null;
const onUnauthorized = () => window.dispatchEvent(new Event(SESSION_CHANGED));

/** Called once at start, before the first render, with the Console config. */
export function configureApi(cfg) {
  config = cfg;
}

async function send(method, path, body, token) {
  const headers = { authorization: `Bearer ${token}` };
  const init = { method, headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(`${config.endpoint}/api${path}`, init);
}

/** One call: resolves with {json, headers} or throws ApiError with a readable message. */
export async function request(method, path, body) {
  let token = await accessToken(config);
  if (!token) {
    onUnauthorized();
    throw new ApiError(401, null, 'Your session has ended. Please sign in again.');
  }
  let res = await send(method, path, body, token);
  if (res.status === 401) {
    token = await accessToken(config, { force: true });
    if (token) res = await send(method, path, body, token);
  }
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const error = new ApiError(res.status, json, describeApiError(res.status, json));
    if (res.status === 401) onUnauthorized();
    throw error;
  }
  return { json, headers: res.headers };
}

export const api = {
  get: (path) => request('GET', path).then((r) => r.json),
  post: (path, body = {}) => request('POST', path, body).then((r) => r.json),
  put: (path, body = {}) => request('PUT', path, body).then((r) => r.json),
  patch: (path, body = {}) => request('PATCH', path, body).then((r) => r.json),
  del: (path) => request('DELETE', path).then((r) => r.json),
  /** A page of a paginated list: {items, total}. */
  async list(path, query = {}) {
    const { json, headers } = await request('GET', `${path}?${listQuery(query)}`);
    const total = Number(headers.get('Total-Number') ?? (Array.isArray(json) ? json.length : 0));
    return { items: Array.isArray(json) ? json : [], total };
  },
};

/** The Console configuration ({endpoint, issuer, clientId, apiResource}). */
export const consoleConfig = () => config;

/** Path segment escaping for ids in URLs. */
export const seg = encodeURIComponent;

// A small client-side router over the History API for the Console's paths under /console.

export const BASE = '/console';

/**
 * Matches `path` (without the base) against a pattern like "/organizations/:id/:tab?".
 * Returns the parameters (decoded) or null.
 */
export function matchPath(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  const params = {};
  for (let i = 0; i < Math.max(want.length, got.length); i++) {
    const w = want[i];
    const g = got[i];
    if (w === undefined) return null;
    const optional = w.endsWith('?');
    if (w.startsWith(':')) {
      if (g === undefined) {
        if (optional) continue;
        return null;
      }
      params[w.slice(1).replace(/\?$/, '')] = decodeURIComponent(g);
    } else if (w !== g) {
      return null;
    }
  }
  return params;
}

/** The path inside the Console of a browser pathname ("/console/users" → "/users"). */
export function innerPath(pathname) {
  if (pathname === BASE || pathname === `${BASE}/`) return '/';
  return pathname.startsWith(`${BASE}/`) ? pathname.slice(BASE.length) : pathname;
}

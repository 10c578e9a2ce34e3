// The current Console location (path inside /console and query), and navigation.

import { useSyncExternalStore } from 'react';

import { BASE, innerPath } from '../lib/router.js';

const EVENT = 'gatehouse:navigate';

function subscribe(callback) {
  window.addEventListener('popstate', callback);
  window.addEventListener(EVENT, callback);
  return () => {
    window.removeEventListener('popstate', callback);
    window.removeEventListener(EVENT, callback);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** Goes to a Console path ("/users?q=x"); `replace` keeps the history entry. */
export function navigate(to, { replace = false } = {}) {
  const url = BASE + (to.startsWith('/') ? to : `/${to}`);
  if (url === snapshot()) return;
  window.history[replace ? 'replaceState' : 'pushState'](null, '', url);
  window.dispatchEvent(new Event(EVENT));
}

/** {path, query} of the current location; re-renders on navigation. */
export function useLocation() {
  const full = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(full, window.location.origin);
  return { path: innerPath(url.pathname), query: url.searchParams };
}

// Entry point: reads /console/config.json, finishes a sign-in on /console/callback, then
// renders the Console.

import { createRoot } from 'react-dom/client';

import { App } from './App.jsx';
import { Fatal } from './pages/SignInPage.jsx';
import { configureApi } from './lib/api.js';
import { completeSignIn } from './lib/auth.js';
import { BASE } from './lib/router.js';
import './styles.css';

async function loadConfig() {
  const res = await fetch(`${BASE}/config.json`, { cache: 'no-store' });
  if (!res.ok) throw new Error(`The Console configuration (${BASE}/config.json) answered HTTP ${res.status}.`);
  return res.json();
}

async function start() {
  const root = createRoot(document.getElementById('root'));
  let config;
  try {
    config = await loadConfig();
    configureApi(config);
    if (window.location.pathname === `${BASE}/callback`) {
      const returnTo = await completeSignIn(config, window.location.search);
      window.history.replaceState(null, '', returnTo.startsWith(BASE) ? returnTo : BASE + '/');
    }
  } catch (e) {
    root.render(<Fatal config={config} error={e} />);
    return;
  }
  root.render(<App config={config} />);
}

start();

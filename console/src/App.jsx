// The signed-in shell: checks that the session may use the Management API, then routes.

import { useEffect, useState } from 'react';

import { Layout } from './components/Layout.jsx';
import { ToastProvider } from './components/Toasts.jsx';
import { navigate, useLocation } from './hooks/useLocation.js';
import { api, SESSION_CHANGED } from './lib/api.js';
import { currentSession } from './lib/auth.js';
import { matchPath } from './lib/router.js';
import { NotAdminPage, SignInPage } from './pages/SignInPage.jsx';
import { routes } from './routes.jsx';

function useAdminCheck(session) {
  const [state, setState] = useState({ status: 'checking' });
  useEffect(() => {
    if (!session) return;
    // Any Management API read tells whether the token carries `all`: 403 means it does not.
    api
      .get(`/users/${encodeURIComponent(session.user.sub ?? '')}`)
      .then((me) => setState({ status: 'ok', me }))
      .catch((error) => setState({ status: error.status === 403 ? 'forbidden' : 'error', error }));
  }, [session]);
  return state;
}

/** Re-renders when the API client finds the session gone (renewal failed, 401). */
function useSession() {
  const [session, setSession] = useState(currentSession);
  useEffect(() => {
    const update = () => setSession(currentSession());
    window.addEventListener(SESSION_CHANGED, update);
    return () => window.removeEventListener(SESSION_CHANGED, update);
  }, []);
  return session;
}

export function App({ config }) {
  const session = useSession();
  const check = useAdminCheck(session);
  const { path } = useLocation();

  if (!session) return <SignInPage config={config} />;
  if (check.status === 'forbidden') return <NotAdminPage config={config} session={session} />;
  if (check.status === 'checking') {
    return (
      <div className="center-screen" role="status">
        <span className="loading">Opening the Console…</span>
      </div>
    );
  }
  if (path === '/' || path === '/callback') {
    navigate('/organizations', { replace: true });
    return null;
  }
  let page = null;
  for (const r of routes) {
    const params = matchPath(r.path, path);
    if (params) {
      page = r.render(params);
      break;
    }
  }
  return (
    <ToastProvider>
      <Layout config={config} session={session} me={check.me} path={path} loadError={check.error}>
        {page ?? <NotFound />}
      </Layout>
    </ToastProvider>
  );
}

function NotFound() {
  return (
    <div className="empty-state">
      <h1>Page not found</h1>
      <p>This Console page does not exist. Use the navigation on the left.</p>
    </div>
  );
}

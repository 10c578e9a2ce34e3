// The frame of every signed-in page: skip link, sidebar navigation, signed-in user, content.

import { signOut } from '../lib/auth.js';
import { NAV } from '../routes.jsx';
import { ErrorAlert } from './Alert.jsx';
import { Icon } from './Icon.jsx';
import { Link } from './Link.jsx';

export function Layout({ config, session, me, path, loadError, children }) {
  const who = me?.name || me?.username || session.user?.name || session.user?.username || 'Administrator';
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="sidebar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            G
          </span>
          <span>
            Gatehouse <span className="brand-sub">Console</span>
          </span>
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {NAV.map((n) => {
              const current = path === n.to || path.startsWith(`${n.to}/`);
              return (
                <li key={n.to}>
                  <Link to={n.to} className={current ? 'nav-link nav-current' : 'nav-link'} aria-current={current ? 'page' : undefined}>
                    <Icon name={n.icon} />
                    {n.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="sidebar-footer">
          <div className="whoami" title={me?.id}>
            <span className="avatar" aria-hidden="true">
              {who.slice(0, 1).toUpperCase()}
            </span>
            <span>
              <span className="whoami-name">{who}</span>
              <span className="whoami-role">Administrator</span>
            </span>
          </div>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => signOut(config)}>
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" className="main">
        <ErrorAlert error={loadError} />
        {children}
      </main>
    </div>
  );
}

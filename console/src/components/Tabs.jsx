// Section tabs that are links (each tab has its own URL, so reload keeps it).

import { Link } from './Link.jsx';

export function Tabs({ tabs, current, label }) {
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((t) => (
        <Link key={t.id} to={t.to} className={t.id === current ? 'tab tab-current' : 'tab'} aria-current={t.id === current ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

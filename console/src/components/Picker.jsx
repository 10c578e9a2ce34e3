// Choosing entities (users, applications) by asking the server: a debounced search that loads
// one short page of matches, never the whole list. Selected items show as removable chips.

import { useId, useState } from 'react';

import { useAsync, useDebounced } from '../hooks/useAsync.js';
import { api } from '../lib/api.js';
import { ErrorAlert } from './Alert.jsx';

const SHOWN = 8;

/** `describe(item)` → {title, subtitle}; `selected` is an array of items. */
export function Picker({ path, label, describe, selected, onChange, filters = {}, placeholder }) {
  const id = useId();
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 250);
  const filterKey = JSON.stringify(filters);
  const { data, error, loading } = useAsync(() => api.list(path, { page: 1, pageSize: SHOWN, q, ...filters }), [path, q, filterKey]);
  const chosen = new Set(selected.map((s) => s.id));
  const toggle = (item) =>
    onChange(chosen.has(item.id) ? selected.filter((s) => s.id !== item.id) : [...selected, item]);
  const items = data?.items ?? [];
  const more = (data?.total ?? 0) - items.length;
  return (
    <div className="picker">
      <label htmlFor={id}>{label}</label>
      <div className="search">
        <input id={id} type="search" value={search} placeholder={placeholder} autoComplete="off" onChange={(e) => setSearch(e.target.value)} />
        {(loading || search !== q) && <span className="search-busy" aria-hidden="true" />}
      </div>
      {selected.length > 0 && (
        <ul className="chips picker-selected" aria-label="Selected">
          {selected.map((s) => (
            <li key={s.id} className="chip chip-removable">
              {describe(s).title}
              <button type="button" aria-label={`Remove ${describe(s).title}`} onClick={() => toggle(s)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={error} />
      <ul className={search !== q || loading ? 'picker-results picker-stale' : 'picker-results'} aria-label="Matches" aria-busy={loading ? 'true' : 'false'}>
        {items.map((item) => {
          const { title, subtitle } = describe(item);
          return (
            <li key={item.id}>
              <label className="picker-option">
                <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item)} />
                <span>
                  <span className="picker-title">{title}</span>
                  {subtitle && <span className="picker-subtitle">{subtitle}</span>}
                </span>
              </label>
            </li>
          );
        })}
        {!loading && search === q && !items.length && <li className="muted picker-empty">No match{q ? ` for “${q}”` : ''}.</li>}
        {loading && !items.length && <li className="muted picker-empty">Searching…</li>}
      </ul>
      {more > 0 && <p className="hint">{more.toLocaleString('en-US')} more: type to narrow the search.</p>}
    </div>
  );
}

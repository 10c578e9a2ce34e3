// What a template change would do, asked of the server before it is applied: how many members,
// organizations and applications gain or lose which permission.

import { useAsync } from '../../hooks/useAsync.js';
import { api } from '../../lib/api.js';
import { impactLines } from '../../lib/impact.js';
import { ErrorAlert } from '../../components/Alert.jsx';

const STEP_TITLES = { addRoleScopes: 'Adding permissions', removeRoleScopes: 'Removing permissions' };

/** `changes` is one impact-preview request body or an array of them (shown one after another). */
export function ImpactPreview({ changes }) {
  const list = (Array.isArray(changes) ? changes : [changes]).filter(Boolean);
  const key = JSON.stringify(list);
  const { data, error, loading } = useAsync(
    () => Promise.all(list.map((c) => api.post('/organization-template/impact-preview', c))),
    [key],
  );
  return (
    <section className="impact" aria-label="Impact of this change" aria-busy={loading ? 'true' : 'false'}>
      <h3 className="impact-title">Impact across all organizations</h3>
      {loading && <p className="loading">Calculating who is affected…</p>}
      <ErrorAlert error={error}>Could not calculate the impact: {error?.message}</ErrorAlert>
      {data?.map((preview, i) => {
        const { summary, lines } = impactLines(preview);
        return (
          <div key={i} className="impact-block">
            {list.length > 1 && <h4 className="impact-step">{STEP_TITLES[list[i].change] ?? list[i].change}</h4>}
            <p className="impact-summary">{summary}</p>
            {lines.length > 0 && (
              <ul className="impact-lines">
                {lines.map((l) => (
                  <li key={l.kind + l.scope} className={`impact-${l.kind}`}>
                    <span className="impact-sign" aria-hidden="true">
                      {l.kind === 'gain' ? '+' : '−'}
                    </span>
                    <span className="visually-hidden">{l.kind === 'gain' ? 'Gain' : 'Loss'}:</span>
                    <code>{l.scope}</code> <span className="muted">{l.kind === 'gain' ? 'gained by' : 'lost by'}</span> {l.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

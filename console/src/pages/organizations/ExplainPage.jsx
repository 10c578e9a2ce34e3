// Explain: for one member of one organization, which of their roles give which permission,
// and for each permission they lack, which roles would give it.

import { ErrorAlert, Note } from '../../components/Alert.jsx';
import { Chips } from '../../components/Chips.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { useAsync } from '../../hooks/useAsync.js';
import { api, seg } from '../../lib/api.js';
import { explainReason } from '../../lib/explain.js';
import { userTitle } from '../../lib/format.js';

export function ExplainPage({ orgId, userId }) {
  const { data, error, loading } = useAsync(
    () =>
      Promise.all([
        api.get(`/organizations/${seg(orgId)}`),
        api.get(`/users/${seg(userId)}`),
        api.get(`/organizations/${seg(orgId)}/users/${seg(userId)}/explain`),
      ]),
    [orgId, userId],
  );
  const back = <Link to={`/organizations/${seg(orgId)}`} className="back-link">‹ Members</Link>;
  if (error || loading) {
    return (
      <>
        <PageHeader title="Explain permissions" back={back} />
        {loading && <p className="loading">Working out the permissions…</p>}
        <ErrorAlert error={error} />
      </>
    );
  }
  const [org, user, explain] = data;
  const granted = explain.scopes.filter((s) => s.granted);
  return (
    <>
      <PageHeader
        title={`Permissions of ${userTitle(user)} in ${org.name}`}
        description="Which roles give which permission, and why a permission is absent. Tokens carry permissions, never role names."
        back={back}
      />
      {!explain.isMember && <Note kind="warning">{userTitle(user)} is not a member of {org.name}, so they hold no permission here and any organization token for it is refused.</Note>}
      <section className="card" aria-labelledby="explain-roles">
        <h2 id="explain-roles">Roles held here</h2>
        {explain.roles.length ? (
          <ul className="role-list">
            {explain.roles.map((r) => (
              <li key={r.id}>
                <strong>{r.name}</strong> grants <Chips items={r.scopes} empty="no permissions" />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{explain.isMember ? 'No role: a member without a role holds no permission.' : 'None.'}</p>
        )}
      </section>
      <section className="card" aria-labelledby="explain-scopes">
        <h2 id="explain-scopes">
          Organization permissions <span className="muted small">({granted.length} of {explain.scopes.length} held)</span>
        </h2>
        <ScopeTable scopes={explain.scopes} />
      </section>
      {explain.resourceScopes?.length > 0 && (
        <section className="card" aria-labelledby="explain-resource">
          <h2 id="explain-resource">API resource permissions in this organization</h2>
          <ScopeTable scopes={explain.resourceScopes} resource />
        </section>
      )}
    </>
  );
}

function ScopeTable({ scopes, resource = false }) {
  if (!scopes.length) return <p className="muted">The template has no permissions yet.</p>;
  return (
    <table className="table explain-table">
      <thead>
        <tr>
          <th scope="col">Permission</th>
          {resource && <th scope="col">API resource</th>}
          <th scope="col">Held</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {scopes.map((s) => (
          <tr key={s.id} className={s.granted ? 'row-granted' : 'row-absent'}>
            <th scope="row"><code>{s.name}</code>{s.description && <div className="muted small">{s.description}</div>}</th>
            {resource && <td>{s.resource?.name}</td>}
            <td>
              {s.granted ? <span className="status status-yes">✓ Granted</span> : <span className="status status-no">✗ Absent</span>}
            </td>
            <td>{explainReason(s)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

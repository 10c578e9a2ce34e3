// One user: details and the organizations they belong to, with their roles in each.

import { ErrorAlert } from '../../components/Alert.jsx';
import { Chips } from '../../components/Chips.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { useAsync } from '../../hooks/useAsync.js';
import { api, seg } from '../../lib/api.js';
import { formatDate, userTitle } from '../../lib/format.js';

export function UserPage({ id }) {
  const user = useAsync(() => api.get(`/users/${seg(id)}`), [id]);
  const orgs = useAsync(() => api.get(`/users/${seg(id)}/organizations`), [id]);
  const back = <Link to="/users" className="back-link">‹ Users</Link>;
  if (user.error) return (<><PageHeader title="User" back={back} /><ErrorAlert error={user.error} /></>);
  if (!user.data) return <p className="loading">Loading user…</p>;
  const u = user.data;
  const columns = [
    { key: 'name', header: 'Organization', render: (o) => <Link to={`/organizations/${seg(o.id)}`} className="row-link">{o.name}</Link> },
    { key: 'roles', header: 'Roles', render: (o) => <Chips items={o.organizationRoles} empty="No role" /> },
    {
      key: 'actions', header: <span className="visually-hidden">Actions</span>, className: 'col-actions',
      render: (o) => <Link to={`/organizations/${seg(o.id)}/members/${seg(u.id)}`} className="btn btn-small" aria-label={`Explain permissions in ${o.name}`}>Explain</Link>,
    },
  ];
  return (
    <>
      <PageHeader title={userTitle(u)} description={u.isSuspended ? 'Suspended: cannot sign in.' : undefined} back={back} />
      <section className="card" aria-labelledby="user-details">
        <h2 id="user-details">Details</h2>
        <dl className="details">
          <dt>ID</dt>
          <dd><code>{u.id}</code></dd>
          <dt>Username</dt>
          <dd>{u.username || <span className="muted">—</span>}</dd>
          <dt>Email</dt>
          <dd>{u.primaryEmail || <span className="muted">—</span>}</dd>
          <dt>Password</dt>
          <dd>{u.hasPassword ? 'Set' : 'None: cannot sign in with a password'}</dd>
          <dt>Last sign-in</dt>
          <dd>{formatDate(u.lastSignInAt)}</dd>
          <dt>Created</dt>
          <dd>{formatDate(u.createdAt)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="user-orgs">
        <h2 id="user-orgs">Organizations</h2>
        <DataTable columns={columns} rows={orgs.data ?? []} loading={orgs.loading} error={orgs.error} caption="Organizations of this user"
          empty="Not a member of any organization. Add them from an organization's Members tab." />
      </section>
    </>
  );
}

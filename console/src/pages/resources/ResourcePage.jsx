// One API resource: details, its permissions (create, delete), delete the resource.

import { useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { useAsync } from '../../hooks/useAsync.js';
import { navigate } from '../../hooks/useLocation.js';
import { usePagedList } from '../../hooks/usePagedList.js';
import { api, seg } from '../../lib/api.js';
import { NameDialog } from '../NameDialog.jsx';

export function ResourcePage({ id }) {
  const resource = useAsync(() => api.get(`/resources/${seg(id)}`), [id]);
  const scopes = usePagedList(`/resources/${seg(id)}/scopes`);
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [deletingScope, setDeletingScope] = useState(null);
  const [deleting, setDeleting] = useState(false);
  const back = <Link to="/resources" className="back-link">‹ API resources</Link>;
  if (resource.error) return (<><PageHeader title="API resource" back={back} /><ErrorAlert error={resource.error} /></>);
  if (!resource.data) return <p className="loading">Loading API resource…</p>;
  const r = resource.data;
  const columns = [
    { key: 'name', header: 'Permission', render: (s) => <code>{s.name}</code> },
    { key: 'description', header: 'Description', render: (s) => s.description || <span className="muted">—</span> },
    {
      key: 'actions', header: <span className="visually-hidden">Actions</span>, className: 'col-actions',
      render: (s) => <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setDeletingScope(s)} aria-label={`Delete ${s.name}`}>Delete</button>,
    },
  ];
  return (
    <>
      <PageHeader title={r.name} description={<code>{r.indicator}</code>} back={back}
        actions={<button type="button" className="btn btn-danger-ghost" onClick={() => setDeleting(true)}>Delete API resource</button>} />
      <section className="card" aria-labelledby="resource-scopes">
        <div className="card-header">
          <h2 id="resource-scopes">Permissions</h2>
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create permission</button>
        </div>
        <div className="toolbar">
          <SearchBox value={scopes.search} onChange={scopes.setSearch} label="Search permissions" busy={scopes.searching} />
        </div>
        <DataTable columns={columns} rows={scopes.items} loading={scopes.loading} error={scopes.error} caption="Permissions"
          empty="No permissions yet. Global roles and organization roles grant them." />
        <Pager {...scopes.pager} />
      </section>
      <NameDialog open={creating} title="Create permission" nameLabel="Permission name" nameHint="e.g. read:documents" initial={{}}
        submitLabel="Create permission" onClose={() => setCreating(false)}
        onSubmit={async (body) => {
          await api.post(`/resources/${seg(id)}/scopes`, body);
          toast.success(`Permission ${body.name} created`);
          scopes.reload();
        }} />
      <ConfirmDialog open={!!deletingScope} title={`Delete permission ${deletingScope?.name ?? ''}?`} confirmLabel="Delete permission" danger
        onClose={() => setDeletingScope(null)}
        onConfirm={async () => {
          await api.del(`/resources/${seg(id)}/scopes/${seg(deletingScope.id)}`);
          toast.success(`Permission ${deletingScope.name} deleted`);
          scopes.reload();
        }}>
        <p>Every role that grants it stops granting it, and new tokens no longer carry it.</p>
      </ConfirmDialog>
      <ConfirmDialog open={deleting} title={`Delete ${r.name}?`} confirmLabel="Delete API resource" danger onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.del(`/resources/${seg(id)}`);
          toast.success(`API resource ${r.name} deleted`);
          navigate('/resources');
        }}>
        <p>Its permissions are removed from every role. Tokens for it can no longer be issued.</p>
      </ConfirmDialog>
    </>
  );
}

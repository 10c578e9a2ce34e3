// Template permissions (organization scopes): list with search, create, edit, delete with
// an impact preview.

import { useState } from 'react';

import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { usePagedList } from '../../hooks/usePagedList.js';
import { api, seg } from '../../lib/api.js';
import { ImpactPreview } from './ImpactPreview.jsx';
import { NameDialog } from '../NameDialog.jsx';

export function PermissionsTab() {
  const list = usePagedList('/organization-scopes');
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const columns = [
    { key: 'name', header: 'Permission', render: (s) => <code>{s.name}</code> },
    { key: 'description', header: 'Description', render: (s) => s.description || <span className="muted">—</span> },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      className: 'col-actions',
      render: (s) => (
        <>
          <button type="button" className="btn btn-small" onClick={() => setEditing(s)} aria-label={`Edit ${s.name}`}>
            Edit
          </button>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setDeleting(s)} aria-label={`Delete ${s.name}`}>
            Delete
          </button>
        </>
      ),
    },
  ];
  return (
    <section aria-label="Permissions">
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search permissions" busy={list.searching} />
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          Create permission
        </button>
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Template permissions"
        empty={list.search ? 'No permission matches this search.' : 'No permissions yet. Create one, e.g. “read:resource”.'} />
      <Pager {...list.pager} />
      <NameDialog
        open={creating || !!editing}
        title={editing ? `Edit permission ${editing.name}` : 'Create permission'}
        nameLabel="Permission name"
        nameHint="A short token such as read:resource; it appears in tokens' scope."
        initial={editing ?? {}}
        submitLabel={editing ? 'Save' : 'Create permission'}
        onClose={() => { setCreating(false); setEditing(null); }}
        onSubmit={async (body) => {
          if (editing) await api.patch(`/organization-scopes/${seg(editing.id)}`, body);
          else await api.post('/organization-scopes', body);
          toast.success(editing ? `Permission ${body.name} saved` : `Permission ${body.name} created`);
          list.reload();
        }}
      />
      <ConfirmDialog
        open={!!deleting}
        title={`Delete permission ${deleting?.name ?? ''}?`}
        confirmLabel="Delete permission"
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api.del(`/organization-scopes/${seg(deleting.id)}`);
          toast.success(`Permission ${deleting.name} deleted`);
          list.reload();
        }}
      >
        <p>Every role loses this permission in every organization. This cannot be undone.</p>
        {deleting && <ImpactPreview changes={{ change: 'deleteScope', organizationScopeId: deleting.id }} />}
      </ConfirmDialog>
    </section>
  );
}

// Template roles: list with search, create (with permissions), change permissions and delete,
// both after an impact preview.

import { useState } from 'react';

import { Chips } from '../../components/Chips.jsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { usePagedList } from '../../hooks/usePagedList.js';
import { api, seg } from '../../lib/api.js';
import { CreateRoleDialog } from './CreateRoleDialog.jsx';
import { ImpactPreview } from './ImpactPreview.jsx';
import { RoleScopesDialog } from './RoleScopesDialog.jsx';

export function RolesTab() {
  const list = usePagedList('/organization-roles');
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const columns = [
    {
      key: 'name',
      header: 'Role',
      render: (r) => (
        <>
          <strong>{r.name}</strong>
          {r.description && <div className="muted small">{r.description}</div>}
        </>
      ),
    },
    { key: 'type', header: 'For', render: (r) => (r.type === 'MachineToMachine' ? 'Applications' : 'Users') },
    { key: 'scopes', header: 'Permissions', render: (r) => <Chips items={r.scopes} empty="No permissions" /> },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      className: 'col-actions',
      render: (r) => (
        <>
          <button type="button" className="btn btn-small" onClick={() => setEditing(r)} aria-label={`Edit permissions of ${r.name}`}>
            Permissions
          </button>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setDeleting(r)} aria-label={`Delete role ${r.name}`}>
            Delete
          </button>
        </>
      ),
    },
  ];
  return (
    <section aria-label="Roles">
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search roles" busy={list.searching} />
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          Create role
        </button>
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Template roles"
        empty={list.search ? 'No role matches this search.' : 'No roles yet. Create one, e.g. “admin” or “member”.'} />
      <Pager {...list.pager} />
      <CreateRoleDialog open={creating} onClose={() => setCreating(false)} onCreated={(role) => {
        toast.success(`Role ${role.name} created`);
        list.reload();
      }} />
      <RoleScopesDialog role={editing} onClose={() => setEditing(null)} onSaved={() => {
        toast.success(`Permissions of ${editing.name} saved`);
        list.reload();
      }} />
      <ConfirmDialog
        open={!!deleting}
        title={`Delete role ${deleting?.name ?? ''}?`}
        confirmLabel="Delete role"
        danger
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api.del(`/organization-roles/${seg(deleting.id)}`);
          toast.success(`Role ${deleting.name} deleted`);
          list.reload();
        }}
      >
        <p>The role is removed from every member and application in every organization. This cannot be undone.</p>
        {deleting && <ImpactPreview changes={{ change: 'deleteRole', organizationRoleId: deleting.id }} />}
      </ConfirmDialog>
    </section>
  );
}

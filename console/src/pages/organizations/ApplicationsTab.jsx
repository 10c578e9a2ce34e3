// Machine-to-machine applications in an organization with their roles: add, change roles, remove.

import { useState } from 'react';

import { Chips } from '../../components/Chips.jsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { usePagedList } from '../../hooks/usePagedList.js';
import { api, seg } from '../../lib/api.js';
import { AddApplicationsDialog } from './AddApplicationsDialog.jsx';
import { ApplicationRolesDialog } from './ApplicationRolesDialog.jsx';

export function ApplicationsTab({ org }) {
  const path = `/organizations/${seg(org.id)}/applications`;
  const list = usePagedList(path);
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(null);
  const [removing, setRemoving] = useState(null);
  const columns = [
    { key: 'name', header: 'Application', render: (a) => (<><strong>{a.name}</strong><div className="muted small"><code className="id">{a.id}</code></div></>) },
    { key: 'roles', header: 'Roles', render: (a) => <Chips items={a.organizationRoles} empty="No role" /> },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      className: 'col-actions',
      render: (a) => (
        <>
          <button type="button" className="btn btn-small" onClick={() => setEditing(a)} aria-label={`Edit roles of ${a.name}`}>Roles</button>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setRemoving(a)} aria-label={`Remove ${a.name}`}>Remove</button>
        </>
      ),
    },
  ];
  return (
    <section aria-label="Machine-to-machine applications">
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search applications" busy={list.searching} />
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>Add applications</button>
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Applications"
        empty="No machine-to-machine application in this organization. Add one to let a service act in it." />
      <Pager {...list.pager} />
      <AddApplicationsDialog open={adding} org={org} onClose={() => setAdding(false)} onAdded={(n) => {
        toast.success(`${n} application${n === 1 ? '' : 's'} added`);
        list.reload();
      }} />
      <ApplicationRolesDialog org={org} app={editing} onClose={() => setEditing(null)} onSaved={() => {
        toast.success(`Roles of ${editing.name} saved`);
        list.reload();
      }} />
      <ConfirmDialog open={!!removing} title={`Remove ${removing?.name ?? ''} from ${org.name}?`} confirmLabel="Remove application" danger
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await api.del(`${path}/${seg(removing.id)}`);
          toast.success(`${removing.name} removed from ${org.name}`);
          list.reload();
        }}>
        <p>The application loses its roles here and can no longer get organization tokens for {org.name}.</p>
      </ConfirmDialog>
    </section>
  );
}

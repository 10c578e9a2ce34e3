// Members of an organization with their roles: add (server search), change roles, explain
// permissions, remove.

import { useState } from 'react';

import { Chips } from '../../components/Chips.jsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Link } from '../../components/Link.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { usePagedList } from '../../hooks/usePagedList.js';
import { api, seg } from '../../lib/api.js';
import { userSubtitle, userTitle } from '../../lib/format.js';
import { AddMembersDialog } from './AddMembersDialog.jsx';
import { MemberRolesDialog } from './MemberRolesDialog.jsx';

export function MembersTab({ org }) {
  const path = `/organizations/${seg(org.id)}/users`;
  const list = usePagedList(path);
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(null);
  const [removing, setRemoving] = useState(null);
  const columns = [
    {
      key: 'user',
      header: 'Member',
      render: (u) => (
        <>
          <strong>{userTitle(u)}</strong>
          <div className="muted small">{userSubtitle(u) || <code className="id">{u.id}</code>}</div>
        </>
      ),
    },
    { key: 'roles', header: 'Roles', render: (u) => <Chips items={u.organizationRoles} empty="No role" /> },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      className: 'col-actions',
      render: (u) => (
        <>
          <button type="button" className="btn btn-small" onClick={() => setEditing(u)} aria-label={`Edit roles of ${userTitle(u)}`}>
            Roles
          </button>
          <Link to={`/organizations/${seg(org.id)}/members/${seg(u.id)}`} className="btn btn-small" aria-label={`Explain permissions of ${userTitle(u)}`}>
            Explain
          </Link>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setRemoving(u)} aria-label={`Remove ${userTitle(u)}`}>
            Remove
          </button>
        </>
      ),
    },
  ];
  return (
    <section aria-label="Members">
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search members" busy={list.searching} />
        <button type="button" className="btn btn-primary" onClick={() => setAdding(true)}>Add members</button>
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Members"
        empty={list.search ? 'No member matches this search.' : 'No members yet. Add users to this organization.'} />
      <Pager {...list.pager} />
      <AddMembersDialog open={adding} org={org} onClose={() => setAdding(false)} onAdded={(n) => {
        toast.success(`${n} member${n === 1 ? '' : 's'} added to ${org.name}`);
        list.reload();
      }} />
      <MemberRolesDialog org={org} member={editing} onClose={() => setEditing(null)} onSaved={() => {
        toast.success(`Roles of ${userTitle(editing)} saved`);
        list.reload();
      }} />
      <ConfirmDialog open={!!removing} title={`Remove ${userTitle(removing)} from ${org.name}?`} confirmLabel="Remove member" danger
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          await api.del(`${path}/${seg(removing.id)}`);
          toast.success(`${userTitle(removing)} removed from ${org.name}`);
          list.reload();
        }}>
        <p>Their roles in this organization are removed too, and their next organization token for it is refused. The user account itself stays.</p>
      </ConfirmDialog>
    </section>
  );
}

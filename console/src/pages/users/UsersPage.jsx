// Users: server-side search and pagination, create, reset password, suspend, delete.

import { useState } from 'react';

import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { Pager } from '../../components/Pager.jsx';
import { SearchBox } from '../../components/SearchBox.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { usePagedList } from '../../hooks/usePagedList.js';
import { api, seg } from '../../lib/api.js';
import { formatDate, userTitle } from '../../lib/format.js';
import { CreateUserDialog } from './CreateUserDialog.jsx';
import { PasswordDialog } from './PasswordDialog.jsx';

export function UsersPage() {
  const list = usePagedList('/users');
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState(null);
  const [suspending, setSuspending] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const columns = [
    {
      key: 'user',
      header: 'User',
      render: (u) => (
        <>
          <Link to={`/users/${seg(u.id)}`} className="row-link">{userTitle(u)}</Link>
          <div className="muted small"><code className="id">{u.id}</code></div>
        </>
      ),
    },
    { key: 'username', header: 'Username', render: (u) => u.username || <span className="muted">—</span> },
    { key: 'email', header: 'Email', render: (u) => u.primaryEmail || <span className="muted">—</span> },
    { key: 'status', header: 'Status', render: (u) => (u.isSuspended ? <span className="status status-no">Suspended</span> : <span className="status status-yes">Active</span>) },
    { key: 'lastSignInAt', header: 'Last sign-in', render: (u) => formatDate(u.lastSignInAt) },
    {
      key: 'actions',
      header: <span className="visually-hidden">Actions</span>,
      className: 'col-actions',
      render: (u) => (
        <>
          <button type="button" className="btn btn-small" onClick={() => setResetting(u)} aria-label={`Reset password of ${userTitle(u)}`}>Reset password</button>
          <button type="button" className="btn btn-small" onClick={() => setSuspending(u)} aria-label={`${u.isSuspended ? 'Reinstate' : 'Suspend'} ${userTitle(u)}`}>
            {u.isSuspended ? 'Reinstate' : 'Suspend'}
          </button>
          <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setDeleting(u)} aria-label={`Delete ${userTitle(u)}`}>Delete</button>
        </>
      ),
    },
  ];
  return (
    <>
      <PageHeader title="Users" description="People who sign in. Add them to organizations from an organization's Members tab."
        actions={<button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>Create user</button>} />
      <div className="toolbar">
        <SearchBox value={list.search} onChange={list.setSearch} label="Search users by name, username, email, phone or ID" placeholder="Search users" busy={list.searching} />
      </div>
      <DataTable columns={columns} rows={list.items} loading={list.loading} error={list.error} caption="Users"
        empty={list.search ? `No user matches “${list.search}”.` : 'No users yet.'} />
      <Pager {...list.pager} />
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} onCreated={(u) => {
        toast.success(`User ${userTitle(u)} created`);
        list.reload();
      }} />
      <PasswordDialog user={resetting} onClose={() => setResetting(null)} onSaved={() => toast.success(`Password of ${userTitle(resetting)} changed`)} />
      <ConfirmDialog open={!!suspending} title={`${suspending?.isSuspended ? 'Reinstate' : 'Suspend'} ${userTitle(suspending)}?`}
        confirmLabel={suspending?.isSuspended ? 'Reinstate user' : 'Suspend user'} danger={!suspending?.isSuspended}
        onClose={() => setSuspending(null)}
        onConfirm={async () => {
          await api.patch(`/users/${seg(suspending.id)}/is-suspended`, { isSuspended: !suspending.isSuspended });
          toast.success(`${userTitle(suspending)} ${suspending.isSuspended ? 'reinstated' : 'suspended'}`);
          list.reload();
        }}>
        <p>{suspending?.isSuspended ? 'They can sign in again.' : 'They can no longer sign in or renew their tokens until reinstated.'}</p>
      </ConfirmDialog>
      <ConfirmDialog open={!!deleting} title={`Delete ${userTitle(deleting)}?`} confirmLabel="Delete user" danger onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api.del(`/users/${seg(deleting.id)}`);
          toast.success(`User ${userTitle(deleting)} deleted`);
          list.reload();
        }}>
        <p>The account, its memberships and role assignments are removed. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

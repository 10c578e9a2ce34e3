// Adding users to an organization, found by server search, optionally with roles at once.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Picker } from '../../components/Picker.jsx';
import { api, seg } from '../../lib/api.js';
import { userSubtitle, userTitle } from '../../lib/format.js';
import { RoleChecklist } from './RoleChecklist.jsx';
import { useOrgRoles } from './useOrgRoles.js';

export function AddMembersDialog({ open, org, onClose, onAdded }) {
  const [users, setUsers] = useState([]);
  const [roleIds, setRoleIds] = useState([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const roles = useOrgRoles('User', [open]);
  useEffect(() => {
    if (!open) return;
    setUsers([]);
    setRoleIds([]);
    setError(null);
  }, [open]);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const userIds = users.map((u) => u.id);
      await api.post(`/organizations/${seg(org.id)}/users`, { userIds });
      if (roleIds.length) await api.post(`/organizations/${seg(org.id)}/users/roles`, { userIds, organizationRoleIds: roleIds });
      setBusy(false);
      onAdded(userIds.length);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Dialog open={open} title={`Add members to ${org.name}`} onClose={onClose} busy={busy} wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={add} disabled={busy || !users.length}>
            {busy ? 'Adding…' : users.length > 1 ? `Add ${users.length} members` : 'Add member'}
          </button>
        </>
      }
    >
      <div className="two-columns">
        <Picker path="/users" label="Find users by name, username, email or ID" selected={users} onChange={setUsers}
          describe={(u) => ({ title: userTitle(u), subtitle: userSubtitle(u) })} placeholder="Type to search users" />
        <div>
          <ErrorAlert error={roles.error} />
          <RoleChecklist legend="Roles to give them (optional)" roles={roles.roles} checked={roleIds} onChange={setRoleIds} more={roles.more} />
        </div>
      </div>
      <ErrorAlert error={error} />
    </Dialog>
  );
}

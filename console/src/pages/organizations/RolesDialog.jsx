// Choosing the roles of one member (user or machine-to-machine application) in one organization;
// saving replaces them all at once.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { api, seg } from '../../lib/api.js';
import { RoleChecklist } from './RoleChecklist.jsx';
import { useOrgRoles } from './useOrgRoles.js';

// `collection`: 'users' or 'applications' (the Management API path); `roleType`: the organization
// role type offered ('User' or 'MachineToMachine'); `name`: how the member is called in the title.
export function RolesDialog({ org, member, collection, roleType, name, legend, onClose, onSaved }) {
  const open = !!member;
  const [roleIds, setRoleIds] = useState([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const roles = useOrgRoles(roleType, [open]);
  useEffect(() => {
    if (!member) return;
    setRoleIds(member.organizationRoles?.map((r) => r.id) ?? []);
    setError(null);
  }, [member]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/organizations/${seg(org.id)}/${collection}/${seg(member.id)}/roles`, { organizationRoleIds: roleIds });
      setBusy(false);
      onSaved();
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Dialog open={open} title={`Roles of ${name} in ${org.name}`} onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={save} disabled={busy}>{busy ? 'Saving…' : 'Save roles'}</button>
        </>
      }
    >
      <ErrorAlert error={roles.error} />
      <RoleChecklist legend={legend} roles={roles.roles} checked={roleIds} onChange={setRoleIds} more={roles.more} />
      <ErrorAlert error={error} />
    </Dialog>
  );
}

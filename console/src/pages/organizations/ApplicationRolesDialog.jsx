// Choosing the roles of one machine-to-machine application in one organization.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { api, seg } from '../../lib/api.js';
import { RoleChecklist } from './RoleChecklist.jsx';
import { useOrgRoles } from './useOrgRoles.js';

export function ApplicationRolesDialog({ org, app, onClose, onSaved }) {
  const open = !!app;
  const [roleIds, setRoleIds] = useState([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const roles = useOrgRoles('MachineToMachine', [open]);
  useEffect(() => {
    if (!app) return;
    setRoleIds(app.organizationRoles?.map((r) => r.id) ?? []);
    setError(null);
  }, [app]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/organizations/${seg(org.id)}/applications/${seg(app.id)}/roles`, { organizationRoleIds: roleIds });
      setBusy(false);
      onSaved();
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Dialog open={open} title={`Roles of ${app?.name ?? ''} in ${org.name}`} onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={save} disabled={busy}>{busy ? 'Saving…' : 'Save roles'}</button>
        </>
      }
    >
      <ErrorAlert error={roles.error} />
      <RoleChecklist legend="Machine-to-machine roles in this organization" roles={roles.roles} checked={roleIds} onChange={setRoleIds} more={roles.more} />
      <ErrorAlert error={error} />
    </Dialog>
  );
}

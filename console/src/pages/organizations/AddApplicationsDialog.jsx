// Adding machine-to-machine applications to an organization (server search), with roles.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Picker } from '../../components/Picker.jsx';
import { api, seg } from '../../lib/api.js';
import { RoleChecklist } from './RoleChecklist.jsx';
import { useOrgRoles } from './useOrgRoles.js';

export function AddApplicationsDialog({ open, org, onClose, onAdded }) {
  const [apps, setApps] = useState([]);
  const [roleIds, setRoleIds] = useState([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const roles = useOrgRoles('MachineToMachine', [open]);
  useEffect(() => {
    if (!open) return;
    setApps([]);
    setRoleIds([]);
    setError(null);
  }, [open]);
  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const applicationIds = apps.map((a) => a.id);
      await api.post(`/organizations/${seg(org.id)}/applications`, { applicationIds });
      if (roleIds.length) {
        await api.post(`/organizations/${seg(org.id)}/applications/roles`, { applicationIds, organizationRoleIds: roleIds });
      }
      setBusy(false);
      onAdded(applicationIds.length);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Dialog open={open} title={`Add applications to ${org.name}`} onClose={onClose} busy={busy} wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={add} disabled={busy || !apps.length}>{busy ? 'Adding…' : 'Add'}</button>
        </>
      }
    >
      <div className="two-columns">
        <Picker path="/applications" label="Find machine-to-machine applications" selected={apps} onChange={setApps}
          filters={{ types: 'MachineToMachine', excludeOrganizationId: org.id }}
          describe={(a) => ({ title: a.name, subtitle: a.id })} placeholder="Type to search applications" />
        <div>
          <ErrorAlert error={roles.error} />
          <RoleChecklist legend="Roles to give them (optional)" roles={roles.roles} checked={roleIds} onChange={setRoleIds} more={roles.more} />
        </div>
      </div>
      <ErrorAlert error={error} />
    </Dialog>
  );
}

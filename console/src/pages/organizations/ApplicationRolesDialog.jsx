// Choosing the roles of one machine-to-machine application in one organization.

import { RolesDialog } from './RolesDialog.jsx';

export function ApplicationRolesDialog({ org, app, onClose, onSaved }) {
  return (
    <RolesDialog org={org} member={app} collection="applications" roleType="MachineToMachine"
      name={app?.name ?? ''} legend="Machine-to-machine roles in this organization" onClose={onClose} onSaved={onSaved} />
  );
}

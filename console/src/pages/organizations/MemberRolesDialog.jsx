// Choosing the roles of one user member in one organization.

import { userTitle } from '../../lib/format.js';
import { RolesDialog } from './RolesDialog.jsx';

export function MemberRolesDialog({ org, member, onClose, onSaved }) {
  return (
    <RolesDialog org={org} member={member} collection="users" roleType="User" name={userTitle(member)}
      legend="Roles in this organization" onClose={onClose} onSaved={onSaved} />
  );
}

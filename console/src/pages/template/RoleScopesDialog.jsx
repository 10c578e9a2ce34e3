// Changing which permissions a role grants, in two steps: choose, then review the impact
// across all organizations and apply.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { api, seg } from '../../lib/api.js';
import { roleScopeChanges } from '../../lib/template.js';
import { ImpactPreview } from './ImpactPreview.jsx';
import { ScopeChecklist } from './ScopeChecklist.jsx';
import { useTemplateScopes } from './useTemplateScopes.js';

export async function applyRoleScopeChanges(roleId, { added, removed }) {
  if (added.length) await api.post(`/organization-roles/${seg(roleId)}/scopes`, { organizationScopeIds: added });
  for (const id of removed) await api.del(`/organization-roles/${seg(roleId)}/scopes/${seg(id)}`);
}

export function RoleScopesDialog({ role, onClose, onSaved }) {
  const open = !!role;
  const [checked, setChecked] = useState([]);
  const [step, setStep] = useState('choose');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const scopes = useTemplateScopes([open]);
  const before = role?.scopes?.map((s) => s.id) ?? [];
  useEffect(() => {
    if (!role) return;
    setChecked(role.scopes?.map((s) => s.id) ?? []);
    setStep('choose');
    setError(null);
  }, [role]);
  const changes = roleScopeChanges(role?.id, before, checked);
  const nothing = !changes.added.length && !changes.removed.length;
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      await applyRoleScopeChanges(role.id, changes);
      setBusy(false);
      onSaved();
      onClose();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Dialog open={open} title={`Permissions of role ${role?.name ?? ''}`} onClose={onClose} busy={busy} wide
      footer={
        step === 'choose' ? (
          <>
            <button type="button" className="btn" onClick={onClose}>Cancel</button>
            <button type="button" className="btn btn-primary" disabled={nothing} onClick={() => setStep('review')}>
              Review impact
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => setStep('choose')} disabled={busy}>Back</button>
            <button type="button" className="btn btn-primary" onClick={apply} disabled={busy}>
              {busy ? 'Applying…' : 'Apply to all organizations'}
            </button>
          </>
        )
      }
    >
      {step === 'choose' ? (
        <>
          <ErrorAlert error={scopes.error} />
          <ScopeChecklist legend="Permissions this role grants" scopes={scopes.scopes} total={scopes.total} checked={checked} onChange={setChecked} />
        </>
      ) : (
        <>
          <ChangeSummary changes={changes} scopes={scopes.scopes} />
          <ImpactPreview changes={changes.previews} />
        </>
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}

function ChangeSummary({ changes, scopes }) {
  const name = (id) => scopes.find((s) => s.id === id)?.name ?? id;
  return (
    <ul className="change-summary">
      {changes.added.map((id) => (
        <li key={id} className="impact-gain">Add <code>{name(id)}</code></li>
      ))}
      {changes.removed.map((id) => (
        <li key={id} className="impact-loss">Remove <code>{name(id)}</code></li>
      ))}
    </ul>
  );
}

// Creating a template role with its name, type and permissions in one atomic request.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Field } from '../../components/Field.jsx';
import { api } from '../../lib/api.js';
import { ScopeChecklist } from './ScopeChecklist.jsx';
import { useTemplateScopes } from './useTemplateScopes.js';

export function CreateRoleDialog({ open, onClose, onCreated }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState('User');
  const [scopeIds, setScopeIds] = useState([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const scopes = useTemplateScopes([open]);
  useEffect(() => {
    if (!open) return;
    setName('');
    setDescription('');
    setType('User');
    setScopeIds([]);
    setError(null);
  }, [open]);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), type, organizationScopeIds: scopeIds };
      if (description.trim()) body.description = description.trim();
      const role = await api.post('/organization-roles', body);
      setBusy(false);
      onCreated(role);
      onClose();
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  return (
    <Dialog open={open} title="Create role" onClose={onClose} busy={busy} wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="create-role" className="btn btn-primary" disabled={busy || !name.trim()}>
            {busy ? 'Creating…' : 'Create role'}
          </button>
        </>
      }
    >
      <form id="create-role" onSubmit={submit}>
        <div className="form-row">
          <Field label="Role name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} placeholder="e.g. admin" />
          <Field label="Assigned to" as="select" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="User">Users (members)</option>
            <option value="MachineToMachine">Machine-to-machine applications</option>
          </Field>
        </div>
        <Field label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={256} />
        <ErrorAlert error={scopes.error} />
        <ScopeChecklist legend="Permissions this role grants" scopes={scopes.scopes} total={scopes.total} checked={scopeIds} onChange={setScopeIds} />
        <p className="hint">A new role gives nobody anything until it is assigned, so creating it has no impact yet.</p>
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

// Create or edit an organization: name, description and custom data (a JSON object).

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Field } from '../../components/Field.jsx';
import { api, seg } from '../../lib/api.js';
import { parseJsonObject } from '../../lib/format.js';

/** `organization` given: edit it; otherwise create. `onSaved(org)` after success. */
export function OrganizationDialog({ open, organization, onClose, onSaved }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [customData, setCustomData] = useState('{}');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!open) return;
    setName(organization?.name ?? '');
    setDescription(organization?.description ?? '');
    setCustomData(JSON.stringify(organization?.customData ?? {}, null, 2));
    setError(null);
  }, [open, organization]);
  const data = parseJsonObject(customData);
  const submit = async (e) => {
    e.preventDefault();
    if (data.error) return;
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), description: description.trim() || null, customData: data.value };
      const saved = organization
        ? await api.patch(`/organizations/${seg(organization.id)}`, body)
        : await api.post('/organizations', body);
      setBusy(false);
      onClose();
      onSaved(saved);
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  return (
    <Dialog open={open} title={organization ? 'Edit organization' : 'Create organization'} onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="organization-form" className="btn btn-primary" disabled={busy || !name.trim() || !!data.error}>
            {busy ? 'Saving…' : organization ? 'Save' : 'Create organization'}
          </button>
        </>
      }
    >
      <form id="organization-form" onSubmit={submit}>
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} placeholder="e.g. Organization A" />
        <Field label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={256} />
        <Field label="Custom data (JSON object)" as="textarea" rows={5} className="mono" value={customData}
          onChange={(e) => setCustomData(e.target.value)} aria-invalid={data.error ? 'true' : 'false'}
          hint={data.error ?? 'Free-form data your application reads, e.g. {"plan": "pro"}.'} />
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

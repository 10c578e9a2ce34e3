// Creating an API resource: a name, its indicator (an absolute URI) and token lifetime.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Field } from '../../components/Field.jsx';
import { api } from '../../lib/api.js';

export function CreateResourceDialog({ open, onClose, onCreated }) {
  const [name, setName] = useState('');
  const [indicator, setIndicator] = useState('');
  const [ttl, setTtl] = useState('3600');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!open) return;
    setName('');
    setIndicator('');
    setTtl('3600');
    setError(null);
  }, [open]);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), indicator: indicator.trim() };
      if (ttl.trim()) body.accessTokenTtl = Number(ttl);
      const r = await api.post('/resources', body);
      setBusy(false);
      onClose();
      onCreated(r);
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  return (
    <Dialog open={open} title="Create API resource" onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="create-resource" className="btn btn-primary" disabled={busy || !name.trim() || !indicator.trim()}>{busy ? 'Creating…' : 'Create'}</button>
        </>
      }
    >
      <form id="create-resource" onSubmit={submit}>
        <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} placeholder="e.g. Documents API" />
        <Field label="Resource indicator" value={indicator} onChange={(e) => setIndicator(e.target.value)} required className="mono"
          placeholder="https://api.example.com" hint="An absolute URI; the audience (aud) of tokens for this API. It cannot be changed later." />
        <Field label="Access token lifetime (seconds)" type="number" min="60" value={ttl} onChange={(e) => setTtl(e.target.value)} />
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

// Creating an application with its type and redirect URIs; a confidential one gets its first
// secret at once (shown once by the caller).

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Field } from '../../components/Field.jsx';
import { api, seg } from '../../lib/api.js';
import { APP_TYPES, hasSecrets, lines } from './appTypes.js';

export function CreateApplicationDialog({ open, onClose, onCreated }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [type, setType] = useState('Traditional');
  const [redirects, setRedirects] = useState('');
  const [logouts, setLogouts] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!open) return;
    setName('');
    setDescription('');
    setType('Traditional');
    setRedirects('');
    setLogouts('');
    setError(null);
  }, [open]);
  const signsUsersIn = type !== 'MachineToMachine';
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { name: name.trim(), type };
      if (description.trim()) body.description = description.trim();
      if (signsUsersIn) body.oidcClientMetadata = { redirectUris: lines(redirects), postLogoutRedirectUris: lines(logouts) };
      const app = await api.post('/applications', body);
      let secret = null;
      if (hasSecrets(type)) secret = await api.post(`/applications/${seg(app.id)}/secrets`, { name: 'default' });
      setBusy(false);
      onClose();
      onCreated(app, secret);
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  return (
    <Dialog open={open} title="Create application" onClose={onClose} busy={busy} wide
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="create-app" className="btn btn-primary" disabled={busy || !name.trim()}>{busy ? 'Creating…' : 'Create application'}</button>
        </>
      }
    >
      <form id="create-app" onSubmit={submit}>
        <div className="form-row">
          <Field label="Name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} />
          <Field label="Type" as="select" value={type} onChange={(e) => setType(e.target.value)} hint={APP_TYPES.find((t) => t.value === type)?.hint}>
            {APP_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </Field>
        </div>
        <Field label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={256} />
        {signsUsersIn && (
          <>
            <Field label="Redirect URIs (one per line)" as="textarea" rows={3} className="mono" value={redirects} onChange={(e) => setRedirects(e.target.value)}
              placeholder="https://app.example.com/callback" hint="Exact matches only: where the sign-in sends the user back." />
            <Field label="Post sign-out redirect URIs (one per line)" as="textarea" rows={2} className="mono" value={logouts} onChange={(e) => setLogouts(e.target.value)}
              placeholder="https://app.example.com/" />
          </>
        )}
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

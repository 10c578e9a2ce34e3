// Editing an application's redirect and post sign-out redirect URIs.

import { useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Field } from '../../components/Field.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { api, seg } from '../../lib/api.js';
import { lines } from './appTypes.js';

export function RedirectUrisCard({ app, onSaved }) {
  const meta = app.oidcClientMetadata ?? {};
  const [redirects, setRedirects] = useState((meta.redirectUris ?? []).join('\n'));
  const [logouts, setLogouts] = useState((meta.postLogoutRedirectUris ?? []).join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const toast = useToast();
  const save = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/applications/${seg(app.id)}`, {
        oidcClientMetadata: { ...meta, redirectUris: lines(redirects), postLogoutRedirectUris: lines(logouts) },
      });
      toast.success('Redirect URIs saved');
      onSaved();
    } catch (err) {
      setError(err);
    }
    setBusy(false);
  };
  return (
    <section className="card" aria-labelledby="app-uris">
      <h2 id="app-uris">Redirect URIs</h2>
      <form onSubmit={save}>
        <Field label="Redirect URIs (one per line)" as="textarea" rows={3} className="mono" value={redirects} onChange={(e) => setRedirects(e.target.value)} />
        <Field label="Post sign-out redirect URIs (one per line)" as="textarea" rows={2} className="mono" value={logouts} onChange={(e) => setLogouts(e.target.value)} />
        <ErrorAlert error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? 'Saving…' : 'Save URIs'}</button>
      </form>
    </section>
  );
}

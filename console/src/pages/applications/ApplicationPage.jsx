// One application: details, redirect URIs, client secrets (rotate: new one shown once, then
// delete the old), delete.

import { useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { Link } from '../../components/Link.jsx';
import { PageHeader } from '../../components/PageHeader.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { useAsync } from '../../hooks/useAsync.js';
import { navigate } from '../../hooks/useLocation.js';
import { api, consoleConfig, seg } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { hasSecrets, typeLabel } from './appTypes.js';
import { RedirectUrisCard } from './RedirectUrisCard.jsx';
import { SecretsCard } from './SecretsCard.jsx';

export function ApplicationPage({ id }) {
  const app = useAsync(() => api.get(`/applications/${seg(id)}`), [id]);
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  const back = <Link to="/applications" className="back-link">‹ Applications</Link>;
  if (app.error) return (<><PageHeader title="Application" back={back} /><ErrorAlert error={app.error} /></>);
  if (!app.data) return <p className="loading">Loading application…</p>;
  const a = app.data;
  return (
    <>
      <PageHeader title={a.name} description={a.description || typeLabel(a.type)} back={back}
        actions={<button type="button" className="btn btn-danger-ghost" onClick={() => setDeleting(true)}>Delete application</button>} />
      <section className="card" aria-labelledby="app-details">
        <h2 id="app-details">Details</h2>
        <dl className="details">
          <dt>Client ID</dt>
          <dd><code>{a.id}</code></dd>
          <dt>Type</dt>
          <dd>{typeLabel(a.type)}</dd>
          <dt>Issuer</dt>
          <dd><code>{consoleConfig()?.issuer}</code></dd>
          <dt>Created</dt>
          <dd>{formatDate(a.createdAt)}</dd>
        </dl>
      </section>
      {a.type !== 'MachineToMachine' && <RedirectUrisCard app={a} onSaved={app.reload} />}
      {hasSecrets(a.type) && <SecretsCard app={a} />}
      <ConfirmDialog open={deleting} title={`Delete ${a.name}?`} confirmLabel="Delete application" danger onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.del(`/applications/${seg(a.id)}`);
          toast.success(`Application ${a.name} deleted`);
          navigate('/applications');
        }}>
        <p>Its tokens stop being renewed and its secrets stop working. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

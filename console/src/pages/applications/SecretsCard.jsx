// Client secrets of a confidential application: rotate (a new secret, shown once, while the
// old keeps working until deleted) and delete.

import { useState } from 'react';

import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { DataTable } from '../../components/DataTable.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { useAsync } from '../../hooks/useAsync.js';
import { api, seg } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { SecretDialog } from './SecretDialog.jsx';

/** A secret name not yet used: "rotated-2026-11-28", then "-2", "-3"... */
function nextSecretName(existing) {
  const base = `rotated-${new Date().toISOString().slice(0, 10)}`;
  const names = new Set(existing.map((s) => s.name));
  let name = base;
  for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
  return name;
}

export function SecretsCard({ app }) {
  const secrets = useAsync(() => api.get(`/applications/${seg(app.id)}/secrets`), [app.id]);
  const toast = useToast();
  const [rotating, setRotating] = useState(false);
  const [revealed, setRevealed] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const items = secrets.data ?? [];
  const columns = [
    { key: 'name', header: 'Name', render: (s) => <strong>{s.name}</strong> },
    { key: 'createdAt', header: 'Created', render: (s) => formatDate(s.createdAt) },
    { key: 'expiresAt', header: 'Expires', render: (s) => (s.expiresAt ? formatDate(s.expiresAt) : 'Never') },
    {
      key: 'actions', header: <span className="visually-hidden">Actions</span>, className: 'col-actions',
      render: (s) => <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => setDeleting(s)} aria-label={`Delete secret ${s.name}`}>Delete</button>,
    },
  ];
  return (
    <section className="card" aria-labelledby="app-secrets">
      <div className="card-header">
        <h2 id="app-secrets">Client secrets</h2>
        <button type="button" className="btn btn-primary" onClick={() => setRotating(true)}>Rotate secret</button>
      </div>
      <p className="muted">Secrets are stored hashed and shown only when created. Rotate: create a new one, deploy it, then delete the old one.</p>
      <DataTable columns={columns} rows={items} loading={secrets.loading} error={secrets.error} rowKey={(s) => s.name}
        empty="No secret: this application cannot authenticate. Rotate to create one." caption="Client secrets" />
      <ConfirmDialog open={rotating} title="Create a new client secret?" confirmLabel="Create secret" onClose={() => setRotating(false)}
        onConfirm={async () => {
          const secret = await api.post(`/applications/${seg(app.id)}/secrets`, { name: nextSecretName(items) });
          secrets.reload();
          setRevealed({ app, secret });
        }}>
        <p>The existing secrets keep working until you delete them, so services can switch without downtime.</p>
      </ConfirmDialog>
      <SecretDialog reveal={revealed} onClose={() => setRevealed(null)} />
      <ConfirmDialog open={!!deleting} title={`Delete secret ${deleting?.name ?? ''}?`} confirmLabel="Delete secret" danger onClose={() => setDeleting(null)}
        onConfirm={async () => {
          await api.del(`/applications/${seg(app.id)}/secrets/${seg(deleting.name)}`);
          toast.success(`Secret ${deleting.name} deleted`);
          secrets.reload();
        }}>
        <p>Anything still using this secret can no longer authenticate.</p>
      </ConfirmDialog>
    </section>
  );
}

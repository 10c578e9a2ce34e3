// An organization's settings: name, description, custom data; deleting it.

import { useState } from 'react';

import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { navigate } from '../../hooks/useLocation.js';
import { api, seg } from '../../lib/api.js';
import { formatDate } from '../../lib/format.js';
import { OrganizationDialog } from './OrganizationDialog.jsx';

export function SettingsTab({ org, onChanged }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <section className="card" aria-labelledby="org-details">
        <div className="card-header">
          <h2 id="org-details">Details</h2>
          <button type="button" className="btn" onClick={() => setEditing(true)}>Edit</button>
        </div>
        <dl className="details">
          <dt>Name</dt>
          <dd>{org.name}</dd>
          <dt>ID</dt>
          <dd><code>{org.id}</code></dd>
          <dt>Description</dt>
          <dd>{org.description || <span className="muted">—</span>}</dd>
          <dt>Created</dt>
          <dd>{formatDate(org.createdAt)}</dd>
          <dt>Custom data</dt>
          <dd><pre className="json">{JSON.stringify(org.customData ?? {}, null, 2)}</pre></dd>
        </dl>
      </section>
      <section className="card card-danger" aria-labelledby="org-danger">
        <h2 id="org-danger">Delete organization</h2>
        <p>Removes the organization with all its memberships and role assignments. Users and applications stay.</p>
        <button type="button" className="btn btn-danger" onClick={() => setDeleting(true)}>Delete organization</button>
      </section>
      <OrganizationDialog open={editing} organization={org} onClose={() => setEditing(false)} onSaved={() => {
        toast.success('Organization saved');
        onChanged();
      }} />
      <ConfirmDialog open={deleting} title={`Delete ${org.name}?`} confirmLabel="Delete organization" danger onClose={() => setDeleting(false)}
        onConfirm={async () => {
          await api.del(`/organizations/${seg(org.id)}`);
          toast.success(`Organization ${org.name} deleted`);
          navigate('/organizations');
        }}>
        <p>All members lose access to <strong>{org.name}</strong> at once. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}

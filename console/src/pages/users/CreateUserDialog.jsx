// Creating a user with a username and/or email, a display name and an initial password.

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Field } from '../../components/Field.jsx';
import { api } from '../../lib/api.js';

export function CreateUserDialog({ open, onClose, onCreated }) {
  const [form, setForm] = useState({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!open) return;
    setForm({ username: '', primaryEmail: '', name: '', password: '' });
    setError(null);
  }, [open]);
  const set = (key) => (e) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const identified = form.username?.trim() || form.primaryEmail?.trim();
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, k === 'password' ? v : v.trim()]).filter(([, v]) => v));
      const user = await api.post('/users', body);
      setBusy(false);
      onCreated(user);
      onClose();
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  return (
    <Dialog open={open} title="Create user" onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="create-user" className="btn btn-primary" disabled={busy || !identified}>{busy ? 'Creating…' : 'Create user'}</button>
        </>
      }
    >
      <form id="create-user" onSubmit={submit}>
        <Field label="Username" value={form.username ?? ''} onChange={set('username')} maxLength={128} autoComplete="off" hint="Username or email is needed to sign in." />
        <Field label="Email" type="email" value={form.primaryEmail ?? ''} onChange={set('primaryEmail')} maxLength={128} autoComplete="off" />
        <Field label="Display name" value={form.name ?? ''} onChange={set('name')} maxLength={128} autoComplete="off" />
        <Field label="Initial password" type="password" value={form.password ?? ''} onChange={set('password')} autoComplete="new-password"
          hint="Leave empty for a user who cannot sign in with a password yet." />
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

// Setting a new password for a user (their sessions elsewhere are not touched).

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';
import { Field } from '../../components/Field.jsx';
import { api, seg } from '../../lib/api.js';
import { userTitle } from '../../lib/format.js';

export function PasswordDialog({ user, onClose, onSaved }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    setPassword('');
    setError(null);
  }, [user]);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/users/${seg(user.id)}/password`, { password });
      setBusy(false);
      onSaved();
      onClose();
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  return (
    <Dialog open={!!user} title={`Reset password of ${userTitle(user)}`} onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="reset-password" className="btn btn-primary" disabled={busy || !password}>{busy ? 'Saving…' : 'Set password'}</button>
        </>
      }
    >
      <form id="reset-password" onSubmit={submit}>
        <Field label="New password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required />
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

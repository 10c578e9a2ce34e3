// A create/edit form of name + description (permissions, API resource permissions).

import { useEffect, useState } from 'react';

import { ErrorAlert } from '../components/Alert.jsx';
import { Dialog } from '../components/Dialog.jsx';
import { Field } from '../components/Field.jsx';

export function NameDialog({ open, title, nameLabel, nameHint, initial, submitLabel, onSubmit, onClose }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  useEffect(() => {
    if (!open) return;
    setName(initial.name ?? '');
    setDescription(initial.description ?? '');
    setError(null);
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ name: name.trim(), description: description.trim() || null });
      setBusy(false);
      onClose();
    } catch (err) {
      setBusy(false);
      setError(err);
    }
  };
  const formId = `form-${title.replace(/\W+/g, '-')}`;
  return (
    <Dialog open={open} title={title} onClose={onClose} busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form={formId} className="btn btn-primary" disabled={busy || !name.trim()}>
            {busy ? 'Saving…' : submitLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit}>
        <Field label={nameLabel} hint={nameHint} value={name} onChange={(e) => setName(e.target.value)} required maxLength={128} />
        <Field label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={256} />
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}

// Confirmation before a destructive or wide-reaching action; the action's failure is shown
// inside the dialog, which stays open so the user can read it.

import { useState } from 'react';

import { ErrorAlert } from './Alert.jsx';
import { Dialog } from './Dialog.jsx';

/** `onConfirm` may be async; the dialog closes when it resolves. */
export function ConfirmDialog({ open, title, confirmLabel = 'Confirm', danger = false, onConfirm, onClose, children, disabled = false }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setBusy(false);
      close();
    } catch (e) {
      setBusy(false);
      setError(e);
    }
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      busy={busy}
      footer={
        <>
          <button type="button" className="btn" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="button" className={danger ? 'btn btn-danger' : 'btn btn-primary'} onClick={confirm} disabled={busy || disabled}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <ErrorAlert error={error} />
    </Dialog>
  );
}

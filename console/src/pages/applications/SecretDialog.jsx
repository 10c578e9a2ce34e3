// Shows a new client secret once: it is stored hashed and cannot be read again.

import { useState } from 'react';

import { Note } from '../../components/Alert.jsx';
import { Dialog } from '../../components/Dialog.jsx';

export function SecretDialog({ reveal, onClose }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reveal.secret.value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Dialog open={!!reveal} title="Copy the client secret now" onClose={() => { setCopied(false); onClose(); }}
      footer={<button type="button" className="btn btn-primary" onClick={() => { setCopied(false); onClose(); }}>I have stored it</button>}>
      {reveal && (
        <>
          <Note kind="warning">This is the only time the secret is shown. Gatehouse keeps only its hash.</Note>
          <dl className="details">
            <dt>Application</dt>
            <dd>{reveal.app.name}</dd>
            <dt>Client ID</dt>
            <dd><code>{reveal.app.id}</code></dd>
            <dt>Secret “{reveal.secret.name}”</dt>
            <dd>
              <code className="secret" data-testid="secret-value">{reveal.secret.value}</code>{' '}
              <button type="button" className="btn btn-small" onClick={copy}>{copied ? 'Copied' : 'Copy'}</button>
            </dd>
          </dl>
        </>
      )}
    </Dialog>
  );
}

// Inline messages: errors in words (role="alert" so screen readers announce them), notes.

import { messageOf } from '../lib/errors.js';

/** An error box for a thrown value, or nothing. */
export function ErrorAlert({ error, children }) {
  if (!error) return null;
  return (
    <div className="alert alert-error" role="alert">
      {children ?? messageOf(error)}
    </div>
  );
}

/** A neutral or warning note. */
export function Note({ kind = 'info', children }) {
  return <div className={`alert alert-${kind}`}>{children}</div>;
}

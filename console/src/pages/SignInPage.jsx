// The pages shown outside the Console proper: sign in, "not an administrator", fatal errors.

import { useState } from 'react';

import { signOut, startSignIn } from '../lib/auth.js';
import { messageOf } from '../lib/errors.js';

function Card({ title, children }) {
  return (
    <div className="center-screen">
      <section className="card card-narrow" aria-labelledby="card-title">
        <div className="brand brand-dark">
          <span className="brand-mark" aria-hidden="true">
            G
          </span>
          <span>
            Gatehouse <span className="brand-sub">Console</span>
          </span>
        </div>
        <h1 id="card-title">{title}</h1>
        {children}
      </section>
    </div>
  );
}

export function SignInPage({ config }) {
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const go = () => {
    setBusy(true);
    const here = window.location.pathname + window.location.search;
    startSignIn(config, here).catch((e) => {
      setBusy(false);
      setError(e);
    });
  };
  return (
    <Card title="Sign in to manage Gatehouse">
      <p>Organizations, their members and roles, users, applications and API resources.</p>
      <p className="muted">You need an administrator account: one holding the Management API permission “all”.</p>
      {error && (
        <div className="alert alert-error" role="alert">
          {messageOf(error)}
        </div>
      )}
      <button type="button" className="btn btn-primary btn-block" onClick={go} disabled={busy}>
        {busy ? 'Redirecting…' : 'Sign in'}
      </button>
    </Card>
  );
}

export function NotAdminPage({ config, session }) {
  const who = session.user?.username || session.user?.name || session.user?.sub;
  return (
    <Card title="This account is not an administrator">
      <div className="alert alert-error" role="alert">
        You are signed in{who ? ` as ${who}` : ''}, but this account does not hold the Management API permission “all”,
        so the Console cannot show or change anything.
      </div>
      <p className="muted">Ask an administrator to give you a global role with the permission “all”, or sign in with another account.</p>
      <button type="button" className="btn btn-primary btn-block" onClick={() => signOut(config)}>
        Sign out
      </button>
    </Card>
  );
}

export function Fatal({ config, error }) {
  return (
    <Card title="The Console could not start">
      <div className="alert alert-error" role="alert">
        {messageOf(error)}
      </div>
      {config && (
        <button type="button" className="btn btn-primary btn-block" onClick={() => startSignIn(config)}>
          Sign in again
        </button>
      )}
    </Card>
  );
}

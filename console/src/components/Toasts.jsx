// Short notices after an action ("Organization created", or an error in words), announced
// through an aria-live region and dismissed after a few seconds.

import { createContext, useCallback, useContext, useMemo, useState } from 'react';

import { messageOf } from '../lib/errors.js';

const ToastContext = createContext(null);
let nextId = 1;

export function ToastProvider({ children }) {
  const [toasts, setToasts] = useState([]);
  const dismiss = useCallback((id) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (kind, text) => {
      const id = nextId++;
      setToasts((all) => [...all.slice(-2), { id, kind, text }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4000);
    },
    [dismiss],
  );
  const value = useMemo(
    () => ({ success: (text) => push('success', text), error: (e) => push('error', messageOf(e)) }),
    [push],
  );
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" aria-live="polite" role="status">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`}>
            <span>{t.text}</span>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** {success(text), error(errorOrText)}. */
export function useToast() {
  return useContext(ToastContext);
}

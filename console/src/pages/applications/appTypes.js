// Application types as people read them.

export const APP_TYPES = [
  { value: 'Traditional', label: 'Traditional web app', hint: 'Server-rendered; keeps a client secret.' },
  { value: 'SPA', label: 'Single-page app', hint: 'Runs in the browser; public client with PKCE.' },
  { value: 'Native', label: 'Native app', hint: 'Mobile or desktop; public client with PKCE.' },
  { value: 'MachineToMachine', label: 'Machine-to-machine', hint: 'A service with a client secret; can join organizations.' },
];

export const typeLabel = (t) => APP_TYPES.find((x) => x.value === t)?.label ?? t;

/** Confidential clients authenticate with a secret (API.md: Traditional and MachineToMachine). */
export const hasSecrets = (t) => t === 'Traditional' || t === 'MachineToMachine';

/** Lines of a textarea as a list of non-empty trimmed strings. */
export const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

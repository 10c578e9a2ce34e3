// Turning Management API failures into sentences a person can act on.

/** An answer of the Management API other than 2xx; `message` is already in words. */
export class ApiError extends Error {
  constructor(status, body, message) {
    super(message);
    this.status = status;
    this.code = body?.code;
    this.body = body;
  }
}

const BY_CODE = {
  'auth.forbidden': 'Your account is signed in but does not hold the Management API permission "all".',
  'auth.unauthorized': 'Your session has expired. Please sign in again.',
  'entity.unique_integrity_violation': 'This name is already taken: something with the same name or identifier already exists.',
  'user.username_already_in_use': 'This username is already taken.',
  'user.email_already_in_use': 'This email address is already used by another user.',
  'organization.require_membership': 'This user is not a member of the organization.',
  'guard.invalid_pagination': 'That page does not exist.',
};

// Codes whose server message is generic ("The value is already in use."): ours says more.
const OURS_FIRST = new Set(['entity.unique_integrity_violation']);

/**
 * The sentence to show for an error answer: the server's own message when it has one (it is
 * written for people), else a known phrase for the code, else the HTTP status.
 */
export function describeApiError(status, body) {
  const known = body?.code && BY_CODE[body.code];
  if (known && (status === 401 || status === 403 || OURS_FIRST.has(body.code))) return known;
  if (typeof body?.message === 'string' && body.message.trim()) {
    const message = body.message.trim();
    const details = typeof body.details === 'string' && body.details.trim() ? ` (${body.details.trim()})` : '';
    return /[.!?]$/.test(message) ? message + details : `${message}.${details}`;
  }
  if (known) return known;
  if (status === 404) return 'Not found: it may have been deleted.';
  if (status >= 500) return `The server failed (HTTP ${status}). Try again; if it persists, check the server log.`;
  return `The request failed (HTTP ${status}).`;
}

/** The text of any thrown value, for toasts and inline alerts. */
export function messageOf(error) {
  if (error instanceof ApiError) return error.message;
  if (error?.name === 'TypeError') return 'The server could not be reached. Check your connection.';
  return error?.message || String(error);
}

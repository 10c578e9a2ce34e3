// Display helpers.

/** "28 Nov 2026, 03:18" for epoch milliseconds; "—" when missing. */
export function formatDate(ms) {
  if (!ms) return '—';
  return new Date(ms).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Parses text that must be a JSON object: {value} or {error: sentence}. Empty text is {}. */
export function parseJsonObject(text) {
  if (!text.trim()) return { value: {} };
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'Custom data must be a JSON object, like {"plan": "pro"}.' };
    return { value };
  } catch (e) {
    return { error: `Not valid JSON: ${e.message}` };
  }
}

/** The best name of a user for display. */
export function userTitle(u) {
  return u?.name || u?.username || u?.primaryEmail || u?.primaryPhone || u?.id || '?';
}

/** Secondary line of a user: username / email, whichever the title did not use. */
export function userSubtitle(u) {
  const parts = [u?.username, u?.primaryEmail].filter((x) => x && x !== userTitle(u));
  return parts.join(' · ');
}

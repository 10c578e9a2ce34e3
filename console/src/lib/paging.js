// Page arithmetic for server-side pagination (`page` 1-based, `Total-Number` header).

export const PAGE_SIZE = 20;

/** Number of pages for `total` items (at least 1, so "page 1 of 1" when empty). */
export function pageCount(total, pageSize = PAGE_SIZE) {
  return Math.max(1, Math.ceil((Number(total) || 0) / pageSize));
}

/** "21–40 of 1,000,000" for the given page, or "No results". */
export function rangeText(page, pageSize, total) {
  if (!total) return 'No results';
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const fmt = (n) => n.toLocaleString('en-US');
  return `${fmt(first)}–${fmt(last)} of ${fmt(total)}`;
}

/** The page to show after deleting one item of `page`, so the view never lands past the end. */
export function pageAfterDelete(page, pageSize, totalBefore) {
  return Math.min(page, pageCount(Math.max(0, totalBefore - 1), pageSize));
}

/** `{page, page_size, ...filters}` without empty values, as query string. */
export function listQuery({ page = 1, pageSize = PAGE_SIZE, q, ...rest } = {}) {
  const params = new URLSearchParams({ page: String(page), page_size: String(pageSize) });
  if (q && q.trim()) params.set('q', q.trim());
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return params.toString();
}

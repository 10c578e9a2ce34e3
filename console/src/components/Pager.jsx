// Previous / next page controls with "21–40 of 1,000,000"; pages come from the server.

import { pageCount, rangeText } from '../lib/paging.js';

export function Pager({ page, pageSize, total, onPage, loading = false, label = 'Pagination' }) {
  const pages = pageCount(total, pageSize);
  return (
    <nav className="pager" aria-label={label}>
      <span className="pager-range">{loading ? '' : rangeText(page, pageSize, total)}</span>
      <button type="button" className="btn btn-small" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        ‹ Previous
      </button>
      <span className="pager-page">
        Page {page.toLocaleString('en-US')} of {pages.toLocaleString('en-US')}
      </span>
      <button type="button" className="btn btn-small" onClick={() => onPage(page + 1)} disabled={page >= pages}>
        Next ›
      </button>
    </nav>
  );
}

// A server-side paginated, searchable list. Only one page is ever loaded (lists may hold
// millions of rows); the search is debounced before it reaches the server.

import { useEffect, useState } from 'react';

import { api } from '../lib/api.js';
import { PAGE_SIZE } from '../lib/paging.js';
import { useAsync, useDebounced } from './useAsync.js';

/** {items, total, page, setPage, search, setSearch, loading, error, reload} for `path`. */
export function usePagedList(path, { filters = {}, pageSize = PAGE_SIZE } = {}) {
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(1), [q, filterKey]);
  const { data, error, loading, reload } = useAsync(
    () => api.list(path, { page, pageSize, q, ...filters }),
    [path, page, pageSize, q, filterKey],
  );
  const total = data?.total ?? 0;
  return {
    pager: { page, pageSize, total, onPage: setPage, loading: data === undefined },
    items: data?.items ?? [],
    total: data?.total ?? 0,
    loaded: data !== undefined,
    page,
    pageSize,
    setPage,
    search,
    setSearch,
    searching: search !== q,
    loading,
    error,
    reload,
  };
}

// The organization permissions of the template for checkboxes (the first 100 by name; a
// template is small, and the note below the list says when there are more).

import { useAsync } from '../../hooks/useAsync.js';
import { api } from '../../lib/api.js';

export const SCOPES_SHOWN = 100;

export function useTemplateScopes(deps = []) {
  const { data, error, loading, reload } = useAsync(
    () => api.list('/organization-scopes', { page: 1, pageSize: SCOPES_SHOWN }),
    deps,
  );
  return { scopes: data?.items ?? [], total: data?.total ?? 0, error, loading, reload };
}

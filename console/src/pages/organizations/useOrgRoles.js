// The template roles that can be assigned to members (type User) or applications
// (MachineToMachine): the first 100 by name, filtered here.

import { useAsync } from '../../hooks/useAsync.js';
import { api } from '../../lib/api.js';

export function useOrgRoles(type, deps = []) {
  const { data, error, loading } = useAsync(() => api.list('/organization-roles', { page: 1, pageSize: 100 }), deps);
  const roles = (data?.items ?? []).filter((r) => (r.type ?? 'User') === type);
  return { roles, error, loading, more: (data?.total ?? 0) > (data?.items?.length ?? 0) };
}

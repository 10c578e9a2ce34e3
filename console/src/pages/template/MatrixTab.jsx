// The role × permission matrix: one checkbox per (role, permission); toggling one shows the
// impact across all organizations before it is applied.

import { useState } from 'react';

import { ErrorAlert, Note } from '../../components/Alert.jsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.jsx';
import { Pager } from '../../components/Pager.jsx';
import { useToast } from '../../components/Toasts.jsx';
import { usePagedList } from '../../hooks/usePagedList.js';
import { ImpactPreview } from './ImpactPreview.jsx';
import { applyRoleScopeChanges } from './RoleScopesDialog.jsx';
import { useTemplateScopes } from './useTemplateScopes.js';

const ROLES_PER_PAGE = 25;

export function MatrixTab() {
  const roles = usePagedList('/organization-roles', { pageSize: ROLES_PER_PAGE });
  const scopes = useTemplateScopes();
  const toast = useToast();
  const [pending, setPending] = useState(null); // {role, scope, grant}
  const holds = (role, scope) => role.scopes?.some((s) => s.id === scope.id);
  if (scopes.error || roles.error) return <ErrorAlert error={scopes.error ?? roles.error} />;
  if (roles.loaded && !roles.total) return <Note>Create roles and permissions first; the matrix then shows which role grants what.</Note>;
  const change = pending && {
    change: pending.grant ? 'addRoleScopes' : 'removeRoleScopes',
    organizationRoleId: pending.role.id,
    organizationScopeIds: [pending.scope.id],
  };
  return (
    <section aria-label="Role × permission matrix">
      <div className="matrix-wrap">
        <table className="table matrix">
          <caption className="visually-hidden">Which role grants which permission</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              {scopes.scopes.map((s) => (
                <th key={s.id} scope="col" className="matrix-col">
                  <code>{s.name}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {roles.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                {scopes.scopes.map((s) => (
                  <td key={s.id} className="matrix-cell">
                    <input
                      type="checkbox"
                      checked={!!holds(r, s)}
                      aria-label={`${r.name} grants ${s.name}`}
                      onChange={() => setPending({ role: r, scope: s, grant: !holds(r, s) })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {scopes.total > scopes.scopes.length && <p className="hint">Showing the first {scopes.scopes.length} of {scopes.total} permissions.</p>}
      <Pager {...roles.pager} label="Roles pages" />
      <ConfirmDialog
        open={!!pending}
        title={pending ? `${pending.grant ? 'Grant' : 'Revoke'} ${pending.scope.name} ${pending.grant ? 'to' : 'from'} ${pending.role.name}?` : ''}
        confirmLabel={pending?.grant ? 'Grant in all organizations' : 'Revoke in all organizations'}
        danger={!pending?.grant}
        onClose={() => setPending(null)}
        onConfirm={async () => {
          const { role, scope, grant } = pending;
          await applyRoleScopeChanges(role.id, grant ? { added: [scope.id], removed: [] } : { added: [], removed: [scope.id] });
          toast.success(`${role.name} ${grant ? 'now grants' : 'no longer grants'} ${scope.name}`);
          roles.reload();
        }}
      >
        {change && <ImpactPreview changes={change} />}
      </ConfirmDialog>
    </section>
  );
}

// Template changes as the impact preview and the API want them.

/** The permissions to add and remove to turn `before` into `after` (id lists), and the
 * impact-preview requests that describe it. */
export function roleScopeChanges(roleId, before, after) {
  const added = after.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.includes(id));
  const previews = [];
  if (added.length) previews.push({ change: 'addRoleScopes', organizationRoleId: roleId, organizationScopeIds: added });
  if (removed.length) previews.push({ change: 'removeRoleScopes', organizationRoleId: roleId, organizationScopeIds: removed });
  return { added, removed, previews };
}

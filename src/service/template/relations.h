// Role ↔ permission relations of the organization template (API.md
// "/organization-roles/:id/scopes" and ".../resource-scopes"). Writes drop the template cache.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"

namespace gatehouse::service {

// Which relation: organization scopes or API resource scopes.
enum class RolePermissionKind { kOrganizationScope, kResourceScope };

// The organization scopes of a role, by name. NotFound when the role is absent.
Result<std::vector<model::OrganizationScope>> ListRoleOrganizationScopes(const Context& ctx,
                                                                         const std::string& role_id);
// The API resource scopes of a role, by resource then name. NotFound when the role is absent.
Result<std::vector<model::Scope>> ListRoleResourceScopes(const Context& ctx,
                                                         const std::string& role_id);

// Adds (idempotent) or replaces the role's permissions of `kind`. ForeignKey when the role or a
// scope id is unknown; then nothing changes.
Result<void> AddRolePermissions(const Context& ctx, RolePermissionKind kind,
                                const std::string& role_id, const std::vector<std::string>& ids);
Result<void> ReplaceRolePermissions(const Context& ctx, RolePermissionKind kind,
                                    const std::string& role_id,
                                    const std::vector<std::string>& ids);
// NotFoundRelation when the role does not hold that scope (or does not exist).
Result<void> RemoveRolePermission(const Context& ctx, RolePermissionKind kind,
                                  const std::string& role_id, const std::string& scope_id);

}  // namespace gatehouse::service

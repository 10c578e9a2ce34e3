// The organization template's business rules (PRODUCT.md §2, API.md "Organization template"):
// organization scopes (permissions) and organization roles. Every write runs in one transaction
// (a failed request changes nothing) and then drops the template cache, so the next permission
// evaluation on this node reloads; other nodes notice through the store's template version.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "store/organization_template_repo.h"

namespace gatehouse::service {

// ----- organization scopes -----

// A field that PATCH may set to null: nullopt = leave unchanged; optional(nullopt) = set null.
template <typename T>
using Nullable = std::optional<std::optional<T>>;

struct OrganizationScopePatch {
  std::optional<std::string> name;
  Nullable<std::string> description;
};

// Conflict when the name is taken.
Result<model::OrganizationScope> CreateOrganizationScope(const Context& ctx, std::string name,
                                                         std::optional<std::string> description);
// NotFound (entity.not_exists_with_id) when absent.
Result<model::OrganizationScope> GetOrganizationScope(const Context& ctx, const std::string& id);
// Ordered by name; `q` over name; page nullopt = all.
Result<model::Page<model::OrganizationScope>> ListOrganizationScopes(
    const Context& ctx, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page);
// NotFound when absent; Conflict when the new name is taken.
Result<model::OrganizationScope> UpdateOrganizationScope(const Context& ctx, const std::string& id,
                                                         const OrganizationScopePatch& patch);
// NotFoundRelation (entity.not_found) when absent. Roles lose the scope.
Result<void> DeleteOrganizationScope(const Context& ctx, const std::string& id);

// ----- organization roles -----

struct OrganizationRoleInput {
  std::string name;
  std::optional<std::string> description;
  model::RoleType type = model::RoleType::kUser;
  std::vector<std::string> organization_scope_ids;
  std::vector<std::string> resource_scope_ids;  // API resource scopes
};

struct OrganizationRolePatch {
  std::optional<std::string> name;
  Nullable<std::string> description;
  std::optional<model::RoleType> type;
};

// A role with what it grants (GET /organization-roles items).
struct OrganizationRoleDetail {
  model::OrganizationRole role;
  std::vector<model::OrganizationScope> scopes;             // by name
  std::vector<store::RoleResourceScopeRow> resource_scopes;  // by resource name, scope name
};

// Atomic: the role and its scopes, or nothing. Conflict when the name is taken; ForeignKey
// (entity.relation_foreign_key_not_found) when a scope id is unknown.
Result<model::OrganizationRole> CreateOrganizationRole(const Context& ctx,
                                                       OrganizationRoleInput input);
Result<model::OrganizationRole> GetOrganizationRole(const Context& ctx, const std::string& id);
// Ordered by name; `q` over id, name, description; each with its scopes (no per-role queries).
Result<model::Page<OrganizationRoleDetail>> ListOrganizationRoles(
    const Context& ctx, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page);
// NotFound / Conflict as for scopes. Changing the type of a role that members of the other kind
// hold is refused (Constraint, entity.db_constraint_violated): users hold only User roles and
// applications only MachineToMachine roles.
Result<model::OrganizationRole> UpdateOrganizationRole(const Context& ctx, const std::string& id,
                                                       const OrganizationRolePatch& patch);
// NotFoundRelation when absent. Members lose the role everywhere.
Result<void> DeleteOrganizationRole(const Context& ctx, const std::string& id);

// Drops the process's template snapshot (after a committed template write).
void TemplateChanged(const Context& ctx);

}  // namespace gatehouse::service

// OrganizationTemplateRepo: the one organization template — organization scopes (permissions),
// organization roles, and the role ↔ scope / role ↔ resource-scope relations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

// One organization scope of one role (role listings without N+1 queries).
struct RoleScopeRow {
  std::string role_id;
  model::OrganizationScope scope;
};

// One API-resource scope of one role, with the resource it belongs to.
struct RoleResourceScopeRow {
  std::string role_id;
  model::Scope scope;
  std::string resource_name;
  std::string resource_indicator;
};

// The whole template, as the authorization snapshot (authz::TemplateSnapshot) is built from it.
struct TemplateRows {
  int64_t version = 0;
  std::vector<model::OrganizationRole> roles;
  std::vector<RoleScopeRow> role_scopes;
  std::vector<RoleResourceScopeRow> role_resource_scopes;
};

class OrganizationTemplateRepo {
 public:
  virtual ~OrganizationTemplateRepo() = default;

  // Organization scopes. Names unique (Conflict).
  virtual Result<void> InsertScope(const model::OrganizationScope& scope) = 0;
  virtual Result<void> UpdateScope(const model::OrganizationScope& scope) = 0;
  virtual Result<std::optional<model::OrganizationScope>> FindScope(const std::string& id) = 0;
  // Ordered by name; `q` over name.
  virtual Result<model::Page<model::OrganizationScope>> ListScopes(
      const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> DeleteScope(const std::string& id) = 0;
  virtual Result<std::vector<model::OrganizationScope>> FindScopes(
      const std::vector<std::string>& ids) = 0;

  // Organization roles. Names unique (Conflict).
  virtual Result<void> InsertRole(const model::OrganizationRole& role) = 0;
  virtual Result<void> UpdateRole(const model::OrganizationRole& role) = 0;
  virtual Result<std::optional<model::OrganizationRole>> FindRole(const std::string& id) = 0;
  // Ordered by name; `q` over id, name, description.
  virtual Result<model::Page<model::OrganizationRole>> ListRoles(
      const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> DeleteRole(const std::string& id) = 0;
  virtual Result<std::vector<model::OrganizationRole>> FindRoles(const std::vector<std::string>& ids) = 0;
  virtual Result<std::vector<model::OrganizationRole>> FindRolesByName(
      const std::vector<std::string>& names) = 0;

  // Role ↔ organization scope. Add is idempotent; ForeignKey if a scope id is unknown.
  virtual Result<void> AddRoleScopes(const std::string& role_id, const std::vector<std::string>& ids) = 0;
  virtual Result<void> ReplaceRoleScopes(const std::string& role_id,
                                         const std::vector<std::string>& ids) = 0;
  virtual Result<bool> RemoveRoleScope(const std::string& role_id, const std::string& scope_id) = 0;
  virtual Result<std::vector<model::OrganizationScope>> ListRoleScopes(const std::string& role_id) = 0;

  // Role ↔ resource scope (API resource permissions granted inside an organization).
  virtual Result<void> AddRoleResourceScopes(const std::string& role_id,
                                             const std::vector<std::string>& ids) = 0;
  virtual Result<void> ReplaceRoleResourceScopes(const std::string& role_id,
                                                 const std::vector<std::string>& ids) = 0;
  virtual Result<bool> RemoveRoleResourceScope(const std::string& role_id,
                                               const std::string& scope_id) = 0;
  virtual Result<std::vector<model::Scope>> ListRoleResourceScopes(const std::string& role_id) = 0;

  // The scopes of every role in `role_ids`, ordered by role id then scope name.
  virtual Result<std::vector<RoleScopeRow>> RoleScopesOf(const std::vector<std::string>& role_ids) = 0;
  // The resource scopes of every role in `role_ids`, ordered by role id, resource name, scope name.
  virtual Result<std::vector<RoleResourceScopeRow>> RoleResourceScopesOf(
      const std::vector<std::string>& role_ids) = 0;

  // The template version: a counter the database bumps (triggers) on every write that can
  // change what a role grants — organization scopes, roles, their relations, and the names of
  // API resource scopes / resource indicators. Cheap (one row); the token path compares it
  // with its cached snapshot's version to know the snapshot is current, even across nodes.
  virtual Result<int64_t> Version() = 0;
  // Every role with its scopes and resource scopes, and the version they were read at.
  // REQUIRES: called inside one Read/Write unit of work (a consistent snapshot).
  virtual Result<TemplateRows> LoadAll() = 0;
};

}  // namespace gatehouse::store

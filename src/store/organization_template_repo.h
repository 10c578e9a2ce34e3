// OrganizationTemplateRepo: the one organization template — organization scopes (permissions),
// organization roles, and the role ↔ scope / role ↔ resource-scope relations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

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
};

}  // namespace gatehouse::store

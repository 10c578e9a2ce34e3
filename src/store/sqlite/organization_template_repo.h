// SqliteOrganizationTemplateRepo: the organization template in tables organization_scopes,
// organization_roles, organization_role_scopes and organization_role_resource_scopes
// (doc/schema.md). Id lists are passed to SQLite as one JSON array bound to `json_each(?)`, so
// every statement stays prepared and cached whatever the list length.
#pragma once

#include "store/organization_template_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteOrganizationTemplateRepo final : public OrganizationTemplateRepo {
 public:
  // Registers gh_fold (case-insensitive search) on `c`.
  explicit SqliteOrganizationTemplateRepo(Connection& c);

  Result<void> InsertScope(const model::OrganizationScope& scope) override;
  Result<void> UpdateScope(const model::OrganizationScope& scope) override;
  Result<std::optional<model::OrganizationScope>> FindScope(const std::string& id) override;
  Result<model::Page<model::OrganizationScope>> ListScopes(
      const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) override;
  Result<bool> DeleteScope(const std::string& id) override;
  Result<std::vector<model::OrganizationScope>> FindScopes(const std::vector<std::string>& ids) override;

  Result<void> InsertRole(const model::OrganizationRole& role) override;
  Result<void> UpdateRole(const model::OrganizationRole& role) override;
  Result<std::optional<model::OrganizationRole>> FindRole(const std::string& id) override;
  Result<model::Page<model::OrganizationRole>> ListRoles(
      const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) override;
  Result<bool> DeleteRole(const std::string& id) override;
  Result<std::vector<model::OrganizationRole>> FindRoles(const std::vector<std::string>& ids) override;
  Result<std::vector<model::OrganizationRole>> FindRolesByName(
      const std::vector<std::string>& names) override;

  Result<void> AddRoleScopes(const std::string& role_id, const std::vector<std::string>& ids) override;
  Result<void> ReplaceRoleScopes(const std::string& role_id,
                                 const std::vector<std::string>& ids) override;
  Result<bool> RemoveRoleScope(const std::string& role_id, const std::string& scope_id) override;
  Result<std::vector<model::OrganizationScope>> ListRoleScopes(const std::string& role_id) override;

  Result<void> AddRoleResourceScopes(const std::string& role_id,
                                     const std::vector<std::string>& ids) override;
  Result<void> ReplaceRoleResourceScopes(const std::string& role_id,
                                         const std::vector<std::string>& ids) override;
  Result<bool> RemoveRoleResourceScope(const std::string& role_id,
                                       const std::string& scope_id) override;
  Result<std::vector<model::Scope>> ListRoleResourceScopes(const std::string& role_id) override;

  Result<std::vector<RoleScopeRow>> RoleScopesOf(const std::vector<std::string>& role_ids) override;
  Result<std::vector<RoleResourceScopeRow>> RoleResourceScopesOf(
      const std::vector<std::string>& role_ids) override;
  Result<int64_t> Version() override;
  Result<TemplateRows> LoadAll() override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::sqlite

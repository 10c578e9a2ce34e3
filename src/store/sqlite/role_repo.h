// SqliteRoleRepo: Global roles in table roles; relations in roles_scopes, users_roles,
// applications_roles.
#pragma once

#include "store/role_repo.h"
#include "store/sqlite/connection.h"

namespace gatehouse::store::sqlite {

class SqliteRoleRepo final : public RoleRepo {
 public:
  // Registers gh_fold (Unicode case folding for `q` search) on the connection.
  explicit SqliteRoleRepo(Connection& c);
  Result<void> Insert(const model::Role& role) override;
  Result<void> Update(const model::Role& role) override;
  Result<std::optional<model::Role>> Find(const std::string& id) override;
  Result<std::optional<model::Role>> FindByName(const std::string& name) override;
  Result<model::Page<model::Role>> List(const std::optional<std::string>& q,
                                        const std::optional<model::RoleType>& type,
                                        const std::optional<model::PageRequest>& page) override;
  Result<model::Page<model::Role>> Search(const RoleFilter& filter,
                                          const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<std::vector<RoleHolders>> Holders(const std::vector<std::string>& role_ids,
                                           int featured_limit) override;

  Result<void> AddScopes(const std::string& role_id, const std::vector<std::string>& ids) override;
  Result<std::vector<model::Scope>> ListScopes(const std::string& role_id) override;
  Result<model::Page<ScopeWithResource>> SearchScopes(
      const std::string& role_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) override;
  Result<bool> RemoveScope(const std::string& role_id, const std::string& scope_id) override;

  Result<void> AddUsers(const std::string& role_id, const std::vector<std::string>& ids) override;
  Result<model::Page<model::User>> ListUsers(
      const std::string& role_id, const std::optional<model::PageRequest>& page,
      const std::optional<std::string>& q = std::nullopt) override;
  Result<std::vector<std::string>> UsersHolding(const std::string& role_id,
                                                const std::vector<std::string>& ids) override;
  Result<bool> RemoveUser(const std::string& role_id, const std::string& user_id) override;

  Result<void> AddApplications(const std::string& role_id,
                               const std::vector<std::string>& ids) override;
  Result<model::Page<model::Application>> ListApplications(
      const std::string& role_id, const std::optional<model::PageRequest>& page,
      const std::optional<std::string>& q = std::nullopt) override;
  Result<std::vector<std::string>> ApplicationsHolding(
      const std::string& role_id, const std::vector<std::string>& ids) override;
  Result<bool> RemoveApplication(const std::string& role_id, const std::string& app_id) override;

  Result<std::vector<std::string>> ApplicationResourceScopes(
      const std::string& app_id, const std::string& resource_id) override;
  Result<std::vector<std::string>> UserResourceScopes(const std::string& user_id,
                                                      const std::string& resource_id) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::sqlite

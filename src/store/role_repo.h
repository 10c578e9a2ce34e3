// RoleRepo: global roles, their scopes, and their users / M2M applications.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

class RoleRepo {
 public:
  virtual ~RoleRepo() = default;
  virtual Result<void> Insert(const model::Role& role) = 0;
  virtual Result<void> Update(const model::Role& role) = 0;
  virtual Result<std::optional<model::Role>> Find(const std::string& id) = 0;
  virtual Result<model::Page<model::Role>> List(const std::optional<std::string>& q,
                                                const std::optional<model::RoleType>& type,
                                                const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> Delete(const std::string& id) = 0;

  virtual Result<void> AddScopes(const std::string& role_id, const std::vector<std::string>& ids) = 0;
  virtual Result<std::vector<model::Scope>> ListScopes(const std::string& role_id) = 0;
  virtual Result<bool> RemoveScope(const std::string& role_id, const std::string& scope_id) = 0;

  virtual Result<void> AddUsers(const std::string& role_id, const std::vector<std::string>& ids) = 0;
  virtual Result<model::Page<model::User>> ListUsers(const std::string& role_id,
                                                     const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> RemoveUser(const std::string& role_id, const std::string& user_id) = 0;

  virtual Result<void> AddApplications(const std::string& role_id,
                                       const std::vector<std::string>& ids) = 0;
  virtual Result<model::Page<model::Application>> ListApplications(
      const std::string& role_id, const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> RemoveApplication(const std::string& role_id, const std::string& app_id) = 0;

  // The names of the scopes of `resource_id` that the application holds through its global
  // roles (client_credentials grant).
  virtual Result<std::vector<std::string>> ApplicationResourceScopes(
      const std::string& app_id, const std::string& resource_id) = 0;
  // The same for a user (refresh_token grant with `resource`).
  virtual Result<std::vector<std::string>> UserResourceScopes(const std::string& user_id,
                                                              const std::string& resource_id) = 0;
};

}  // namespace gatehouse::store

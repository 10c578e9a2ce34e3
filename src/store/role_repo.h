// RoleRepo: global roles, their scopes (API resource permissions), and their users / M2M
// applications. Role types (User roles hold users, MachineToMachine roles hold applications) are
// the service's business; the repo stores what it is given.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "store/organization_repo.h"

namespace gatehouse::store {

// Filters of GET /roles (combined with AND).
struct RoleFilter {
  std::optional<std::string> q;  // case-insensitive substring of id, name, description
  std::optional<model::RoleType> type;
  std::optional<std::string> exclude_user_id;         // roles this user does not hold
  std::optional<std::string> exclude_application_id;  // roles this application does not hold
};

// Who holds a role, for the role list (Logto's usersCount / featuredUsers / ...).
struct RoleHolders {
  std::string role_id;
  int64_t users_count = 0;
  std::vector<FeaturedUser> featured_users;  // the earliest holders, at most featured_limit
  int64_t applications_count = 0;
  std::vector<model::Application> featured_applications;
};

// A scope with the API resource it belongs to (GET /roles/:id/scopes).
struct ScopeWithResource {
  model::Scope scope;
  model::Resource resource;
};

class RoleRepo {
 public:
  virtual ~RoleRepo() = default;
  // Conflict if the name is taken (names are unique).
  virtual Result<void> Insert(const model::Role& role) = 0;
  // NotFound if absent; Conflict if the new name is taken.
  virtual Result<void> Update(const model::Role& role) = 0;
  virtual Result<std::optional<model::Role>> Find(const std::string& id) = 0;
  virtual Result<std::optional<model::Role>> FindByName(const std::string& name) = 0;
  // Newest first. Same as Search({q, type}, page).
  virtual Result<model::Page<model::Role>> List(const std::optional<std::string>& q,
                                                const std::optional<model::RoleType>& type,
                                                const std::optional<model::PageRequest>& page) = 0;
  virtual Result<model::Page<model::Role>> Search(const RoleFilter& filter,
                                                  const std::optional<model::PageRequest>& page) = 0;
  // Relations cascade. false if absent.
  virtual Result<bool> Delete(const std::string& id) = 0;
  // Holder counts and the first `featured_limit` holders of each role of `role_ids`.
  virtual Result<std::vector<RoleHolders>> Holders(const std::vector<std::string>& role_ids,
                                                   int featured_limit) = 0;

  // Role ↔ scope. AddScopes is idempotent; ForeignKey if a scope id is unknown.
  virtual Result<void> AddScopes(const std::string& role_id, const std::vector<std::string>& ids) = 0;
  // Every scope of the role, ordered by resource then scope name.
  virtual Result<std::vector<model::Scope>> ListScopes(const std::string& role_id) = 0;
  // The role's scopes with their resources; `q` over scope name and description.
  virtual Result<model::Page<ScopeWithResource>> SearchScopes(
      const std::string& role_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> RemoveScope(const std::string& role_id, const std::string& scope_id) = 0;

  // Role ↔ user. AddUsers is idempotent; ForeignKey if a user id is unknown.
  virtual Result<void> AddUsers(const std::string& role_id, const std::vector<std::string>& ids) = 0;
  // The holders, newest user first; `q` as UserRepo::List.
  virtual Result<model::Page<model::User>> ListUsers(
      const std::string& role_id, const std::optional<model::PageRequest>& page,
      const std::optional<std::string>& q = std::nullopt) = 0;
  // The ids of `ids` that already hold the role.
  virtual Result<std::vector<std::string>> UsersHolding(const std::string& role_id,
                                                        const std::vector<std::string>& ids) = 0;
  virtual Result<bool> RemoveUser(const std::string& role_id, const std::string& user_id) = 0;

  // Role ↔ application, as for users.
  virtual Result<void> AddApplications(const std::string& role_id,
                                       const std::vector<std::string>& ids) = 0;
  virtual Result<model::Page<model::Application>> ListApplications(
      const std::string& role_id, const std::optional<model::PageRequest>& page,
      const std::optional<std::string>& q = std::nullopt) = 0;
  virtual Result<std::vector<std::string>> ApplicationsHolding(
      const std::string& role_id, const std::vector<std::string>& ids) = 0;
  virtual Result<bool> RemoveApplication(const std::string& role_id, const std::string& app_id) = 0;

  // The distinct names of the scopes of `resource_id` that the application holds through its
  // global roles, sorted (client_credentials grant). One indexed query: applications_roles by
  // its primary key, roles_scopes by its primary key, scopes by id.
  virtual Result<std::vector<std::string>> ApplicationResourceScopes(
      const std::string& app_id, const std::string& resource_id) = 0;
  // The same for a user (refresh_token grant with `resource`).
  virtual Result<std::vector<std::string>> UserResourceScopes(const std::string& user_id,
                                                              const std::string& resource_id) = 0;
};

}  // namespace gatehouse::store

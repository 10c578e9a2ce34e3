// Global roles: the business rules behind API.md "global roles". A role grants API resource
// scopes; User roles are held by users, MachineToMachine roles by M2M applications (the
// client_credentials grant reads them through RoleRepo::ApplicationResourceScopes).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/users/users.h"
#include "store/role_repo.h"

namespace gatehouse::service {

struct NewRole {
  std::string name;
  std::string description;
  model::RoleType type = model::RoleType::kUser;
  std::vector<std::string> scope_ids;
};

struct RolePatch {
  std::optional<std::string> name;
  std::optional<std::string> description;
};

// A role of GET /roles with who holds it.
struct RoleListItem {
  model::Role role;
  store::RoleHolders holders;
};

// Atomic: Conflict (role.name_in_use) for a taken name, ForeignKey
// (entity.relation_foreign_key_not_found) for an unknown scope id — and then nothing is created.
Result<model::Role> CreateRole(const Context& ctx, const NewRole& input);
// NotFound (entity.not_exists_with_id) if absent.
Result<model::Role> GetRole(const Context& ctx, const std::string& id);
// Newest first, each with its holder counts and up to 3 featured holders.
Result<model::Page<RoleListItem>> ListRoles(const Context& ctx, const store::RoleFilter& filter,
                                            const std::optional<model::PageRequest>& page);
// NotFound if absent; Conflict (role.name_in_use).
Result<model::Role> UpdateRole(const Context& ctx, const std::string& id, const RolePatch& patch);
// NotFoundRelation (entity.not_found) if absent. Grants go with it.
Result<void> DeleteRole(const Context& ctx, const std::string& id);

// The role's scopes with their resources; `q` over scope name and description. NotFound if the
// role is absent.
Result<model::Page<store::ScopeWithResource>> ListRoleScopes(
    const Context& ctx, const std::string& role_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page);
// Adds scopes; returns every scope of the role. NotFound if the role is absent; Conflict
// (role.scope_exists) if the role already has one of them; ForeignKey for an unknown scope.
Result<std::vector<model::Scope>> AddRoleScopes(const Context& ctx, const std::string& role_id,
                                                const std::vector<std::string>& scope_ids);
// NotFoundRelation if the role does not have the scope (or is absent).
Result<void> RemoveRoleScope(const Context& ctx, const std::string& role_id,
                             const std::string& scope_id);

// Holders. NotFound if the role is absent.
Result<model::Page<model::User>> ListRoleUsers(const Context& ctx, const std::string& role_id,
                                               const std::optional<std::string>& q,
                                               const std::optional<model::PageRequest>& page);
// NotFound if the role is absent; Constraint (entity.db_constraint_violated) if it is not a User
// role; Conflict (role.user_exists) if a user already holds it; ForeignKey for an unknown user.
Result<void> AddRoleUsers(const Context& ctx, const std::string& role_id,
                          const std::vector<std::string>& user_ids);
Result<void> RemoveRoleUser(const Context& ctx, const std::string& role_id,
                            const std::string& user_id);

Result<model::Page<model::Application>> ListRoleApplications(
    const Context& ctx, const std::string& role_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page);
// As AddRoleUsers, for MachineToMachine roles and MachineToMachine applications (another type of
// application is a Constraint); Conflict code role.application_exists.
Result<void> AddRoleApplications(const Context& ctx, const std::string& role_id,
                                 const std::vector<std::string>& app_ids);
Result<void> RemoveRoleApplication(const Context& ctx, const std::string& role_id,
                                   const std::string& app_id);

}  // namespace gatehouse::service

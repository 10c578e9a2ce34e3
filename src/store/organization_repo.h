// OrganizationRepo: organizations, their members (users and M2M applications), and the
// organization roles those members hold. A role assignment cannot outlive its membership.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

class OrganizationRepo {
 public:
  virtual ~OrganizationRepo() = default;

  virtual Result<void> Insert(const model::Organization& org) = 0;
  virtual Result<void> Update(const model::Organization& org) = 0;
  virtual Result<std::optional<model::Organization>> Find(const std::string& id) = 0;
  // `q` over id, name. Newest first.
  virtual Result<model::Page<model::Organization>> List(
      const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) = 0;
  virtual Result<bool> Delete(const std::string& id) = 0;

  // Members (users). AddUsers is idempotent; ForeignKey if the org or a user is unknown.
  virtual Result<void> AddUsers(const std::string& org_id, const std::vector<std::string>& user_ids) = 0;
  // Removes the membership and (by cascade) its role assignments. false if not a member.
  virtual Result<bool> RemoveUser(const std::string& org_id, const std::string& user_id) = 0;
  virtual Result<std::vector<std::string>> UserIds(const std::string& org_id) = 0;
  virtual Result<bool> IsMember(const std::string& org_id, const std::string& user_id) = 0;
  // Members ordered by user id; `q` over id, primaryEmail, primaryPhone, username, name;
  // `role_id`: only members holding that organization role.
  virtual Result<model::Page<model::User>> ListUsers(const std::string& org_id,
                                                     const std::optional<std::string>& q,
                                                     const std::optional<std::string>& role_id,
                                                     const std::optional<model::PageRequest>& page) = 0;

  // Member role assignments. Add is idempotent.
  virtual Result<void> AddUserRoles(const std::string& org_id, const std::string& user_id,
                                    const std::vector<std::string>& role_ids) = 0;
  virtual Result<void> ReplaceUserRoles(const std::string& org_id, const std::string& user_id,
                                        const std::vector<std::string>& role_ids) = 0;
  virtual Result<bool> RemoveUserRole(const std::string& org_id, const std::string& user_id,
                                      const std::string& role_id) = 0;
  // Roles of one member, sorted by name.
  virtual Result<std::vector<model::OrganizationRole>> UserRoles(const std::string& org_id,
                                                                 const std::string& user_id) = 0;
  // Every (organization, role) of a user: for GET /users/:id/organizations and ID token claims.
  virtual Result<std::vector<model::Organization>> OrganizationsOfUser(const std::string& user_id) = 0;

  // M2M applications as members.
  virtual Result<void> AddApplications(const std::string& org_id,
                                       const std::vector<std::string>& app_ids) = 0;
  virtual Result<bool> RemoveApplication(const std::string& org_id, const std::string& app_id) = 0;
  virtual Result<std::vector<std::string>> ApplicationIds(const std::string& org_id) = 0;
  virtual Result<bool> IsApplicationMember(const std::string& org_id, const std::string& app_id) = 0;
  virtual Result<model::Page<model::Application>> ListApplications(
      const std::string& org_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) = 0;
  virtual Result<void> AddApplicationRoles(const std::string& org_id, const std::string& app_id,
                                           const std::vector<std::string>& role_ids) = 0;
  virtual Result<void> ReplaceApplicationRoles(const std::string& org_id, const std::string& app_id,
                                               const std::vector<std::string>& role_ids) = 0;
  virtual Result<bool> RemoveApplicationRole(const std::string& org_id, const std::string& app_id,
                                             const std::string& role_id) = 0;
  virtual Result<std::vector<model::OrganizationRole>> ApplicationRoles(const std::string& org_id,
                                                                        const std::string& app_id) = 0;
};

}  // namespace gatehouse::store

// PgOrganizationRepo: organizations, memberships (organization_users,
// organization_applications) and member role assignments (organization_user_roles,
// organization_application_roles) on PostgreSQL, behaving as SqliteOrganizationRepo. Id lists are
// bound as one text[] parameter, so statements stay prepared whatever the list length. A role
// assignment's foreign key to its membership locks the membership row: a concurrent membership
// delete and role insert cannot both commit (no assignment without its membership).
#pragma once

#include "store/organization_repo.h"
#include "store/postgres/connection.h"

namespace gatehouse::store::postgres {

class PgOrganizationRepo final : public OrganizationRepo {
 public:
  explicit PgOrganizationRepo(Connection& c) : c_(c) {}

  Result<void> Insert(const model::Organization& org) override;
  Result<void> Update(const model::Organization& org) override;
  Result<std::optional<model::Organization>> Find(const std::string& id) override;
  Result<model::Page<model::Organization>> List(
      const std::optional<std::string>& q, const std::optional<model::PageRequest>& page) override;
  Result<bool> Delete(const std::string& id) override;
  Result<std::vector<OrganizationUsersSummary>> UsersSummaryOf(
      const std::vector<std::string>& org_ids, int featured_limit) override;

  Result<void> AddUsers(const std::string& org_id, const std::vector<std::string>& user_ids, int64_t at_ms) override;
  Result<void> ReplaceUsers(const std::string& org_id,
                            const std::vector<std::string>& user_ids, int64_t at_ms) override;
  Result<bool> RemoveUser(const std::string& org_id, const std::string& user_id) override;
  Result<std::vector<std::string>> UserIds(const std::string& org_id) override;
  Result<bool> IsMember(const std::string& org_id, const std::string& user_id) override;
  Result<model::Page<model::User>> ListUsers(const std::string& org_id,
                                             const std::optional<std::string>& q,
                                             const std::optional<std::string>& role_id,
                                             const std::optional<model::PageRequest>& page) override;

  Result<void> AddUserRoles(const std::string& org_id, const std::string& user_id,
                            const std::vector<std::string>& role_ids) override;
  Result<void> AddUsersRoles(const std::string& org_id, const std::vector<std::string>& user_ids,
                             const std::vector<std::string>& role_ids) override;
  Result<void> ReplaceUserRoles(const std::string& org_id, const std::string& user_id,
                                const std::vector<std::string>& role_ids) override;
  Result<bool> RemoveUserRole(const std::string& org_id, const std::string& user_id,
                              const std::string& role_id) override;
  Result<std::vector<model::OrganizationRole>> UserRoles(const std::string& org_id,
                                                         const std::string& user_id) override;
  Result<std::vector<MemberRoleRow>> UsersRolesOf(const std::string& org_id,
                                                  const std::vector<std::string>& user_ids) override;
  Result<bool> IsRoleAssigned(const std::string& role_id, model::RoleType holders) override;
  Result<std::optional<std::vector<std::string>>> UserRoleIds(const std::string& org_id,
                                                              const std::string& user_id) override;
  Result<std::vector<model::OrganizationScope>> UserScopes(const std::string& org_id,
                                                           const std::string& user_id) override;
  Result<TemplateImpact> RoleScopeImpact(const std::string& role_id,
                                         const std::vector<std::string>& scope_ids) override;
  Result<TemplateImpact> ScopeImpact(const std::string& scope_id) override;
  Result<std::vector<model::Organization>> OrganizationsOfUser(const std::string& user_id) override;
  Result<std::vector<OrganizationRoleRow>> OrganizationRolesOfUser(const std::string& user_id) override;

  Result<void> AddApplications(const std::string& org_id,
                               const std::vector<std::string>& app_ids, int64_t at_ms) override;
  Result<std::vector<std::string>> NonMachineToMachineApplications(
      const std::vector<std::string>& app_ids) override;
  Result<void> ReplaceApplications(const std::string& org_id,
                                   const std::vector<std::string>& app_ids, int64_t at_ms) override;
  Result<bool> RemoveApplication(const std::string& org_id, const std::string& app_id) override;
  Result<std::vector<std::string>> ApplicationIds(const std::string& org_id) override;
  Result<bool> IsApplicationMember(const std::string& org_id, const std::string& app_id) override;
  Result<model::Page<model::Application>> ListApplications(
      const std::string& org_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) override;
  Result<void> AddApplicationRoles(const std::string& org_id, const std::string& app_id,
                                   const std::vector<std::string>& role_ids) override;
  Result<void> AddApplicationsRoles(const std::string& org_id,
                                    const std::vector<std::string>& app_ids,
                                    const std::vector<std::string>& role_ids) override;
  Result<void> ReplaceApplicationRoles(const std::string& org_id, const std::string& app_id,
                                       const std::vector<std::string>& role_ids) override;
  Result<bool> RemoveApplicationRole(const std::string& org_id, const std::string& app_id,
                                     const std::string& role_id) override;
  Result<std::vector<model::OrganizationRole>> ApplicationRoles(const std::string& org_id,
                                                                const std::string& app_id) override;
  Result<std::vector<MemberRoleRow>> ApplicationsRolesOf(
      const std::string& org_id, const std::vector<std::string>& app_ids) override;
  Result<std::optional<std::vector<std::string>>> ApplicationRoleIds(
      const std::string& org_id, const std::string& app_id) override;

 private:
  Connection& c_;
};

}  // namespace gatehouse::store::postgres

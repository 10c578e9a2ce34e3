// OrganizationRepo: organizations, their members (users and M2M applications), and the
// organization roles those members hold. A role assignment cannot outlive its membership.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"

namespace gatehouse::store {

// A role held by a member (user or application) of one organization.
struct MemberRoleRow {
  std::string member_id;
  model::OrganizationRole role;
};

// A role a user holds in some organization (ID token claims, GET /users/:id/organizations).
struct OrganizationRoleRow {
  std::string organization_id;
  model::OrganizationRole role;
};

// A user shown on an organization card (GET /organizations?showFeatured=true).
struct FeaturedUser {
  std::string id;
  std::optional<std::string> avatar;
  std::optional<std::string> name;
};

struct OrganizationUsersSummary {
  std::string organization_id;
  int64_t users_count = 0;
  std::vector<FeaturedUser> featured;  // the first members by user id, at most featured_limit
};

// How many distinct members and organizations a template change would touch (the impact
// preview, doc/console.md). Users and applications are counted apart; organizations count those
// where any user or application changes.
struct ImpactCounts {
  int64_t users = 0;
  int64_t applications = 0;
  int64_t organizations = 0;
};
struct ScopeImpact {
  std::string scope_id;
  ImpactCounts counts;
};
struct TemplateImpact {
  ImpactCounts total;               // distinct over every scope
  std::vector<ScopeImpact> scopes;  // scopes with any change only, ordered by scope id
};

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
  // Member count and first `featured_limit` members of each organization of `org_ids` (one
  // entry per id that exists, any order).
  virtual Result<std::vector<OrganizationUsersSummary>> UsersSummaryOf(
      const std::vector<std::string>& org_ids, int featured_limit) = 0;

  // Members (users). AddUsers is idempotent (existing members keep their joining time and
  // roles); ForeignKey if the org or a user is unknown. `at_ms`: joining time of new members.
  virtual Result<void> AddUsers(const std::string& org_id, const std::vector<std::string>& user_ids,
                                int64_t at_ms) = 0;
  // Makes the members exactly `user_ids`: adds the missing ones, removes the others (and their
  // role assignments); members who stay keep their roles. ForeignKey for an unknown user.
  virtual Result<void> ReplaceUsers(const std::string& org_id,
                                    const std::vector<std::string>& user_ids, int64_t at_ms) = 0;
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

  // Member role assignments. Add is idempotent; ForeignKey if the user is not a member or a role
  // is unknown. Role types are the service's business.
  virtual Result<void> AddUserRoles(const std::string& org_id, const std::string& user_id,
                                    const std::vector<std::string>& role_ids) = 0;
  // Every (user, role) pair of the two lists.
  virtual Result<void> AddUsersRoles(const std::string& org_id,
                                     const std::vector<std::string>& user_ids,
                                     const std::vector<std::string>& role_ids) = 0;
  virtual Result<void> ReplaceUserRoles(const std::string& org_id, const std::string& user_id,
                                        const std::vector<std::string>& role_ids) = 0;
  virtual Result<bool> RemoveUserRole(const std::string& org_id, const std::string& user_id,
                                      const std::string& role_id) = 0;
  // Roles of one member, sorted by name.
  virtual Result<std::vector<model::OrganizationRole>> UserRoles(const std::string& org_id,
                                                                 const std::string& user_id) = 0;
  // The roles of each member of `user_ids` (one query for a page of members), ordered by member
  // id then role name.
  virtual Result<std::vector<MemberRoleRow>> UsersRolesOf(const std::string& org_id,
                                                          const std::vector<std::string>& user_ids) = 0;
  // Whether any member holds `role_id` in any organization: users when `holders` is kUser,
  // M2M applications when kMachineToMachine (indexed by role).
  virtual Result<bool> IsRoleAssigned(const std::string& role_id, model::RoleType holders) = 0;
  // The token hot path, one indexed query: nullopt if the user is not a member, else the ids of
  // the roles it holds there (possibly none).
  virtual Result<std::optional<std::vector<std::string>>> UserRoleIds(const std::string& org_id,
                                                                      const std::string& user_id) = 0;
  // The distinct organization scopes a member holds through its roles, ordered by name.
  virtual Result<std::vector<model::OrganizationScope>> UserScopes(const std::string& org_id,
                                                                   const std::string& user_id) = 0;
  // Impact preview. For each organization scope of `scope_ids` (duplicates count once): the
  // members holding `role_id` in an organization for whom no *other* role they hold there grants
  // that scope — exactly those who would gain the scope if the role started granting it, or lose
  // it if the role stopped. As in authz evaluation, users count only through User roles and M2M
  // applications only through MachineToMachine roles. Unknown ids count nothing. One indexed
  // pass over the role's assignments (organization_*_roles by role) with a NOT EXISTS probe on
  // the member's other assignments (primary key prefix).
  virtual Result<TemplateImpact> RoleScopeImpact(const std::string& role_id,
                                                 const std::vector<std::string>& scope_ids) = 0;
  // The members holding organization scope `scope_id` in some organization through any role
  // (those who would lose it if the scope were deleted).
  virtual Result<TemplateImpact> ScopeImpact(const std::string& scope_id) = 0;

  // The organizations a user is a member of, ordered by organization id.
  virtual Result<std::vector<model::Organization>> OrganizationsOfUser(const std::string& user_id) = 0;
  // Every (organization, role) of a user, ordered by organization id then role name: for
  // GET /users/:id/organizations and the organization_roles ID token claim.
  virtual Result<std::vector<OrganizationRoleRow>> OrganizationRolesOfUser(
      const std::string& user_id) = 0;

  // M2M applications as members (application types are the service's business).
  virtual Result<void> AddApplications(const std::string& org_id,
                                       const std::vector<std::string>& app_ids, int64_t at_ms) = 0;
  // The ids among `app_ids` of existing applications that are not MachineToMachine.
  virtual Result<std::vector<std::string>> NonMachineToMachineApplications(
      const std::vector<std::string>& app_ids) = 0;
  virtual Result<void> ReplaceApplications(const std::string& org_id,
                                           const std::vector<std::string>& app_ids, int64_t at_ms) = 0;
  virtual Result<bool> RemoveApplication(const std::string& org_id, const std::string& app_id) = 0;
  virtual Result<std::vector<std::string>> ApplicationIds(const std::string& org_id) = 0;
  virtual Result<bool> IsApplicationMember(const std::string& org_id, const std::string& app_id) = 0;
  virtual Result<model::Page<model::Application>> ListApplications(
      const std::string& org_id, const std::optional<std::string>& q,
      const std::optional<model::PageRequest>& page) = 0;
  virtual Result<void> AddApplicationRoles(const std::string& org_id, const std::string& app_id,
                                           const std::vector<std::string>& role_ids) = 0;
  virtual Result<void> AddApplicationsRoles(const std::string& org_id,
                                            const std::vector<std::string>& app_ids,
                                            const std::vector<std::string>& role_ids) = 0;
  virtual Result<void> ReplaceApplicationRoles(const std::string& org_id, const std::string& app_id,
                                               const std::vector<std::string>& role_ids) = 0;
  virtual Result<bool> RemoveApplicationRole(const std::string& org_id, const std::string& app_id,
                                             const std::string& role_id) = 0;
  virtual Result<std::vector<model::OrganizationRole>> ApplicationRoles(const std::string& org_id,
                                                                        const std::string& app_id) = 0;
  virtual Result<std::vector<MemberRoleRow>> ApplicationsRolesOf(
      const std::string& org_id, const std::vector<std::string>& app_ids) = 0;
  // The M2M token hot path: nullopt if not a member, else its role ids.
  virtual Result<std::optional<std::vector<std::string>>> ApplicationRoleIds(
      const std::string& org_id, const std::string& app_id) = 0;
};

}  // namespace gatehouse::store

// Organization membership (API.md "Organizations" → members and member roles): which users
// belong to an organization and which organization roles each holds there. Every write is one
// transaction. Role rules: a user holds only `User` roles (a MachineToMachine role →
// Constraint, entity.db_constraint_violated); role operations on a non-member → Constraint,
// organization.require_membership (422).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "store/store.h"

namespace gatehouse::service {

// A member with its organization roles (sorted by name).
template <typename Member>
struct MemberWithRoles {
  Member member;
  std::vector<model::OrganizationRole> roles;
};
using OrganizationUser = MemberWithRoles<model::User>;
using OrganizationApplication = MemberWithRoles<model::Application>;

// Members ordered by user id; `q` over id, primaryEmail, primaryPhone, username, name;
// `role_id`: only holders of that role. The roles of the page's members come from one query.
// NotFound when the organization does not exist.
Result<model::Page<OrganizationUser>> ListOrganizationUsers(
    const Context& ctx, const std::string& org_id, const std::optional<std::string>& q,
    const std::optional<std::string>& role_id, const std::optional<model::PageRequest>& page);

// Adds members; existing members are untouched, duplicates stored once. ForeignKey when the
// organization or a user is unknown (and nothing is added).
Result<void> AddOrganizationUsers(const Context& ctx, const std::string& org_id,
                                  const std::vector<std::string>& user_ids);
// Makes the members exactly `user_ids`: only the difference is written; members who stay keep
// their roles; removed members lose theirs. ForeignKey as for Add.
Result<void> ReplaceOrganizationUsers(const Context& ctx, const std::string& org_id,
                                      const std::vector<std::string>& user_ids);
// NotFoundRelation when the user is not a member.
Result<void> RemoveOrganizationUser(const Context& ctx, const std::string& org_id,
                                    const std::string& user_id);

// Assigns every role to every user (all must be members: else ForeignKey).
Result<void> AssignOrganizationUsersRoles(const Context& ctx, const std::string& org_id,
                                          const std::vector<std::string>& user_ids,
                                          const std::vector<std::string>& role_ids);

// Roles named by id and/or name, as POST/PUT .../users/:userId/roles take them.
struct RoleSelection {
  std::vector<std::string> ids;
  std::vector<std::string> names;
};

Result<std::vector<model::OrganizationRole>> ListOrganizationUserRoles(const Context& ctx,
                                                                       const std::string& org_id,
                                                                       const std::string& user_id);
// Adds roles; returns the distinct role ids assigned (ids first, then those of names).
// Unknown names → Constraint organization.role_names_not_found; unknown ids → ForeignKey.
Result<std::vector<std::string>> AddOrganizationUserRoles(const Context& ctx,
                                                          const std::string& org_id,
                                                          const std::string& user_id,
                                                          const RoleSelection& roles);
// Replaces the member's roles with exactly these.
Result<void> ReplaceOrganizationUserRoles(const Context& ctx, const std::string& org_id,
                                          const std::string& user_id, const RoleSelection& roles);
// NotFoundRelation when the member does not hold the role.
Result<void> RemoveOrganizationUserRole(const Context& ctx, const std::string& org_id,
                                        const std::string& user_id, const std::string& role_id);
// The distinct organization scopes the member holds, by name.
Result<std::vector<model::OrganizationScope>> ListOrganizationUserScopes(const Context& ctx,
                                                                         const std::string& org_id,
                                                                         const std::string& user_id);

// Shared by the member services: resolves `roles` to distinct ids, checking that every role
// exists and has type `type`. REQUIRES: inside a unit of work.
Result<std::vector<std::string>> ResolveOrganizationRoles(store::Repos& r,
                                                          const RoleSelection& roles,
                                                          model::RoleType type);
// The error for role operations on a non-member.
Error RequireMembership();

}  // namespace gatehouse::service

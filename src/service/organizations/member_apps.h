// M2M applications as organization members (API.md "Organizations" → M2M apps): only
// MachineToMachine applications may join (else Constraint, entity.db_constraint_violated), and
// they hold only MachineToMachine roles. Role operations on a missing organization or a
// non-member → Constraint, organization.require_membership (422).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "service/organizations/members.h"

namespace gatehouse::service {

// Ordered by application id; `q` over id, name, description; each with its roles. NotFound
// when the organization does not exist.
Result<model::Page<OrganizationApplication>> ListOrganizationApplications(
    const Context& ctx, const std::string& org_id, const std::optional<std::string>& q,
    const std::optional<model::PageRequest>& page);
// Idempotent add; ForeignKey for an unknown organization or application.
Result<void> AddOrganizationApplications(const Context& ctx, const std::string& org_id,
                                         const std::vector<std::string>& app_ids);
// Exactly these members; those who stay keep their roles.
Result<void> ReplaceOrganizationApplications(const Context& ctx, const std::string& org_id,
                                             const std::vector<std::string>& app_ids);
// NotFoundRelation when not a member.
Result<void> RemoveOrganizationApplication(const Context& ctx, const std::string& org_id,
                                           const std::string& app_id);
// Every role to every application (all must be members: else ForeignKey).
Result<void> AssignOrganizationApplicationsRoles(const Context& ctx, const std::string& org_id,
                                                 const std::vector<std::string>& app_ids,
                                                 const std::vector<std::string>& role_ids);

Result<std::vector<model::OrganizationRole>> ListOrganizationApplicationRoles(
    const Context& ctx, const std::string& org_id, const std::string& app_id);
Result<void> AddOrganizationApplicationRoles(const Context& ctx, const std::string& org_id,
                                             const std::string& app_id,
                                             const std::vector<std::string>& role_ids);
Result<void> ReplaceOrganizationApplicationRoles(const Context& ctx, const std::string& org_id,
                                                 const std::string& app_id,
                                                 const std::vector<std::string>& role_ids);
// NotFoundRelation when the application does not hold the role.
Result<void> RemoveOrganizationApplicationRole(const Context& ctx, const std::string& org_id,
                                               const std::string& app_id,
                                               const std::string& role_id);

}  // namespace gatehouse::service

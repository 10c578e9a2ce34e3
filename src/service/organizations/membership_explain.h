// Explain (doc/console.md "Explain"): why a user holds — or does not hold — each permission of
// the organization template in one organization. The answer comes from the same evaluation the
// token endpoint uses (service::CurrentTemplate + authz::OrganizationScopes/ResourceScopes over
// the member's role ids), with every template permission listed: which of the member's roles
// grant it, and which template roles could.
#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"

namespace gatehouse::service {

struct RoleRef {
  std::string id;
  std::string name;
};

// A role the member holds, with the organization scopes it grants (by name).
struct ExplainedRole {
  RoleRef role;
  std::vector<RoleRef> scopes;  // {id, name} of organization scopes
};

struct ExplainedScope {
  model::OrganizationScope scope;
  bool granted = false;
  std::vector<RoleRef> granted_by;    // the member's roles that grant it, by name
  std::vector<RoleRef> grantable_by;  // every User role of the template that grants it, by name
};

struct ExplainedResourceScope {
  model::Scope scope;
  std::string resource_name;
  std::string resource_indicator;
  bool granted = false;
  std::vector<RoleRef> granted_by;
  std::vector<RoleRef> grantable_by;
};

struct MembershipExplanation {
  std::string organization_id;
  std::string user_id;
  bool is_member = false;
  std::vector<ExplainedRole> roles;    // by name; empty for a non-member
  std::vector<ExplainedScope> scopes;  // every organization scope of the template, by name
  // Every API resource scope some organization role grants, by resource name then scope name.
  std::vector<ExplainedResourceScope> resource_scopes;
};

// NotFound (entity.not_exists_with_id) when the organization or the user does not exist. A user
// who is not a member is explained too: is_member false, no roles, nothing granted.
// grantable_by lists User roles only: a MachineToMachine role can never be given to a user.
Result<MembershipExplanation> ExplainMembership(const Context& ctx, const std::string& org_id,
                                                const std::string& user_id);

}  // namespace gatehouse::service

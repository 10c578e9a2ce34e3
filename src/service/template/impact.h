// Impact preview (doc/console.md "Impact preview"): what a change of the organization template
// would do to the members of every organization — who would gain or lose which organization
// permission — computed from the role-assignment tables without writing anything. A member gains
// a permission only if no other role of theirs in that organization already grants it, and loses
// one only if no remaining role grants it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "model/entities.h"
#include "service/context.h"
#include "store/organization_repo.h"

namespace gatehouse::service {

enum class TemplateChange { kAddRoleScopes, kRemoveRoleScopes, kDeleteRole, kDeleteScope };
// "addRoleScopes", "removeRoleScopes", "deleteRole", "deleteScope".
std::string_view ToString(TemplateChange c);
std::optional<TemplateChange> ParseTemplateChange(std::string_view s);

struct TemplateChangeRequest {
  TemplateChange change = TemplateChange::kAddRoleScopes;
  std::string role_id;                 // add/remove role scopes, deleteRole
  std::vector<std::string> scope_ids;  // add/remove role scopes (non-empty)
  std::string scope_id;                // deleteScope
};

// One organization permission the change would grant or take away, with who it reaches.
struct ScopeChange {
  model::OrganizationScope scope;
  store::ImpactCounts counts;
};

struct TemplateImpactPreview {
  TemplateChange change = TemplateChange::kAddRoleScopes;
  store::ImpactCounts affected;     // distinct users, applications, organizations with any change
  std::vector<ScopeChange> gains;   // by scope name
  std::vector<ScopeChange> losses;  // by scope name
};

// Previews `request`. Every permission the change would really alter is listed (with zero counts
// when no member is reached); scopes a role already has (add) or does not have (remove) are no
// change and are left out. NotFound (entity.not_exists_with_id) for an unknown role or scope id;
// InvalidInput for a missing role/scope id or an empty scope list. Reads only.
Result<TemplateImpactPreview> PreviewTemplateChange(const Context& ctx,
                                                    const TemplateChangeRequest& request);

}  // namespace gatehouse::service

// Permission evaluation (PRODUCT.md §2): what a member of an organization holds through the
// organization template, and which scopes a token may carry. Pure functions over an immutable
// TemplateSnapshot and the member's role ids — no I/O, safe from any thread.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "authz/template_snapshot.h"

namespace gatehouse::authz {

// Who holds the roles. A user draws permissions only from `User` roles and an M2M application
// only from `MachineToMachine` roles (assignment enforces this already; evaluation enforces it
// again so a role whose type changed later cannot leak permissions to the other kind).
enum class PrincipalKind { kUser, kApplication };

// The distinct organization scope names granted by `role_ids`, sorted by name. Unknown role ids
// (deleted since they were read) grant nothing.
std::vector<std::string> OrganizationScopes(const TemplateSnapshot& snapshot, PrincipalKind who,
                                            std::span<const std::string> role_ids);

// The distinct scope names of the API resource `indicator` granted by `role_ids` inside the
// organization, sorted by name.
std::vector<std::string> ResourceScopes(const TemplateSnapshot& snapshot, PrincipalKind who,
                                        std::span<const std::string> role_ids,
                                        std::string_view indicator);

// The outcome of a token's scope request.
struct ScopeDecision {
  bool denied = false;              // explicit request and nothing of it held → access_denied
  std::vector<std::string> scopes;  // issued scopes, sorted, distinct (empty when denied)
};

// PRODUCT.md §2, "Rule for explicit scope requests":
// - `requested` (the `scope` parameter, split on spaces) present and non-empty: issued =
//   requested ∩ held; when that is empty the request is denied.
// - otherwise issued = held ∩ `ceiling`, where `ceiling` is the refresh token's scopes for a
//   user, or nullopt (everything held) for an M2M application; an empty result is a valid,
//   empty grant (scope "").
// `held` need not be sorted. Checking that `requested` ⊆ refresh-token scopes (invalid_scope)
// is the grant's business, before this.
ScopeDecision DecideScopes(std::span<const std::string> held,
                           const std::optional<std::vector<std::string>>& requested,
                           const std::optional<std::vector<std::string>>& ceiling);

}  // namespace gatehouse::authz

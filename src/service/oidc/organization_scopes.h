// The scope-selection rule of organization tokens. What a member holds is evaluated by
// service/organizations/member_permissions.h (live membership and roles, template snapshot
// checked against the store's template version on every request).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"

namespace gatehouse::service {

// PRODUCT.md §2: with an explicit scope (non-empty) issued = explicit ∩ held, and 403
// access_denied when that is empty; otherwise issued = held ∩ `ceiling` (nullopt: everything
// held), possibly empty.
Result<std::vector<std::string>> SelectScopes(const std::vector<std::string>& explicit_scope,
                                              const std::optional<std::vector<std::string>>& ceiling,
                                              const std::vector<std::string>& held);

// Union of two name lists (order of `a` then new ones of `b`).
std::vector<std::string> UnionScopes(std::vector<std::string> a, const std::vector<std::string>& b);

}  // namespace gatehouse::service
